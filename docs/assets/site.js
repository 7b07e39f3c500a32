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
  function addressFor(element) {
    /* A passage copied from a plan onto a comparison page carries its address in the plan. */
    var own = element.getAttribute(N.citeUrl);
    if (own) return own;
    var title = document.getElementById(N.titleId);
    var page = title ? title.getAttribute(N.pageUrl) : "";
    return page + "#" + element.id;
  }
  function citationFor(element) {
    return addressFor(element) + "\n" + element.getAttribute(N.cite);
  }

  /* The section's reference entries (issue 24): the build renders each style's entry once per
     plan, with a slot for the address and one for the locator (tools/render/csl.py
     section_script, a JSON script beside the plan's passages); here the slots take the
     element's canonical address and its place, which is its data-cite minus the plan's prefix. */
  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  function sectionEntries(element) {
    var holder = element.closest("[" + N.plan + "]") || document.querySelector(N.article);
    var script = holder && holder.querySelector("script[" + N.cslSections + "]");
    if (!script) return null;
    var data;
    try { data = JSON.parse(script.textContent); } catch (e) { return null; }
    var cite = element.getAttribute(N.cite) || "";
    var place = cite.indexOf(data.prefix) === 0 ? cite.slice(data.prefix.length) : cite;
    if (data.sign && place.indexOf(data.sign) === 0) place = place.slice(data.sign.length);
    var address = escapeHtml(addressFor(element));
    var list = document.createElement("dl");
    list.className = N.cslEntries + " " + N.citeDialogEntries;
    for (var i = 0; i < data.styles.length; i++) {
      var style = data.styles[i];
      var name = document.createElement("dt");
      name.textContent = style.name;
      var entry = document.createElement("dd");
      entry.className = N.cslEntry;
      entry.setAttribute(N.cslStyle, style.key);
      entry.setAttribute("lang", style.lang);
      entry.innerHTML = style.entry.split(data.address).join(address);
      list.appendChild(name);
      list.appendChild(entry);
      if (style.inText) {
        var inText = document.createElement("dd");
        inText.className = N.cslEntry;
        inText.setAttribute(N.cslStyle, style.key + "-in-text");
        inText.setAttribute("lang", style.lang);
        inText.innerHTML = escapeHtml(T.cite_in_text) + style.inText.split(data.locator).join(escapeHtml(place));
        list.appendChild(inText);
      }
    }
    fillAccessDates(list);
    return list;
  }

  /* The reader's access date in a reference entry: the build leaves <span data-accessed="iso|long|year">
     (a <time> must hold a valid date), replaced here by a <time datetime> of the device's date, in
     the form the entry's CSL style printed (tools/render/csl.py). */
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  function fillAccessDates(scope) {
    var today = new Date();
    var y = today.getFullYear(), m = today.getMonth(), d = today.getDate();
    var iso = y + "-" + (m < 9 ? "0" : "") + (m + 1) + "-" + (d < 10 ? "0" : "") + d;
    var forms = { iso: iso, long: MONTHS[m] + " " + d + ", " + y, year: String(y) };
    var dates = scope.querySelectorAll("span[" + N.accessed + "]");
    for (var i = 0; i < dates.length; i++) {
      var form = dates[i].getAttribute(N.accessed);
      if (!forms[form]) continue;
      var time = document.createElement("time");
      time.setAttribute(N.accessed, form);
      time.setAttribute("datetime", iso);
      time.textContent = forms[form];
      dates[i].parentNode.replaceChild(time, dates[i]);
    }
  }

  /* Where a copy was asked for, so that focus can return there when the dialog closes. */
  var opener = null;

  function closeFallback() {
    var box = document.querySelector("." + N.citeFallback);
    if (box) box.remove();
    if (opener && document.contains(opener)) opener.focus();
    opener = null;
  }

  /* The cite dialog: the link and citation, selected for copying (already on the clipboard when
     `copied`), and the section's reference entries in each style of the page's language. */
  function showFallback(text, button, element, copied) {
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
    label.textContent = copied ? T.copied : T.select;
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
    box.appendChild(label); box.appendChild(area);
    var entries = element ? sectionEntries(element) : null;
    if (entries) {
      var heading = document.createElement("p");
      heading.textContent = T.cite_entries;
      box.appendChild(heading);
      box.appendChild(entries);
    }
    box.appendChild(close);
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
        showFallback(text, button, element, true);
      }, function () { showFallback(text, button, element, false); });
    } else {
      showFallback(text, button, element, false);
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

  /* The cite controls are in the page from the build (tools/site/cite_buttons.py): one button closing each
     citable heading, paragraph and box title, hidden until this script runs (.no-js), so that no insertion
     here lays the page out again. One listener on the article serves them all: a button cites its element
     (a box's button stands in the box's title). */
  function wireCiteButtons(article) {
    article.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button." + N.citeButton);
      if (!button || !article.contains(button)) return;
      var target = button.parentElement;
      var owner = target.classList.contains("admonition-title") ? target.parentElement : target;
      if (!owner || !owner.hasAttribute(N.cite) || !owner.id) return;
      event.preventDefault();
      copyCitation(owner, button);
    });
  }

  /* Printed handouts show where each cross-link goes: the absolute address, not ../x/. */
  function markPrintUrls(article) {
    var links = article.querySelectorAll("a." + N.xref);
    for (var i = 0; i < links.length; i++) links[i].setAttribute(N.pageUrl, links[i].href);
  }

  /* The colour scheme toggle (Material's palette form, overrides/partials/palette.html). Material's own
     palette component is not mounted: on every load it applied the scheme again, three whole-page style
     passes on a phone (issue 21). The inline script of overrides/partials/javascripts/palette.html applies
     it, stored or the system's, and shows the current option's toggle before the page is painted; here the
     toggle switches it, as Material's component did: body attributes, the stored choice (Material's
     __md_set, read by that inline script on the next page), the browser's theme colour, a system change
     followed while "follow the system" is chosen, Enter steps to the next option. */
  var PALETTE_MEDIA = "data-md-color-media";
  function wirePalette() {
    var inputs = Array.prototype.slice.call(document.querySelectorAll("input[name=__palette]"));
    if (!inputs.length || !inputs[0].form) return;
    var form = inputs[0].form;
    var light = matchMedia("(prefers-color-scheme: light)");
    var current = 0;
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].nextElementSibling && !inputs[i].nextElementSibling.hidden) current = i;
    }
    function apply(index) {
      var input = inputs[index];
      var colours = input;
      if (input.getAttribute(PALETTE_MEDIA) === "(prefers-color-scheme)") {
        colours = form.querySelector("[" + PALETTE_MEDIA + "='(prefers-color-scheme: " + (light.matches ? "light" : "dark") + ")']") || input;
      }
      var color = { media: input.getAttribute(PALETTE_MEDIA) };
      ["scheme", "primary", "accent"].forEach(function (key) { color[key] = colours.getAttribute("data-md-color-" + key); });
      var body = document.body;
      body.setAttribute("data-md-color-switching", "");  /* Material's: no transitions while the colours change */
      for (var key in color) body.setAttribute("data-md-color-" + key, color[key]);
      for (var j = 0; j < inputs.length; j++) {
        if (inputs[j].nextElementSibling) inputs[j].nextElementSibling.hidden = j !== index;
      }
      current = index;
      if (window.__md_set) window.__md_set("__palette", { index: index, color: color });
      requestAnimationFrame(function () {
        body.removeAttribute("data-md-color-switching");
        themeColour(true);
      });
    }
    form.addEventListener("change", function (event) {
      var index = inputs.indexOf(event.target);
      if (index >= 0) apply(index);
    });
    form.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      var next = inputs[(current + 1) % inputs.length];
      next.click();
      next.focus();
    });
    light.addEventListener("change", function () {
      if (inputs[current].getAttribute(PALETTE_MEDIA) === "(prefers-color-scheme)") apply(current);
    });
  }
  /* The browser's theme colour (and, once the reader has switched, its colour scheme), from the header as
     drawn: at load only the theme colour, which restyles nothing, once the page is idle. */
  function themeColour(scheme) {
    var header = document.querySelector(".md-header");
    if (!header) return;
    var style = getComputedStyle(header);
    var rgb = (style.backgroundColor.match(/\d+/g) || []).slice(0, 3);
    meta("theme-color", "#" + rgb.map(function (c) { return (+c).toString(16).padStart(2, "0"); }).join(""));
    if (scheme) meta("color-scheme", style.colorScheme);
  }
  function meta(name, content) {
    var element = document.head.querySelector("meta[name='" + name + "']");
    if (!element) {
      element = document.createElement("meta");
      element.name = name;
      document.head.appendChild(element);
    }
    element.content = content;
  }

  /* The side-by-side switch is in the page from the build (tools/site/hooks.py), so that it holds its
     place from the first paint and nothing moves when this script runs; here it gets its state and action. */
  function wireToolbar(article) {
    var toggle = article.querySelector("." + N.toolbar + " ." + N.sbsToggle);
    if (!toggle) return;
    toggle.setAttribute("aria-pressed", root.classList.contains(N.sideBySide) ? "true" : "false");
    toggle.addEventListener("click", function () { setSideBySide(!root.classList.contains(N.sideBySide)); });
  }

  /* Glossary tooltips (WCAG 1.4.13, 2.1.1): each term is reachable by Tab and shows its
     definition on focus or hover; the tooltip stays while the pointer is on it and Esc closes
     it. The definition moves out of `title` now, so that the browser's native tooltip does not show it
     too (mkdocs.yml has no content.tooltips: Material's are not mounted); the HTML keeps it for print,
     crawlers and a reader without script. */
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
      /* Below the term, or above it when there is no room below: the pointer must be able to reach it (1.4.13). */
      var top = box.bottom + 6;
      if (top + tip.offsetHeight > document.documentElement.clientHeight - 8 && box.top - tip.offsetHeight - 6 >= 8) {
        top = box.top - tip.offsetHeight - 6;
      }
      tip.style.left = (left + window.scrollX) + "px";
      tip.style.top = (top + window.scrollY) + "px";
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
    /* The picker is in the page from the build (tools/render/topic_compare.py: nothing moves when this
       runs); here its boxes take the choice read from the address. */
    var picker = article.querySelector("fieldset." + N.comparePicker);
    if (!picker) return;
    var boxes = Array.prototype.slice.call(picker.querySelectorAll("input[type=checkbox]"));
    for (var g = 0; g < boxes.length; g++) boxes[g].checked = chosen.indexOf(boxes[g].value) >= 0;
    picker.addEventListener("change", function (event) {
      var now = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      /* At least one plan stays shown. */
      if (!now.length) { event.target.checked = true; return; }
      showPlans(compare, groups, now);
      keepPlansInAddress(all, now);
    });
  }

  /* How many plans, as the pages write it (tools.common.ui.count_word): words, then digits. */
  function countWord(n) {
    var words = (T.count_words || "").split(" ");
    return n < words.length ? words[n] : String(n);
  }

  /* The plans page: the facet filters (written hidden, so that without this script the page is
     the full list) narrow the list; the count line (role=status) says how many are shown; the
     choice is kept in the address (?region=…), which the language switch carries (keepAnchor). */
  function addPlanFilter() {
    var form = document.querySelector("form." + N.planFilter);
    var list = document.querySelector("ul." + N.planList);
    if (!form || !list) return;
    var status = document.querySelector("." + N.planCount);
    var items = list.querySelectorAll(":scope > li");
    var selects = form.querySelectorAll("select[" + N.facet + "]");
    var params = new URLSearchParams(location.search);
    for (var s = 0; s < selects.length; s++) {
      var wanted = params.get(selects[s].getAttribute(N.facet));
      for (var o = 0; o < selects[s].options.length; o++) {
        if (wanted && selects[s].options[o].value === wanted) selects[s].selectedIndex = o;
      }
    }
    function apply(announce) {
      var shown = 0;
      var query = new URLSearchParams(location.search);
      for (var i = 0; i < items.length; i++) {
        var match = true;
        for (var f = 0; f < selects.length; f++) {
          var facet = selects[f].getAttribute(N.facet);
          if (selects[f].value && items[i].getAttribute("data-" + facet) !== selects[f].value) match = false;
        }
        items[i].hidden = !match;
        if (match) shown++;
      }
      for (var g = 0; g < selects.length; g++) {
        var name = selects[g].getAttribute(N.facet);
        if (selects[g].value) query.set(name, selects[g].value); else query.delete(name);
      }
      if (announce && status) {
        status.textContent = T.plans_shown.replace("{shown}", countWord(shown)).replace("{total}", countWord(items.length));
      }
      var search = query.toString();
      try { history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash); } catch (e) { /* file:// may refuse */ }
      keepAnchor();
    }
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    /* The reset button clears the selects; the list follows once they are cleared. */
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    form.hidden = false;
    apply(params.toString() !== "");
  }

  function init() {
    var article = document.querySelector(N.article);
    fillAccessDates(document);
    keepAnchor();
    wirePalette();
    addStatus();
    addTooltips();
    hideOfflineLinksInBundle();
    window.addEventListener("hashchange", keepAnchor);
    if (!article) return;
    wireToolbar(article);
    markPrintUrls(article);
    wireCiteButtons(article);
    addPlanPicker(article);
    addPlanFilter();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  window.addEventListener("load", function () {
    (window.requestIdleCallback || setTimeout)(function () { themeColour(false); });
  });
})();
