"""The plans page (/plans/, /en/plans/): every plan with its facts, filterable by region, level,
period and kind.

The list is plain HTML that needs no script: without JavaScript a reader sees every plan. The
filter form is written `hidden`; `assets/site.js` (`addPlanFilter`) shows it, hides the plans a
choice leaves out and announces the count (the count line is `role="status"`). A plan's facet
values (`data-region` …, `contract.PLAN_FACETS`) are its Chinese facts on both languages' pages,
so a choice kept in the address (`?region=…`) holds across the language switch.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from tools.common import contract as c
from tools.common.ui import count_word, localized
from tools.model import anchors
from tools.model.plandata import PlanData
from tools.render.corpus import Corpus
from tools.render.markdown import front_matter, page_heading, safe


def period(data: PlanData) -> str:
    return f"{data.period[0]}–{data.period[1]}"


def facet_value(data: PlanData, facet: str) -> str:
    """The value a filter compares: the Chinese fact (the same on both pages), the period as years."""
    if facet == "period":
        return f"{data.period[0]}-{data.period[1]}"
    return getattr(data, f"{facet}_zh")


def facet_label(data: PlanData, facet: str, lang: str) -> str:
    return period(data) if facet == "period" else localized(data, facet, lang)


def facet_options(plans: list[PlanData], facet: str, lang: str) -> list[tuple[str, str, int]]:
    """(value, label, how many plans) per distinct value; periods in time order, the rest by label."""
    counts = Counter(facet_value(data, facet) for data in plans)
    labels = {facet_value(data, facet): facet_label(data, facet, lang) for data in plans}
    if facet == "period":
        order = sorted(counts, key=lambda value: tuple(int(year) for year in value.split("-")))
    else:
        order = sorted(counts, key=lambda value: (labels[value].casefold(), value))
    return [(value, labels[value], counts[value]) for value in order]


def filter_form(plans: list[PlanData], labels: dict[str, str], lang: str) -> list[str]:
    """The facet filters: a labelled <select> per facet, and a button that clears them (site.js)."""
    out = [f'<form class="{c.PLAN_FILTER}" aria-label="{escape(labels["plans_filter"])}" hidden>']
    for facet in c.PLAN_FACETS:
        control = f"{c.PLAN_FILTER}-{facet}"
        options = [f'<option value="">{escape(labels["facet_all"])}</option>']
        options += [f'<option value="{escape(value)}">{escape(labels["count_format"].format(title=label, count=count))}</option>'
                    for value, label, count in facet_options(plans, facet, lang)]
        out += [f'<p><label for="{control}">{escape(labels[f"facet_{facet}"])}</label>',
                f'<select id="{control}" name="{facet}" {c.FACET}="{facet}">{"".join(options)}</select></p>']
    out += [f'<p><button type="reset" class="{c.PLAN_RESET}">{escape(labels["js_plans_reset"])}</button></p>', "</form>", ""]
    return out


def plan_item(data: PlanData, lang: str) -> str:
    """One plan: its title linked to its page, then its facts (region, level, kind, period, issuer)."""
    attrs = "".join(f' data-{facet}="{escape(facet_value(data, facet))}"' for facet in c.PLAN_FACETS)
    facts = " · ".join(safe(text) for text in (localized(data, "region", lang), localized(data, "level", lang),
                                                localized(data, "kind", lang), period(data), localized(data, "issuer", lang)))
    link = anchors.page_link(data.slug)
    return (f'<li{attrs} markdown="span">[{safe(localized(data, "title", lang))}]({link})<br>'
            f'<span class="{c.PLAN_FACTS}">{facts}</span></li>')


def render_plans_page(corpus: Corpus, lang: str) -> str:
    labels = corpus.strings.of(lang)
    plans = [plan.data for plan in corpus.plans]
    count = count_word(labels, len(plans))
    out = [
        *front_matter(labels["plans_title"]),
        *page_heading(labels["plans_title"]),
        safe(corpus.strings.get(lang, "plans_intro", count=count)),
        "",
        *filter_form(plans, labels, lang),
        f'<p class="{c.PLAN_COUNT}" role="status" aria-live="polite">{escape(corpus.strings.get(lang, "plans_count", count=count))}</p>',
        "",
        f'<ul class="{c.PLAN_LIST}" markdown>',
        *(plan_item(data, lang) for data in plans),
        "</ul>",
    ]
    return "\n".join(out) + "\n"
