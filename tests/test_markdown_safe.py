"""Source text is written into Markdown so that it shows as itself, and the build proves it."""

from __future__ import annotations

import pytest

from tools.build import generate
from tools.common.errors import InputError
from tools.render import markdown
from tools.render.markdown import LiteralProof, inert, literal_proof, safe


def test_every_fragment_of_the_build_parses_to_itself(monkeypatch):
    """The build skips the parse for inert fragments; here every fragment is parsed, inert or not."""
    seen: list[LiteralProof] = []
    monkeypatch.setattr(LiteralProof, "verify", lambda self, everything=False: seen.append(self))
    generate()
    assert len(seen) == 1 and len(seen[0].fragments) > 5000
    proof = seen[0]
    assert sum(inert(escaped, expected) for escaped, expected, _ in proof.fragments) > 1000
    monkeypatch.undo()
    proof.verify(everything=True)


@pytest.mark.parametrize("text", [
    "# 标题", "- 项目", "1. 第一", "1) 第一", "> 引文", "知识**产权**", "a_b_c", "[链接](x)", "<b>粗</b>", "&amp;",
    "`代码`", "| 表 | 格 |", "===", "***", "~~删~~", "{: .x }", "{{ 变量 }}", "\t缩进", "    缩进", "行末  ", "知识产权\\",
])
def test_text_that_markdown_would_act_on_is_never_inert(text):
    assert not inert(markdown.escape(text), text.strip())


@pytest.mark.parametrize("text", ["知识产权", "2021年", "Intellectual property rights", "第三章 保护"])
def test_plain_text_is_inert(text):
    assert inert(markdown.escape(text), text)


@pytest.mark.parametrize("text", ["# 标题", "知识**产权**", "1. 第一", "<b>粗</b>", "*强调*"])
def test_a_broken_escape_stops_the_build(monkeypatch, text):
    """If escaping stopped working, the proof names the text instead of letting Markdown act on it."""
    monkeypatch.setattr(markdown, "escape", lambda value: value)
    with pytest.raises(InputError, match="cannot be made Markdown-safe"):
        with literal_proof():
            safe("第一段", "page.md")
            safe(text, "page.md")
    with pytest.raises(InputError, match="cannot be made Markdown-safe"):
        safe(text, "page.md")
