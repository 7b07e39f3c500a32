window.IP_PLANS = {
 "names": {
  "article": "article.md-content__inner",
  "box": "box",
  "cite": "data-cite",
  "citeButton": "cite-button",
  "citeFallback": "cite-fallback",
  "citeStatus": "cite-status",
  "citeUrl": "data-cite-url",
  "columns": "data-columns",
  "compare": "compare",
  "compareColumns": "2 3",
  "comparePicker": "compare-picker",
  "comparePlan": "compare-plan",
  "definition": "data-definition",
  "duty": "duty",
  "keepAnchor": "data-keep-anchor",
  "lastCitation": "data-last-citation",
  "offlineZip": "offline-zip",
  "pageUrl": "data-url",
  "plan": "data-plan",
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
   "select_label": "Link and citation",
   "topic_compare_hint": "The plans chosen are kept in the address: copy it to share this comparison.",
   "topic_compare_legend": "Plans shown"
  },
  "zh": {
   "cite": "引用",
   "close": "关闭",
   "copied": "已复制链接和引文",
   "copied_short": "已复制",
   "copy": "复制链接和引文",
   "sbs": "中英对照",
   "select": "请复制下面的链接和引文（Ctrl+C）：",
   "select_label": "链接和引文",
   "topic_compare_hint": "所选规划保存在网址中，复制网址即可分享这一对照。",
   "topic_compare_legend": "显示的规划"
  }
 }
};
