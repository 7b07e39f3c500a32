"""schema.org `Legislation` JSON-LD for each plan page, from the plan's data file.

Facts that a data file leaves empty (no date, no 文号, an unknown 有效性, issuers the source
does not name) are omitted, never guessed. Addresses are site-relative (/slug/, /en/slug/,
/data/akn/…); with a public base URL the build makes them absolute (`absolutize`).
"""

from __future__ import annotations

import json
import re

from tools.common.ui import HTML_LANG, OTHER, localized
from tools.model import anchors
from tools.model.document import Plan
from tools.model.publication import PDF_MEDIA_TYPE, pdf_path
from tools.render import csl
from tools.render.corpus import Corpus

SCRIPT_OPEN = '<script type="application/ld+json">'
AKN_MEDIA_TYPE = "application/akn+xml"
URL_KEYS = ("@id", "url", "contentUrl")
LANGUAGE = {"zh": "zho", "en": "eng"}  # ISO 639-2, as Akoma Ntoso's FRBR addresses use


def akn_path(slug: str, lang: str) -> str:
    """Where a plan's Akoma Ntoso file sits under docs/ (and so under site/). Named with the
    three-letter code: a `.zh.xml`/`.en.xml` suffix would be taken by the i18n plugin as a
    language variant and moved."""
    return f"data/akn/{slug}.{LANGUAGE[lang]}.xml"


def legislation(corpus: Corpus, plan: Plan, lang: str) -> dict:
    data = plan.data
    publication = corpus.publication
    # The bibliographic facts come from the plan's CSL record (tools/render/csl.py, their one owner).
    record = csl.record(plan, lang, publication.name_en)
    url = record["URL"]
    other = OTHER[lang]
    item: dict = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": url,
        "url": url,
        "name": record["title"],
        "alternateName": _unique([localized(data, "title", other), localized(data, "short", lang)]),
        "legislationIdentifier": csl.record(plan, "zh", publication.name_en).get("number", ""),
        "legislationDate": data.date_written,
        "datePublished": data.date_published,
        "legislationJurisdiction": _area(localized(data, "jurisdiction", lang)),
        "legislationType": localized(data, "kind", lang),
        "legislationLegalForce": publication.force(data.validity_zh),
        "inLanguage": HTML_LANG[lang],
        "publisher": [{"@type": "GovernmentOrganization", "name": name["literal"]} for name in record.get("author", [])],
        "encoding": [
            {
                "@type": "MediaObject",
                "contentUrl": "/" + akn_path(data.slug, lang),
                "encodingFormat": AKN_MEDIA_TYPE,
                "inLanguage": HTML_LANG[lang],
            },
            *(_pdf(data.slug, variant) for variant in (lang, "zh-en")),
        ],
    }
    if lang == "zh":
        item["workTranslation"] = {"@id": anchors.page_path(data.slug, other)}
    else:
        item["legislationLegalValue"] = "https://schema.org/UnofficialLegalValue"
        item["translationOfWork"] = {"@id": anchors.page_path(data.slug, other)}
        item["translator"] = {"@type": "Organization", "name": publication.name_en}
    if item["legislationLegalForce"]:
        item["legislationLegalForce"] = "https://schema.org/" + item["legislationLegalForce"]
    return {key: value for key, value in item.items() if value}


def _pdf(slug: str, variant: str) -> dict:
    """A PDF handout of the plan (tools.publish.pdf); the zh-en one holds both languages."""
    languages = [HTML_LANG[lang] for lang in variant.split("-")]
    return {
        "@type": "MediaObject",
        "contentUrl": "/" + pdf_path(slug, variant),
        "encodingFormat": PDF_MEDIA_TYPE,
        "inLanguage": languages[0] if len(languages) == 1 else languages,
    }


def script(corpus: Corpus, plan: Plan, lang: str) -> str:
    """The raw HTML block a plan page carries; one line, so Markdown passes it through untouched."""
    return _script(legislation(corpus, plan, lang))


def absolutize(html: str, base: str) -> str:
    """With a public base URL, make the JSON-LD addresses absolute, as the citation URLs are."""
    base = base.rstrip("/")

    def rewrite(match: re.Match) -> str:
        return _script(_rebase(json.loads(match.group(1)), base))

    return re.sub(re.escape(SCRIPT_OPEN) + r"(.*?)</script>", rewrite, html, flags=re.S)


def _script(item: dict) -> str:
    # "</" escaped so that no text in the data can close the script element.
    text = json.dumps(item, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"{SCRIPT_OPEN}{text}</script>"


def _rebase(value, base: str):
    if isinstance(value, dict):
        return {
            key: base + item if key in URL_KEYS and isinstance(item, str) and item.startswith("/") else _rebase(item, base)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_rebase(item, base) for item in value]
    return value


def _area(name: str) -> dict | None:
    return {"@type": "AdministrativeArea", "name": name} if name else None


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(name for name in names if name))
