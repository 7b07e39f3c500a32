window.IP_PLANS = {
 "names": {
  "article": "article.md-content__inner",
  "box": "box",
  "cite": "data-cite",
  "citeButton": "cite-button",
  "citeFallback": "cite-fallback",
  "citeStatus": "cite-status",
  "citeUrl": "data-cite-url",
  "definition": "data-definition",
  "duty": "duty",
  "keepAnchor": "data-keep-anchor",
  "lastCitation": "data-last-citation",
  "offlineZip": "offline-zip",
  "pageUrl": "data-url",
  "sbsToggle": "sbs-toggle",
  "searchExclude": "data-search-exclude",
  "sideBySide": "sbs",
  "termTooltip": "term-tooltip",
  "titleId": "title",
  "toolbar": "plan-toolbar",
  "twin": "tw",
  "xref": "xref",
  "zhOriginal": "zh-original"
 },
 "ui": {
  "en": {
   "cite": "Cite",
   "close": "Close",
   "copied": "Link and citation copied",
   "copied_short": "Copied",
   "copy": "Copy link and citation",
   "sbs": "Side by side",
   "select": "Copy the link and citation below (Ctrl+C):",
   "select_label": "Link and citation"
  },
  "zh": {
   "cite": "引用",
   "close": "关闭",
   "copied": "已复制链接和引文",
   "copied_short": "已复制",
   "copy": "复制链接和引文",
   "sbs": "中英对照",
   "select": "请复制下面的链接和引文（Ctrl+C）：",
   "select_label": "链接和引文"
  }
 }
};
