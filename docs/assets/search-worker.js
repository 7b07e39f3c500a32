/* The site's search worker, in place of Material's lunr worker (overrides/main.html points
   Material at it; Material's search box, result list and keys are unchanged).

   Material's messages: {type: 0 SETUP} → {type: 1 READY}; {type: 2 QUERY, data: text} →
   {type: 3 RESULT, data: {items: [[page, section, …], …]}}. The index of this page's
   language (search/zh.js or search/en.js, written by tools/site/search_index.py) is fetched
   in the background as soon as Material starts this worker, which it does once the page is
   interactive, so that a reader who opens search finds it loaded or on its way; with the
   browser's Save-Data setting on, only when the reader types. The other language's never is.

   Ranking, best first: the whole query as typed (spaces aside) → every word → some words;
   then plan sections before glossary, topic and reference entries; then a match in the
   section's title; then how often the words occur. Chinese is split into the words jieba
   found at build time (longest match first), so 商标 stays 商标 and a section about 商业秘密
   does not match it. Under file:// this script runs in an iframe (vendored iframe-worker
   shim), where importScripts returns a promise and relative URLs resolve against the page. */
(function () {
  "use strict";
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var here = (self.document && document.currentScript) ? document.currentScript.src : self.location.href;
  var lang = /#zh/.test(here) ? "zh" : "en";
  var source = new URL("../search/" + lang + ".js", here.replace(/[#?].*$/, "")).href;
  var data = null, loading = null, vocab = null, maxWord = 1;
  var latest = null;
  var MAX_PER_PAGE = 8;
  var STOP = new Set(lang === "en" ? ("a an and are as at be by can do does for from has have how in is it of on or " +
    "the to what when where which who why with").split(" ") : ["的", "是", "什么", "怎么", "如何", "哪些", "吗", "呢"]);

  function load() {
    if (!loading) {
      var done = importScripts(source);
      loading = Promise.resolve(done).then(prepare);
      loading.catch(function () { loading = null; });  // a failed fetch is tried again by the next query
    }
    return loading;
  }

  function prefetch() {
    var connection = self.navigator && self.navigator.connection;
    if (connection && connection.saveData) return;
    try {
      load();
    } catch (error) {
      // importScripts failed before `loading` was set: the reader's first query tries again.
    }
  }

  function prepare() {
    data = self.SEARCH_DATA;
    vocab = new Set((data.vocab || "").split(" "));
    vocab.forEach(function (word) { maxWord = Math.max(maxWord, word.length); });
    /* docs: [page, anchor, printed number, title, text, kind]; pages: [url, title, plan short name].
       A section's title is matched with its printed number (三（一）5 …); the page title's
       section (no number, no title of its own) with the page title. */
    data.docs.forEach(function (doc) {
      var title = [doc[2], doc[3] || data.pages[doc[0]][1]].filter(Boolean).join(" ");
      doc.push(fold(title), fold(doc[4]));  // [6] title and [7] text, folded for matching
    });
  }

  /* Chinese: no spaces (the text wraps anywhere); English: lower case. */
  function fold(text) {
    return lang === "zh" ? text.replace(/\s+/g, "").toLowerCase() : text.toLowerCase();
  }

  /* A run of Chinese characters → the index's words, longest first; characters that start
     no known word stay together, so an unknown name is looked up whole, never by its first character. */
  function segment(run) {
    var words = [], pending = "", i = 0;
    while (i < run.length) {
      var size = Math.min(maxWord, run.length - i);
      while (size > 1 && !vocab.has(run.substr(i, size))) size--;
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

  function terms(query) {
    var words = [];
    query.trim().split(/\s+/).forEach(function (part) {
      if (!part) return;
      if (lang === "zh") {
        part.toLowerCase().split(/([\u3400-\u9fff]+)/).forEach(function (piece) {
          piece = piece.replace(/[^\u3400-\u9fff0-9a-z]+/g, "");
          if (!piece) return;
          words = words.concat(/[\u3400-\u9fff]/.test(piece) ? segment(piece) : [piece]);
        });
      } else {
        part = part.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
        if (part) words.push(part);
      }
    });
    words = words.filter(function (word, n) { return words.indexOf(word) === n; });
    /* A plain question ("What does Gansu do for …?"): its function words would rank whatever
       section repeats them; they count only when the query has nothing else. */
    var content = words.filter(function (word) { return !STOP.has(word); });
    return content.length ? content : words;
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* English: a word matches at a word start, whole or with a plain ending (-s, -es, -d,
     -ed, -ing); a prefix alone (a word still being typed) matches more weakly. */
  function matcher(word) {
    if (lang === "zh") {
      return {word: word, exact: function (t) { return count(t, word); }, prefix: function () { return 0; }};
    }
    var start = "(?<![\\p{L}\\p{N}])" + escapeRegExp(word);
    var exact = new RegExp(start + "(?:s|es|d|ed|ing)?(?![\\p{L}\\p{N}])", "gu");
    var prefix = new RegExp(start, "gu");
    return {
      word: word,
      exact: function (t) { return (t.match(exact) || []).length; },
      prefix: function (t) { return (t.match(prefix) || []).length; }
    };
  }

  function count(text, word) {
    var n = 0, at = text.indexOf(word);
    while (at !== -1 && n < 50) { n++; at = text.indexOf(word, at + word.length); }
    return n;
  }

  function phraseOf(query) {
    var folded = fold(query.trim());
    return lang === "zh" ? folded : folded.replace(/\s+/g, " ");
  }

  function score(doc, matchers, phrase) {
    var title = doc[6], text = doc[7], all = true, allLoose = true, some = 0, inTitle = 0, hits = 0;
    var found = {};
    matchers.forEach(function (m) {
      var t = m.exact(title), b = m.exact(text), loose = 0;
      if (!t && !b) loose = m.prefix(title) + m.prefix(text);
      found[m.word] = Boolean(t || b || loose);
      if (!(t || b)) all = false;
      if (!(t || b || loose)) allLoose = false;
      if (t || b || loose) some++;
      if (t) inTitle++;
      hits += Math.min(t + b, 20) + Math.min(loose, 20) / 4;
    });
    if (!some) return null;
    var whole = phrase.length > 0 && (lang === "zh"
      ? (title + text).indexOf(phrase) !== -1
      : matcher(phrase).exact(title + " " + text) > 0);
    var tier = whole && all ? 4 : all ? 3 : allLoose ? 2 : 1;
    var value = tier * 10000 + (doc[5] === "p" ? 5000 : 0) + (inTitle / matchers.length) * 2000 +
      (some / matchers.length) * 1000 + Math.min(hits, 100) * 5;
    return {value: value, tier: tier, found: found};
  }

  /* What a result is called: plan short name, printed number, title (新疆“十四五”规划 三（一）5
     推进专利金融创新发展); a plan's page title is its short name alone. */
  function label(doc) {
    var page = data.pages[doc[0]];
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
    var folded = text.toLowerCase(), first = -1, size = lang === "zh" ? 90 : 220;
    words.forEach(function (word) {
      var at = folded.indexOf(word);
      if (at !== -1 && (first === -1 || at < first)) first = at;
    });
    var start = Math.max(0, first - (lang === "zh" ? 20 : 60));
    var piece = text.slice(start, start + size);
    return (start > 0 ? "…" : "") + highlight(piece, words) + (start + size < text.length ? "…" : "");
  }

  function search(query) {
    var words = terms(query);
    if (!words.length) return [];
    var matchers = words.map(matcher), phrase = phraseOf(query);
    var hits = [];
    data.docs.forEach(function (doc) {
      var result = score(doc, matchers, phrase);
      if (result) hits.push({doc: doc, result: result});
    });
    hits.sort(function (a, b) { return b.result.value - a.result.value; });
    /* Material lists results by page: the page first, then its sections; the page's score
       marks which of its sections stay unfolded (those in its best section's tier). */
    var groups = [], byPage = {}, perPage = {};
    hits.forEach(function (hit) {
      var page = hit.doc[0];
      /* A few sections per page: Material draws every section of the first ten pages at
         once, and hundreds of them slow a phone down. */
      if (perPage[page] >= MAX_PER_PAGE) return;
      perPage[page] = (perPage[page] || 0) + 1;
      if (!(page in byPage)) {
        byPage[page] = groups.length;
        var info = data.pages[page];
        groups.push([{
          location: info[0], title: escapeHtml(info[1]), text: "",
          score: hit.result.tier * 10000, terms: hit.result.found
        }]);
      }
      var marked = words.concat(lang === "zh" ? [phrase] : []);
      groups[byPage[page]].push({
        location: data.pages[page][0] + "#" + hit.doc[1],
        title: highlight(label(hit.doc), marked),
        text: snippet(hit.doc[4], marked),
        score: hit.result.value,
        terms: hit.result.found
      });
    });
    return groups;
  }

  function answer(query) {
    latest = query;
    /* Material sends the empty box when the page loads: answer it without waiting for the index. */
    if (!query.trim()) {
      postMessage({type: RESULT, data: {items: []}});
      return;
    }
    load().then(function () {
      if (query !== latest) return;  // a newer query is on its way
      postMessage({type: RESULT, data: {items: search(query)}});
    });
  }

  addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) postMessage({type: READY});
    else if (message.type === QUERY) answer(message.data);
  });
  setTimeout(prefetch, 0);  // after this script has run, so that messages are listened for
})();
