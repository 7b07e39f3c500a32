"""Static SVG charts, drawn at build time: no chart library, no network, readable offline.

Colours come from site.css classes (bar, axis, label), so charts follow the light/dark theme.
Text is whatever the caller passes, in the page's language.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass

WIDTH = 720
ROW = 30
LABEL_WIDTH = 230
RIGHT_MARGIN = 150


@dataclass
class Bar:
    label: str  # e.g. the plan's short name
    value: float
    text: str  # the value as shown, e.g. "≥ 90%（2025）"
    series: int  # the plan's position, for its colour class


@dataclass
class Span:
    label: str
    start: int
    end: int
    series: int


def _svg(height: int, title: str) -> etree.Element:
    svg = etree.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg", "viewBox": f"0 0 {WIDTH} {height}",
        "role": "img", "class": "chart", "width": "100%",
    })
    etree.SubElement(svg, "title").text = title
    return svg


def _text(parent: etree.Element, x: float, y: float, text: str, anchor: str = "start", css: str = "label") -> None:
    element = etree.SubElement(parent, "text", {"x": f"{x:g}", "y": f"{y:g}", "text-anchor": anchor, "class": css})
    element.text = text


def bar_chart(title: str, bars: list[Bar]) -> str:
    """Horizontal bars on one axis from zero; every bar is labelled with its value."""
    height = ROW * len(bars) + 10
    svg = _svg(height, title)
    scale = (WIDTH - LABEL_WIDTH - RIGHT_MARGIN) / max(bar.value for bar in bars)
    for row, bar in enumerate(bars):
        y = 5 + row * ROW
        _text(svg, LABEL_WIDTH - 8, y + ROW / 2 + 4, bar.label, "end")
        length = max(bar.value * scale, 1)
        etree.SubElement(svg, "rect", {
            "x": str(LABEL_WIDTH), "y": f"{y + 5:g}", "width": f"{length:.1f}", "height": str(ROW - 10),
            "class": f"bar series-{bar.series}",
        })
        _text(svg, LABEL_WIDTH + length + 6, y + ROW / 2 + 4, bar.text)
    return etree.tostring(svg, encoding="unicode")


def timeline(title: str, spans: list[Span], first: int, last: int) -> str:
    """Each plan's period as a bar on a year axis."""
    height = ROW * len(spans) + 40
    svg = _svg(height, title)
    years = last - first + 1
    step = (WIDTH - LABEL_WIDTH - 90) / years  # room on the right for the last span's years

    def x(year: int) -> float:
        return LABEL_WIDTH + (year - first) * step

    axis_y = ROW * len(spans) + 10
    etree.SubElement(svg, "line", {"x1": str(LABEL_WIDTH), "x2": f"{x(last + 1):g}", "y1": str(axis_y), "y2": str(axis_y), "class": "axis"})
    for year in range(first, last + 1):
        if year == first or year % 5 == 0 or year == last:
            etree.SubElement(svg, "line", {"x1": f"{x(year):g}", "x2": f"{x(year):g}", "y1": "0", "y2": str(axis_y), "class": "grid"})
            _text(svg, x(year) + step / 2, axis_y + 18, str(year), "middle")
    for row, span in enumerate(spans):
        y = 5 + row * ROW
        _text(svg, LABEL_WIDTH - 8, y + ROW / 2 + 4, span.label, "end")
        etree.SubElement(svg, "rect", {
            "x": f"{x(span.start):g}", "y": f"{y + 5:g}", "width": f"{(span.end - span.start + 1) * step:.1f}",
            "height": str(ROW - 10), "class": f"bar series-{span.series}",
        })
        _text(svg, x(span.end + 1) + 4, y + ROW / 2 + 4, f"{span.start}–{span.end}")
    return etree.tostring(svg, encoding="unicode")
