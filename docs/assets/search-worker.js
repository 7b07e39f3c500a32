/* The site's search worker, in place of Material's lunr worker (overrides/main.html points
   Material at it; Material's search box, result list and keys are unchanged).

   Material's messages: {type: 0 SETUP} → {type: 1 READY}; {type: 2 QUERY, data: text} →
   {type: 3 RESULT, data: {items: [[page, section, …], …]}}. The index of this page's language
   is sharded (tools/site/search_index.py describes the layout). SETUP brings the manifest (in
   the configuration of Material's own search_index.json, which every page fetches anyway) and
   is answered with READY at once; nothing is fetched until a query, which loads the term
   shards of its words, ranks the sections from their postings, draws the best of them from the
   labels that came with the term shards (one round trip), then loads the text shards of the
   sections it shows, for snippets and the whole-query rule. A reader who never searches downloads this script alone, and a
   search in a corpus a hundred times larger not much more. The other language's shards never are.

   Ranking, best first: the whole query as typed (spaces aside) → every word → some words;
   then plan sections before glossary, topic and reference entries; then a match in the
   section's title; then how often the words occur (a word in more than a quarter of the sections
   counts once: the index keeps no counts for it). Chinese is split into the words jieba
   found at build time (longest match first), so 商标 stays 商标 and a section about 商业秘密
   does not match it; a Chinese word is filed under its first character, so the shards of the
   query's characters hold every word the query can be split into. The whole-query rule needs
   the text: it is checked on the sections shown, whose text is loaded anyway for the snippets.
   Under file:// this script runs in an iframe (vendored iframe-worker shim), where
   importScripts returns a promise, loads in parallel and relative URLs resolve against the
   page; over http the shards are fetched in parallel and read as JSON. */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var here = (self.document && document.currentScript) ? document.currentScript.src : self.location.href;
  var lang = /#zh/.test(here) ? "zh" : "en";
  var folder = new URL("../search/" + lang + "/", here.replace(/[#?].*$/, "")).href;
  var local = /^file:/.test(folder);
  var shards = {}, loading = {}, manifest = null, pageOf = null;
  var labelled = {}, labelledPages = {};  // the labels of the term shards' heads: section → [page, anchor, number, title]
  var latest = null;
  var MAX_PER_PAGE = 4;
  var MAX_PAGES = 10;  // the pages Material draws at once; their sections' texts are all a search loads
  var FIRST_WAVE = 6;  // text shards fetched at once (a browser's connections to one host over HTTP/1.1)
  var MAX_WORD = 8;  // the longest Chinese word in the index (search_index.CJK_WORD)
  var STOP = new Set(lang === "en" ? ("a an and are as at be by can do does for from has have how in is it of on or " +
    "the to what when where which who why with").split(" ") : ["的", "是", "什么", "怎么", "如何", "哪些", "吗", "呢"]);

  /* Each shard file calls this (importScripts) or is read as its argument (fetch). A term shard
     brings the labels of its terms' best sections (heads), from which the first results are drawn. */
  self.SEARCH_SHARD = function (name, content) {
    shards[name] = content;
    if (content.terms) {
      Object.assign(labelled, content.docs);
      Object.assign(labelledPages, content.pages);
    }
  };

  function loadShard(name) {
    if (!loading[name]) {
      var url = folder + name + ".js";
      loading[name] = (local ? Promise.resolve(importScripts(url)) : fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.text();
      }).then(function (text) {
        self.SEARCH_SHARD(name, JSON.parse(text.slice(text.indexOf(",") + 1, text.lastIndexOf(")"))));
      }));
      loading[name].catch(function () { delete loading[name]; });  // tried again by the next query
    }
    return loading[name];
  }

  function load(names) {
    return Promise.all(names.filter(function (name, n) { return names.indexOf(name) === n; }).map(loadShard));
  }

  /* The manifest comes with SETUP: Material hands over its search_index.json, whose configuration
     carries the manifests of both languages (config.shards). */
  var receiveManifest;
  var setup = new Promise(function (resolve) { receiveManifest = resolve; });

  function prepare(data) {
    manifest = ((data && data.config && data.config.shards) || {})[lang];
    if (!manifest) return;
    pageOf = [];
    manifest.pages.forEach(function (size, page) { for (var i = 0; i < size; i++) pageOf.push(page); });
    receiveManifest();
  }

  /* The term shard of a key (search_index.shard_of): a 31-multiplier hash over UTF-16 units. */
  function shardOf(key) {
    var value = 0;
    for (var i = 0; i < key.length; i++) value = (Math.imul(value, 31) + key.charCodeAt(i)) >>> 0;
    return "t" + (value % manifest.terms);
  }

  function isChinese(text) { return /^[\u3400-\u9fff]/.test(text); }
  function keyOf(term) { return isChinese(term) ? term[0] : term.slice(0, 3); }

  /* The postings of a term, from whichever loaded shard holds it. */
  function postings(term) {
    return ((shards[shardOf(keyOf(term))] || {}).terms || {})[term];
  }

  /* Chinese: no spaces (the text wraps anywhere); English: lower case. */
  function fold(text) {
    return lang === "zh" ? text.replace(/\s+/g, "").toLowerCase() : text.toLowerCase();
  }

  /* A run of Chinese characters → the index's words, longest first; characters that start
     no known word stay together, so an unknown name is looked up whole, never by its first
     character (it then matches nothing). The words are the loaded shards' own. */
  function segment(run) {
    var words = [], pending = "", i = 0;
    while (i < run.length) {
      var size = Math.min(MAX_WORD, run.length - i);
      while (size > 1 && !postings(run.substr(i, size))) size--;
      if (size === 1) {
        pending += run[i];
      } else {
        if (pending) words.push(pending);
        pending = "";
        words.push(run.substr(i, size));
      }
      i += size;
    }
    if (pending) words.push(pending);
    return words;
  }

  /* The query's pieces: Chinese runs, and words of letters or digits (as the index cuts its text). */
  function pieces(query) {
    var found = [];
    query.toLowerCase().split(/\s+/).forEach(function (part) {
      (part.match(/[\u3400-\u9fff]+|[\p{L}\p{N}]+/gu) || []).forEach(function (piece) {
        /* \p{L} also takes Chinese: split a mixed word again at its Chinese runs */
        piece.split(/([\u3400-\u9fff]+)/).forEach(function (bit) { if (bit) found.push(bit); });
      });
    });
    return found;
  }

  /* The term shards a query needs: a Chinese run's characters (every word it can be split into
     starts with one of them); another word's key, and its plain-ending forms' (ip → ips). */
  function shardsFor(query) {
    var names = [];
    pieces(query).forEach(function (piece) {
      if (isChinese(piece)) {
        for (var i = 0; i < piece.length; i++) names.push(shardOf(piece[i]));
      } else {
        names.push(shardOf(keyOf(piece)));
        manifest.endings.forEach(function (ending) { names.push(shardOf(keyOf(piece + ending))); });
      }
    });
    return names;
  }

  function terms(query) {
    var words = [];
    pieces(query).forEach(function (piece) {
      words = words.concat(isChinese(piece) ? segment(piece) : [piece]);
    });
    words = words.filter(function (word, n) { return words.indexOf(word) === n; });
    /* A plain question ("What does Gansu do for …?"): its function words would rank whatever
       section repeats them; they count only when the query has nothing else. */
    var content = words.filter(function (word) { return !STOP.has(word); });
    return content.length ? content : words;
  }

  /* A word's exact terms (Chinese: itself, found as a substring at build time; otherwise the
     word whole or with a plain ending) and loose ones (other words it begins: a word still
     being typed), each a posting list of [section delta, title count + 8 × text count]. */
  function matcher(word) {
    var exact = [], loose = [];
    if (isChinese(word)) {
      if (postings(word)) {
        exact.push(postings(word));
      } else {
        /* characters that start no word (one still being typed): the words they begin, loosely */
        var own = (shards[shardOf(word[0])] || {}).terms || {};
        Object.keys(own).forEach(function (term) { if (term.indexOf(word) === 0) loose.push(own[term]); });
      }
      return {word: word, exact: exact, loose: loose};
    }
    var forms = [word].concat(manifest.endings.map(function (ending) { return word + ending; }));
    forms.forEach(function (form) { if (postings(form)) exact.push(postings(form)); });
    var shard = (shards[shardOf(keyOf(word))] || {}).terms || {};
    Object.keys(shard).forEach(function (term) {
      if (term !== word && term.indexOf(word) === 0 && keyOf(term) === keyOf(word) && forms.indexOf(term) === -1) {
        loose.push(shard[term]);
      }
    });
    return {word: word, exact: exact, loose: loose};
  }

  /* Section number → [title count, text count, loose count] of one word. */
  function counts(lists, into) {
    lists.forEach(function (list) {
      for (var i = 0, doc = 0; i < list.length; i += 2) {
        doc += list[i];
        var entry = into.get(doc) || [0, 0, 0];
        entry[0] += list[i + 1] & 7;
        entry[1] += list[i + 1] >> 3;
        into.set(doc, entry);
      }
    });
    return into;
  }

  function looseCounts(lists) {
    var into = new Map();
    counts(lists, into).forEach(function (entry) { entry[2] = entry[0] + entry[1]; entry[0] = entry[1] = 0; });
    return into;
  }

  function phraseOf(query) {
    var folded = fold(query.trim());
    return lang === "zh" ? folded : folded.replace(/\s+/g, " ");
  }

  /* Every section that holds a word, scored from the postings alone: every word → some words,
     plan sections first, words in the title, how often. `phrase` tells whether the query is
     more than its one word, so that the whole-query rule needs the text. */
  function rank(matchers) {
    var perWord = matchers.map(function (m) { return {exact: counts(m.exact, new Map()), loose: looseCounts(m.loose)}; });
    var docs = new Set();
    perWord.forEach(function (w) { w.exact.forEach(function (_, doc) { docs.add(doc); }); w.loose.forEach(function (_, doc) { docs.add(doc); }); });
    var hits = [];
    docs.forEach(function (doc) {
      var all = true, allLoose = true, some = 0, inTitle = 0, hits_ = 0, found = {};
      matchers.forEach(function (m, n) {
        var e = perWord[n].exact.get(doc) || [0, 0, 0], t = e[0], b = e[1];
        var loose = (t || b) ? 0 : ((perWord[n].loose.get(doc) || [0, 0, 0])[2]);
        found[m.word] = Boolean(t || b || loose);
        if (!(t || b)) all = false;
        if (!(t || b || loose)) allLoose = false;
        if (t || b || loose) some++;
        if (t) inTitle++;
        hits_ += Math.min(t + b, 20) + Math.min(loose, 20) / 4;
      });
      if (!some) return;
      var tier = all ? 3 : allLoose ? 2 : 1;
      var rest = (doc < manifest.plan ? 5000 : 0) + (inTitle / matchers.length) * 2000 +
        (some / matchers.length) * 1000 + Math.min(hits_, 100) * 5;
      hits.push({doc: doc, page: pageOf[doc], tier: tier, rest: rest, found: found});
    });
    return hits;
  }

  function order(hits) {
    hits.forEach(function (hit) { hit.value = hit.tier * 10000 + hit.rest; });
    return hits.sort(function (a, b) { return b.value - a.value || a.doc - b.doc; });
  }

  /* The best sections of the best pages: what Material draws, and all whose text is loaded. */
  function shown(hits) {
    var pages = [], perPage = {}, picked = [];
    hits.forEach(function (hit) {
      if (!(hit.page in perPage)) {
        if (pages.length >= MAX_PAGES) return;
        pages.push(hit.page);
        perPage[hit.page] = 0;
      }
      /* A few sections per page: hundreds of them slow a phone down. */
      if (perPage[hit.page] >= MAX_PER_PAGE) return;
      perPage[hit.page]++;
      picked.push(hit);
    });
    return picked;
  }

  /* The text shard that holds a section. */
  function textShardOf(number) {
    return "d" + Math.floor(number / manifest.per);
  }

  function hasText(number) {
    return Boolean(shards[textShardOf(number)]);
  }

  /* A section's [page, anchor, number, title, text] from its text shard, else its label alone from a term shard's heads. */
  function docOf(number) {
    return hasText(number) ? shards[textShardOf(number)].docs[number % manifest.per] : labelled[number];
  }

  function pageInfo(number) {
    return hasText(number) ? shards[textShardOf(number)].pages[pageOf[number]] : labelledPages[pageOf[number]];
  }

  /* What a result is called: plan short name, printed number, title (新疆“十四五”规划 三（一）5
     推进专利金融创新发展); a plan's page title is its short name alone. */
  function label(doc, page) {
    return [page[2], doc[2], doc[3]].filter(Boolean).join(" ") || page[1];
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* The words marked in a piece of text (positions found on the text itself, so marks never split a character). */
  function highlight(text, words) {
    var folded = text.toLowerCase(), marks = [];
    words.forEach(function (word) {
      var at = folded.indexOf(word);
      while (word && at !== -1) { marks.push([at, at + word.length]); at = folded.indexOf(word, at + word.length); }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var out = "", last = 0;
    marks.forEach(function (mark) {
      if (mark[0] < last) return;
      out += escapeHtml(text.slice(last, mark[0])) + "<mark>" + escapeHtml(text.slice(mark[0], mark[1])) + "</mark>";
      last = mark[1];
    });
    return out + escapeHtml(text.slice(last));
  }

  function snippet(text, words) {
    if (!text) return "";  // a label drawn before its text has arrived
    var folded = text.toLowerCase(), first = -1, size = lang === "zh" ? 90 : 220;
    words.forEach(function (word) {
      var at = folded.indexOf(word);
      if (at !== -1 && (first === -1 || at < first)) first = at;
    });
    var start = Math.max(0, first - (lang === "zh" ? 20 : 60));
    var piece = text.slice(start, start + size);
    return (start > 0 ? "…" : "") + highlight(piece, words) + (start + size < text.length ? "…" : "");
  }

  /* The whole query as typed, on a section's loaded text (its title with its printed number, or the page title). */
  function hasPhrase(number, phrase) {
    var doc = docOf(number), page = pageInfo(number);
    var title = fold([doc[2], doc[3] || page[1]].filter(Boolean).join(" ")), text = fold(doc[4]);
    if (lang === "zh") return (title + text).indexOf(phrase) !== -1;
    var at = new RegExp("(?<![\\p{L}\\p{N}])" + phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") +
      "(?:s|es|d|ed|ing)?(?![\\p{L}\\p{N}])", "u");
    return at.test(title + " " + text);
  }

  function textShard(hit) {
    return textShardOf(hit.doc);
  }

  function textShards(hits) {
    var names = hits.map(textShard);
    return names.filter(function (name, n) { return names.indexOf(name) === n; });
  }

  /* Ranked from the postings; the sections to show get their texts, and among them those holding the
     whole query as typed rise above the others (a one-word query is its own phrase: no text needed).
     Answered in up to three steps (`early`, then the result): at once, the best sections whose labels
     came with the term shards (titles without snippets, in the postings' order: one round trip); then
     those whose texts come in the first wave of requests (FIRST_WAVE shards, in rank order); the whole
     list when the rest is in. */
  function search(query, early) {
    var words = terms(query);
    if (!words.length) return Promise.resolve([]);
    var matchers = words.map(matcher), phrase = phraseOf(query);
    var single = words.length === 1 && fold(words[0]) === phrase;
    var hits = order(rank(matchers).map(function (hit) {
      if (single && hit.tier === 3) hit.tier = 4;
      return hit;
    }));
    var picked = shown(hits), names = textShards(picked);
    function answerWith(list, withText) {
      if (withText && !single && phrase) {
        list.forEach(function (hit) { if (hit.tier === 3 && hasPhrase(hit.doc, phrase)) hit.tier = 4; });
        list = order(list.slice());
      }
      return groups(list, words, phrase);
    }
    if (names.some(function (name) { return !shards[name]; })) {
      var labels = [];
      for (var n = 0; n < picked.length && (hasText(picked[n].doc) || labelled[picked[n].doc]); n++) labels.push(picked[n]);
      if (labels.length) early(answerWith(labels, false));
    }
    return load(names.slice(0, FIRST_WAVE)).then(function () {
      if (names.length <= FIRST_WAVE) return answerWith(picked, true);
      var ready = [];
      for (var i = 0; i < picked.length && shards[textShard(picked[i])]; i++) ready.push(picked[i]);
      early(answerWith(ready, true));
      return load(names).then(function () { return answerWith(picked, true); });
    });
  }

  /* Material lists results by page: the page first, then its sections; the page's score marks
     which of its sections stay unfolded (those in its best section's tier). */
  function groups(picked, words, phrase) {
    var out = [], byPage = {};
    var marked = words.concat(lang === "zh" ? [phrase] : []);
    picked.forEach(function (hit) {
      var doc = docOf(hit.doc), page = pageInfo(hit.doc);
      if (!(hit.page in byPage)) {
        byPage[hit.page] = out.length;
        out.push([{location: page[0], title: escapeHtml(page[1]), text: "", score: hit.tier * 10000, terms: hit.found}]);
      }
      out[byPage[hit.page]].push({
        location: page[0] + "#" + doc[1],
        title: highlight(label(doc, page), marked),
        text: snippet(doc[4], marked),
        score: hit.value,
        terms: hit.found
      });
    });
    return out;
  }

  function answer(query) {
    latest = query;
    /* Material sends the empty box when the page loads: answer it without loading anything. */
    if (!query.trim()) {
      postMessage({type: RESULT, data: {items: []}});
      return;
    }
    setup.then(function () {
      return load(shardsFor(query));
    }).then(function () {
      if (query !== latest) return null;  // a newer query is on its way
      return search(query, function (items) {
        if (query === latest) postMessage({type: RESULT, data: {items: items}});
      });
    }).then(function (items) {
      if (items && query === latest) postMessage({type: RESULT, data: {items: items}});
    }).catch(function () {
      // a shard failed to load: no answer to this query; the next one loads it again
    });
  }

  addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      prepare(message.data);
      postMessage({type: READY});
    } else if (message.type === QUERY) {
      answer(message.data);
    }
  });
})();
