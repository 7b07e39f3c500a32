/* Reading aids that must work served and from file://, with no network. */
(function () {
  "use strict";
  var SBS_KEY = "ip-plans.side-by-side";
  var root = document.documentElement;

  /* Material looks for <dir of each hreflang alternate>/sitemap.xml when the page loads, to
     map pages across languages; static-i18n writes per-page alternates, so that is a 404
     on every page. The language switch here does not need the map (partials/alternate.html
     links each page to its twin), so drop the alternates from the live DOM before Material
     reads them (DOMContentLoaded); crawlers still see them in the HTML. */
  var alternates = document.querySelectorAll("head link[rel=alternate][hreflang]");
  for (var a = 0; a < alternates.length; a++) alternates[a].remove();
  var isEnglish = (root.getAttribute("lang") || "").indexOf("en") === 0;
  var T = isEnglish
    ? { sbs: "Side by side", copied: "Link and citation copied", copy: "Copy link and citation",
        select: "Copy the link and citation below (Ctrl+C):", close: "Close", para: "¶" }
    : { sbs: "中英对照", copied: "已复制链接和引文", copy: "复制链接和引文",
        select: "请复制下面的链接和引文（Ctrl+C）：", close: "关闭", para: "段" };

  function storedSideBySide() {
    try { return localStorage.getItem(SBS_KEY) === "1"; } catch (e) { return false; }
  }
  function setSideBySide(on) {
    root.classList.toggle("sbs", on);
    try { localStorage.setItem(SBS_KEY, on ? "1" : "0"); } catch (e) { /* file:// may refuse */ }
    var button = document.querySelector(".plan-toolbar .sbs-toggle");
    if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
  }
  root.classList.toggle("sbs", storedSideBySide());

  /* The language switch keeps the current #anchor (ids are identical in both languages). */
  function keepAnchor() {
    var links = document.querySelectorAll("a[data-keep-anchor], a.zh-original");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href").split("#")[0];
      links[i].setAttribute("href", href + location.hash);
    }
  }

  /* The last numbered heading before an element in document order (boxes and notes included). */
  function precedingHeading(element) {
    var headings = document.querySelectorAll("article h2[id], article h3[id], article h4[id]");
    var found = null;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) found = headings[i];
      else break;
    }
    return found;
  }

  function citationFor(element) {
    var title = document.getElementById("title");
    var planTitle = title ? title.getAttribute("data-cite") : document.title;
    var id = element.id;
    var heading = element.matches("h1, h2, h3, h4") ? element : precedingHeading(element);
    var match = /-p(\d+)$/.exec(id);
    var paragraphIndex = heading === element || !match ? null : match[1];
    var where;
    if (/^box-(\d+)/.test(id)) {
      var box = /^box-(\d+)/.exec(id)[1];
      where = isEnglish ? "Box " + box : "专栏" + box;
    } else if (/^preamble/.test(id)) {
      where = isEnglish ? "preamble" : "序言";
    } else if (heading && heading.id !== "title") {
      where = isEnglish ? "§" + heading.id.replace(/^s/, "").replace(/-/g, ".") : heading.getAttribute("data-number");
    } else {
      where = "";
    }
    if (paragraphIndex && !/^box-/.test(id)) {
      where += isEnglish ? " ¶" + paragraphIndex : " 第" + paragraphIndex + "段";
    }
    return isEnglish ? planTitle + (where ? ", " + where : "") : planTitle + where;
  }

  function showFallback(text) {
    var old = document.querySelector(".cite-fallback");
    if (old) old.remove();
    var box = document.createElement("div");
    box.className = "cite-fallback";
    box.setAttribute("role", "dialog");
    var label = document.createElement("p");
    label.className = "cite-status";
    label.textContent = T.select;
    var area = document.createElement("textarea");
    area.value = text;
    area.readOnly = true;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "cite-button";
    close.style.opacity = 1;
    close.textContent = T.close;
    close.addEventListener("click", function () { box.remove(); });
    box.appendChild(label); box.appendChild(area); box.appendChild(close);
    document.body.appendChild(box);
    area.focus();
    area.select();
  }

  function copyCitation(element) {
    var url = location.href.split("#")[0] + "#" + element.id;
    var text = url + "\n" + citationFor(element);
    document.body.setAttribute("data-last-citation", text);
    if (navigator.clipboard && window.isSecureContext && location.protocol !== "file:") {
      navigator.clipboard.writeText(text).then(function () {
        flash(element);
      }, function () { showFallback(text); });
    } else {
      showFallback(text);
    }
  }

  function flash(element) {
    var button = element.querySelector(":scope > .cite-button");
    if (!button) return;
    var old = button.textContent;
    button.textContent = "✓";
    setTimeout(function () { button.textContent = old; }, 1500);
  }

  function addCiteButtons(article) {
    var targets = article.querySelectorAll(
      "h2[id], h3[id], h4[id], p[id]:not(.tw):not(.notice-label), .box[id] > .admonition-title");
    for (var i = 0; i < targets.length; i++) {
      var target = targets[i];
      var owner = target.classList.contains("admonition-title") ? target.parentElement : target;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cite-button";
      button.setAttribute("data-search-exclude", "");
      button.title = T.copy;
      button.setAttribute("aria-label", T.copy);
      button.textContent = isEnglish ? "Cite" : "引用";
      (function (element) {
        button.addEventListener("click", function (event) { event.preventDefault(); copyCitation(element); });
      })(owner);
      target.appendChild(button);
    }
  }

  /* Printed handouts show where each cross-link goes: the absolute address, not ../x/. */
  function markPrintUrls(article) {
    var links = article.querySelectorAll("a.xref");
    for (var i = 0; i < links.length; i++) links[i].setAttribute("data-url", links[i].href);
  }

  function addToolbar(article) {
    var title = document.getElementById("title");
    if (!title || !article.querySelector(".tw")) return;
    var bar = document.createElement("div");
    bar.className = "plan-toolbar";
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "sbs-toggle";
    toggle.textContent = T.sbs;
    toggle.setAttribute("aria-pressed", root.classList.contains("sbs") ? "true" : "false");
    toggle.addEventListener("click", function () { setSideBySide(!root.classList.contains("sbs")); });
    bar.appendChild(toggle);
    title.insertAdjacentElement("afterend", bar);
  }

  /* Chinese queries: the index was segmented by jieba at build time, so split a query
     such as 质押融资 into the index's own words (longest match first) before search runs. */
  var vocabulary = null;
  function segment(run) {
    if (!vocabulary) {
      vocabulary = new Set((window.CJK_VOCAB || "").split(" "));
    }
    var words = [];
    var i = 0;
    while (i < run.length) {
      var size = Math.min(8, run.length - i);
      while (size > 1 && !vocabulary.has(run.substr(i, size))) size--;
      words.push(run.substr(i, size));
      i += size;
    }
    return words.join(" ");
  }
  function segmentQuery(event) {
    var input = event.target;
    if (!input.matches || !input.matches("input.md-search__input") || event.isComposing) return;
    var segmented = input.value.replace(/[\u3400-\u9fff]{3,}/g, segment);
    if (segmented !== input.value) input.value = segmented;
  }
  document.addEventListener("input", segmentQuery, true);
  document.addEventListener("compositionend", segmentQuery, true);

  function init() {
    var article = document.querySelector("article.md-content__inner");
    keepAnchor();
    window.addEventListener("hashchange", keepAnchor);
    if (!article) return;
    addToolbar(article);
    markPrintUrls(article);
    if (document.getElementById("title") && document.getElementById("title").hasAttribute("data-cite")) {
      addCiteButtons(article);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
