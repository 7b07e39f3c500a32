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
  /* Names and strings come from assets/site-data.js, generated from tools/common/contract.py
     and sources/ui.toml, so this file holds no interface text of its own. */
  var DATA = window.IP_PLANS || { ui: { zh: {}, en: {} }, names: {} };
  var N = DATA.names;
  var isEnglish = (root.getAttribute("lang") || "").indexOf("en") === 0;
  var T = DATA.ui[isEnglish ? "en" : "zh"];

  function storedSideBySide() {
    try { return localStorage.getItem(SBS_KEY) === "1"; } catch (e) { return false; }
  }
  function setSideBySide(on) {
    root.classList.toggle(N.sideBySide, on);
    try { localStorage.setItem(SBS_KEY, on ? "1" : "0"); } catch (e) { /* file:// may refuse */ }
    var button = document.querySelector("." + N.toolbar + " ." + N.sbsToggle);
    if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
  }
  root.classList.toggle(N.sideBySide, storedSideBySide());

  /* The language switch keeps the current #anchor (ids are identical in both languages). */
  function keepAnchor() {
    var links = document.querySelectorAll("a[" + N.keepAnchor + "], a." + N.zhOriginal);
    for (var i = 0; i < links.length; i++) {
      /* The query too: a comparison's choice of plans (?plans=…) holds in both languages. */
      var href = links[i].getAttribute("href").split("#")[0].split("?")[0];
      links[i].setAttribute("href", href + location.search + location.hash);
    }
  }

  /* The first citable element the reader can see below the sticky header (ids are the same
     in both languages); one whose last line is all that peeks out does not count. */
  function anchorInView() {
    var elements = document.querySelectorAll("article [" + N.cite + "][id]");
    var bar = document.querySelector(".md-header");
    var header = (bar ? bar.getBoundingClientRect().bottom : 48) + 24;
    for (var i = 0; i < elements.length; i++) {
      var box = elements[i].getBoundingClientRect();
      if (box.bottom > header && box.height > 0) return elements[i].id;
    }
    return "";
  }
  function switchToSectionInView(event) {
    var link = event.target.closest && event.target.closest("a[" + N.keepAnchor + "], a." + N.zhOriginal);
    if (!link || location.hash || window.scrollY < 1) return;
    var id = anchorInView();
    if (id) link.setAttribute("href", link.getAttribute("href").split("#")[0] + "#" + id);
  }
  document.addEventListener("click", switchToSectionInView, true);

  /* The citation and the address were computed at build time (tools/model/anchors.py): the
     page title carries the page's canonical address (absolute when the site was built with
     a public base URL), each citable element its citation text. Nothing here composes them,
     and a file:// location is never copied. */
  function citationFor(element) {
    /* A passage copied from a plan onto a comparison page carries its address in the plan. */
    var own = element.getAttribute(N.citeUrl);
    if (own) return own + "\n" + element.getAttribute(N.cite);
    var title = document.getElementById(N.titleId);
    var page = title ? title.getAttribute(N.pageUrl) : "";
    return page + "#" + element.id + "\n" + element.getAttribute(N.cite);
  }

  /* Where a copy was asked for, so that focus can return there when the fallback closes. */
  var opener = null;

  function closeFallback() {
    var box = document.querySelector("." + N.citeFallback);
    if (box) box.remove();
    if (opener && document.contains(opener)) opener.focus();
    opener = null;
  }

  function showFallback(text, button) {
    var old = document.querySelector("." + N.citeFallback);
    if (old) old.remove();
    opener = button || document.activeElement;
    var box = document.createElement("div");
    box.className = N.citeFallback;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-labelledby", "cite-fallback-label");
    var label = document.createElement("label");
    label.id = "cite-fallback-label";
    label.setAttribute("for", "cite-fallback-text");
    label.textContent = T.select;
    var area = document.createElement("textarea");
    area.id = "cite-fallback-text";
    area.value = text;
    area.readOnly = true;
    var close = document.createElement("button");
    close.type = "button";
    close.className = N.citeButton;
    close.style.opacity = 1;
    close.textContent = T.close;
    close.addEventListener("click", closeFallback);
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); closeFallback(); }
      /* Keep Tab inside the dialog: the text and the close button. */
      if (event.key === "Tab") {
        event.preventDefault();
        (document.activeElement === area ? close : area).focus();
      }
    });
    box.appendChild(label); box.appendChild(area); box.appendChild(close);
    document.body.appendChild(box);
    area.focus();
    area.select();
  }

  function copyCitation(element, button) {
    var text = citationFor(element);
    document.body.setAttribute(N.lastCitation, text);
    if (navigator.clipboard && window.isSecureContext && location.protocol !== "file:") {
      navigator.clipboard.writeText(text).then(function () {
        flash(button);
      }, function () { showFallback(text, button); });
    } else {
      showFallback(text, button);
    }
  }

  /* Success is said in words, in a live region screen readers announce, and on the button. */
  var statusTimer = null;
  function announce(message) {
    var status = document.querySelector("." + N.citeStatus);
    if (!status) return;
    status.textContent = message;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { status.textContent = ""; }, 3000);
  }

  function flash(button) {
    announce(T.copied);
    if (!button) return;
    button.textContent = T.copied_short;
    setTimeout(function () { button.textContent = T.cite; }, 1500);
  }

  function addStatus() {
    var status = document.createElement("div");
    status.className = N.citeStatus;
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    document.body.appendChild(status);
  }

  function addCiteButtons(article) {
    var cite = "[" + N.cite + "][id]";
    var targets = article.querySelectorAll(
      "h2" + cite + ", h3" + cite + ", h4" + cite + ", h5" + cite + ", h6" + cite + ", p" + cite + ", ." + N.box + cite + " > .admonition-title");
    for (var i = 0; i < targets.length; i++) {
      var target = targets[i];
      var owner = target.classList.contains("admonition-title") ? target.parentElement : target;
      var button = document.createElement("button");
      button.type = "button";
      button.className = N.citeButton;
      button.setAttribute(N.searchExclude, "");
      /* The visible word is the accessible name (WCAG 2.5.3); what it copies is its description. */
      button.textContent = T.cite;
      (function (element, control) {
        control.addEventListener("click", function (event) { event.preventDefault(); copyCitation(element, control); });
      })(owner, button);
      target.appendChild(button);
    }
  }

  /* Printed handouts show where each cross-link goes: the absolute address, not ../x/. */
  function markPrintUrls(article) {
    var links = article.querySelectorAll("a." + N.xref);
    for (var i = 0; i < links.length; i++) links[i].setAttribute(N.pageUrl, links[i].href);
  }

  function addToolbar(article) {
    var title = document.getElementById(N.titleId);
    if (!title || !article.querySelector("." + N.twin)) return;
    var bar = document.createElement("div");
    bar.className = N.toolbar;
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = N.sbsToggle;
    toggle.textContent = T.sbs;
    toggle.setAttribute("aria-pressed", root.classList.contains(N.sideBySide) ? "true" : "false");
    toggle.addEventListener("click", function () { setSideBySide(!root.classList.contains(N.sideBySide)); });
    bar.appendChild(toggle);
    title.insertAdjacentElement("afterend", bar);
  }

  /* Glossary tooltips (WCAG 1.4.13, 2.1.1): each term is reachable by Tab and shows its
     definition on focus or hover; the tooltip stays while the pointer is on it and Esc closes
     it. The definition moves out of `title` now, before Material's own tooltips (which are
     mouse-only) and the browser's native one see it; the HTML keeps it for print and crawlers. */
  var terms = document.querySelectorAll("article abbr[title]");
  for (var t = 0; t < terms.length; t++) {
    terms[t].setAttribute(N.definition, terms[t].getAttribute("title"));
    terms[t].removeAttribute("title");
    terms[t].tabIndex = 0;
  }
  function addTooltips() {
    if (!terms.length) return;
    var tip = document.createElement("div");
    tip.className = N.termTooltip;
    tip.id = N.termTooltip;
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    var current = null;
    var timer = null;
    function show(term) {
      clearTimeout(timer);
      if (current && current !== term) current.removeAttribute("aria-describedby");
      current = term;
      tip.textContent = term.getAttribute(N.definition);
      tip.hidden = false;
      term.setAttribute("aria-describedby", tip.id);
      var box = term.getBoundingClientRect();
      var width = tip.offsetWidth;
      var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
      tip.style.left = (left + window.scrollX) + "px";
      tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    }
    function hide() {
      clearTimeout(timer);
      tip.hidden = true;
      if (current) current.removeAttribute("aria-describedby");
      current = null;
    }
    /* A short grace period lets the pointer travel from the term onto the tooltip. */
    function hideSoon() { clearTimeout(timer); timer = setTimeout(hide, 300); }
    for (var i = 0; i < terms.length; i++) {
      (function (term) {
        term.addEventListener("mouseenter", function () { show(term); });
        term.addEventListener("mouseleave", hideSoon);
        term.addEventListener("focus", function () { show(term); });
        term.addEventListener("blur", hide);
      })(terms[i]);
    }
    tip.addEventListener("mouseenter", function () { clearTimeout(timer); });
    tip.addEventListener("mouseleave", hideSoon);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !tip.hidden) hide();
    });
  }

  /* The offline copy cannot contain itself: its links to the zip are hidden there. */
  function hideOfflineLinksInBundle() {
    if (location.protocol !== "file:") return;
    var links = document.querySelectorAll("a." + N.offlineZip);
    for (var i = 0; i < links.length; i++) links[i].parentElement.hidden = true;
  }

  /* Topic comparisons: the reader chooses which plans to show. The choice is kept in the
     address (?plans=slug,slug; none means all), so a link shows exactly that comparison, and
     read back from it on load. Plans stand in columns when their number is in N.compareColumns (the
     rule tools/render/topic_compare.py applies for the page without script). */
  var PLANS_PARAM = "plans";
  function chosenPlans(all) {
    var match = new RegExp("[?&]" + PLANS_PARAM + "=([^&#]*)").exec(location.search);
    if (!match) return all.slice();
    var asked = decodeURIComponent(match[1]).split(",");
    var chosen = all.filter(function (slug) { return asked.indexOf(slug) >= 0; });
    return chosen.length ? chosen : all.slice();
  }
  function showPlans(compare, groups, chosen) {
    for (var i = 0; i < groups.length; i++) groups[i].hidden = chosen.indexOf(groups[i].getAttribute(N.plan)) < 0;
    var count = String(chosen.length);
    compare.setAttribute(N.columns, N.compareColumns.split(" ").indexOf(count) >= 0 ? count : "1");
  }
  function keepPlansInAddress(all, chosen) {
    var query = chosen.length === all.length ? "" : "?" + PLANS_PARAM + "=" + chosen.join(",");
    try {
      history.replaceState(history.state, "", location.pathname + query + location.hash);
    } catch (e) { return; /* a browser that refuses (some file:// settings) keeps the old address */ }
    keepAnchor();
  }
  function addPlanPicker(article) {
    var compare = article.querySelector("." + N.compare);
    if (!compare) return;
    var groups = compare.querySelectorAll("." + N.comparePlan + "[" + N.plan + "]");
    var all = [];
    for (var i = 0; i < groups.length; i++) all.push(groups[i].getAttribute(N.plan));
    if (all.length < 2) return;
    var chosen = chosenPlans(all);
    /* A link to one passage (#slug--anchor) shows that passage's plan, whatever the choice says. */
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var holder = target && target.closest("." + N.comparePlan);
    if (holder && chosen.indexOf(holder.getAttribute(N.plan)) < 0) {
      chosen = all.filter(function (slug) { return chosen.indexOf(slug) >= 0 || slug === holder.getAttribute(N.plan); });
    }
    showPlans(compare, groups, chosen);
    var picker = document.createElement("fieldset");
    picker.className = N.comparePicker;
    var legend = document.createElement("legend");
    legend.textContent = T.topic_compare_legend;
    picker.appendChild(legend);
    var boxes = [];
    for (var g = 0; g < groups.length; g++) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = all[g];
      box.checked = chosen.indexOf(all[g]) >= 0;
      boxes.push(box);
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + groups[g].querySelector("summary").textContent));
      picker.appendChild(label);
    }
    var hint = document.createElement("p");
    hint.textContent = T.topic_compare_hint;
    picker.appendChild(hint);
    picker.addEventListener("change", function (event) {
      var now = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      /* At least one plan stays shown. */
      if (!now.length) { event.target.checked = true; return; }
      showPlans(compare, groups, now);
      keepPlansInAddress(all, now);
    });
    compare.parentElement.insertBefore(picker, compare);
  }

  function init() {
    var article = document.querySelector(N.article);
    keepAnchor();
    addStatus();
    addTooltips();
    hideOfflineLinksInBundle();
    window.addEventListener("hashchange", keepAnchor);
    if (!article) return;
    addToolbar(article);
    markPrintUrls(article);
    addCiteButtons(article);
    addPlanPicker(article);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* Issue 24: reference entries (tools/render/csl.py) carry the access date as
   <time data-accessed="iso|long|year">; it is the reader's own date, so it is filled in here,
   from the device's clock, in the form the entry's CSL style printed. */
(function () {
  "use strict";
  var N = (window.IP_PLANS || { names: {} }).names;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function fill() {
    var today = new Date();
    var y = today.getFullYear(), m = today.getMonth(), d = today.getDate();
    var forms = {
      iso: y + "-" + two(m + 1) + "-" + two(d),
      long: MONTHS[m] + " " + d + ", " + y,
      year: String(y)
    };
    var dates = document.querySelectorAll("time[" + (N.accessed || "data-accessed") + "]");
    for (var i = 0; i < dates.length; i++) {
      var form = dates[i].getAttribute(N.accessed || "data-accessed");
      if (!forms[form]) continue;
      dates[i].textContent = forms[form];
      dates[i].setAttribute("datetime", forms.iso);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fill);
  else fill();
})();
