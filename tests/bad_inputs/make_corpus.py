"""Writes the bad-input corpus (run once; the files are committed). Each case is a
directory with plans/<slug>.toml, seeds/<file> and expected.txt (the whole error message from the file
name on, a trailing … leaving the rest to a library it quotes; or
`ok` for inputs that must convert safely)."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
GOOD = """测试规划
为加强知识产权工作，制定本规划。
一、总体要求
（一）指导思想
坚持创新驱动，推动高质量发展。
（二）主要目标
1.提升质量。到2025年，发明专利拥有量达到1万件。
2.强化保护。建立健全保护体系。
二、重点任务
（一）加强创造
开展知识产权贯标工作。
"""
PLAN = """slug = "test-plan"
source = "seeds/source.txt"
script = "simplified"
title_zh = "测试规划"
title_en = "Test plan"
cite_en = "Test plan"
issuer_zh = "测试机关"
issuer_en = "Test authority"
level_zh = "县级"
level_en = "County"
kind_zh = "规划"
kind_en = "Plan"
description_zh = "测试。"
description_en = "Test."
period = [2021, 2025]

[[lines]]
match = "测试规划"
role = "drop"
reason = "title"
"""


def case(name: str, expected: str, source: bytes | str = GOOD, plan: str = PLAN, extra: dict[str, str] | None = None) -> None:
    """`extra`: annotation data files (glossary.toml, targets/test-plan.toml, …) beside plans/."""
    folder = HERE / name
    (folder / "plans").mkdir(parents=True, exist_ok=True)
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    (folder / "plans" / "test-plan.toml").write_text(plan, encoding="utf-8")
    data = source.encode("utf-8") if isinstance(source, str) else source
    (folder / "seeds" / "source.txt").write_bytes(data)
    (folder / "expected.txt").write_text(expected + "\n", encoding="utf-8")
    for relative, content in (extra or {}).items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(content, encoding="utf-8")


case("gbk", "ok", GOOD.encode("gbk"))
case("gb18030", "ok", (GOOD + "（二）加强保护\n开展㐀字测试。\n").encode("gb18030"))
case("utf16", "ok", GOOD.encode("utf-16"))
case("utf8-bom", "ok", b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
case("crlf", "ok", GOOD.replace("\n", "\r\n"))
case("empty", "source.txt:1: file is empty", b"")
case("binary", "source.txt:1: binary data (NUL byte); not a text file", b"\x00\x01\x02PK\x03\x04" + bytes(range(256)))
case("truncated-utf8", "source.txt:11: file is truncated in the middle of a UTF-8 character", GOOD.encode("utf-8")[:-5])
case("truncated-sentence", "source.txt:11: the last line stops mid-sentence; is the file truncated?", GOOD.rstrip("。\n") + "\n")
# Found by tests/test_properties.py (generated numbering): a plan whose last paragraph ends with its
# declared duty note was refused as truncated.
case("duty-note-last", "ok", GOOD + "开展知识产权宣传〔责任单位：区市场监管局〕\n")
case("undecodable",
     "source.txt:12: cannot decode byte 0xff: not UTF-8, UTF-16, GB18030 or Big5 (or a mix of them)",
     GOOD.encode("utf-8") + b"\xff\xfe\xfa\xfb\xfc\n")
# Big5 bytes are mostly valid GB18030 too; detection must not read them as GB18030 garbage.
TRADITIONAL = """測試規劃
為加強知識產權工作，制定本規劃。
一、總體要求
（一）指導思想
堅持創新驅動，推動高質量發展。
（二）主要目標
1.提升質量。到2025年，發明專利擁有量達到1萬件。
2.強化保護。建立健全保護體系。
二、重點任務
（一）加強創造
開展知識產權貫標工作。
"""
BIG5_PLAN = PLAN.replace('"simplified"', '"traditional"').replace('match = "测试规划"', 'match = "測試規劃"')
case("big5", "ok", TRADITIONAL.encode("big5"), plan=BIG5_PLAN)
case("big5-declared", "ok", TRADITIONAL.encode("big5"), plan=BIG5_PLAN.replace('"traditional"', '"traditional"\nencoding = "big5"'))
case("undecodable-mixed",
     "source.txt:1: cannot decode byte 0xb2: not UTF-8, UTF-16, GB18030 or Big5 (or a mix of them)",
     GOOD.encode("gbk") + TRADITIONAL.encode("big5"))
case("encoding-wrong", "source.txt:1: cannot decode byte 0x8b as big5 (set in plan data)", plan=PLAN.replace('"simplified"', '"simplified"\nencoding = "big5"'))
case("encoding-unknown", "test-plan.toml:4: unknown encoding 'klingon'", plan=PLAN.replace('"simplified"', '"simplified"\nencoding = "klingon"'))
case("script-unknown",
     "test-plan.toml:3: unknown script mode 'cantonese'; must be one of simplified, traditional, traditional-taiwan",
     plan=PLAN.replace('"simplified"', '"cantonese"'))
case("html-injection", "ok", GOOD + "（二）安全测试\n<script>alert('x')</script><img src=x onerror=alert(1)>测试。\n")
MARKDOWN_AND_JINJA = "# 不是标题 *不是强调* [链接](javascript:alert(1)) {: #evil } {{ config.site_name }} {% raw %}测试。"
case("markdown-jinja", "ok", GOOD + "（二）语法测试\n" + MARKDOWN_AND_JINJA + "\n")
case("duplicate-numbering", "source.txt:8: numbering repeats: found 1, expected 2", GOOD.replace("2.强化保护", "1.强化保护"))
case("skipped-numbering", "source.txt:8: numbering jumps: found 3, expected 2", GOOD.replace("2.强化保护", "3.强化保护"))
case("skipped-chapter", "source.txt:9: numbering jumps: found 3, expected 2", GOOD.replace("二、重点任务", "三、重点任务"))
case("table-missing-cell", "source.txt:17: table row has 2 cells but the header has 3",
     GOOD + "主要指标\n\t序号\n\t指标\n\t2025年\n\n\t1\n\t发明专利\n\n")
case("plan-missing-field", "test-plan.toml: missing required field 'title_en'", plan=PLAN.replace('title_en = "Test plan"\n', ""))
case("plan-missing-source", "test-plan.toml:2: source file 'seeds/missing.txt' does not exist", plan=PLAN.replace("seeds/source.txt", "seeds/missing.txt"))
case("plan-bad-toml", "test-plan.toml:3: invalid TOML…", plan=PLAN.replace('script = "simplified"', "script = simplified"))
# Found by tests/test_properties.py (a value replaced in the plan data): a line rule's match or reason
# that is not a text stopped the build with a traceback.
case("plan-line-rule-not-text",
     "test-plan.toml:17: [[lines]] entry 1 needs `match` (a text) and a role among drop, meta, notice, notice-title, closing; `reason` and `field` are texts",
     plan=PLAN.replace('match = "测试规划"', "match = [2025, 2021]"))
case("plan-line-reason-not-text",
     "test-plan.toml:17: [[lines]] entry 1 needs `match` (a text) and a role among drop, meta, notice, notice-title, closing; `reason` and `field` are texts",
     plan=PLAN.replace('reason = "title"', "reason = [2025, 2021]"))
case("plan-stale-line-rule",
     "test-plan.toml: line rule '不存在的行' matches no line of source.txt",
     plan=PLAN + '[[lines]]\nmatch = "不存在的行"\nrole = "drop"\n')
case(
    "plan-unknown-slug", "test-plan.toml:16: predecessor 'no-such-plan' is not a plan in the corpus",
    plan=PLAN.replace("period = [2021, 2025]", 'period = [2021, 2025]\npredecessor = "no-such-plan"'),
)

GLOSSARY = """[[term]]
id = "guanbiao"
zh = "贯标"
en = "IP management standard implementation"
aliases_zh = []
aliases_en = []
definition_zh = "贯彻《企业知识产权管理规范》国家标准。"
definition_en = ""
source = ""
"""
case("glossary-empty-definition", "glossary.toml:8: empty `definition_en`", extra={"glossary.toml": GLOSSARY})
TARGET = """[[target]]
anchor = "s1-2-1-p1"
indicator_zh = "发明专利拥有量"
indicator_en = "Invention patents in force"
value = 2
unit_zh = "万件"
unit_en = "10,000 patents"
comparator = "="
year = 2025
nature = "unspecified"
quote_zh = "发明专利拥有量达到2万件"
"""
case("target-quote-missing", "test-plan.toml:11: quote '发明专利拥有量达到2万件' is no longer in test-plan#s1-2-1-p1",
     extra={"targets/test-plan.toml": TARGET})
REFERENCE = """[[document]]
id = "outline"
cited_as = ["国家知识产权战略纲要"]
cited_as_en = []
cited_by = ["test-plan"]
plan = "no-such-plan"
title_zh = "国家知识产权战略纲要"
title_en = "Outline of the National Intellectual Property Strategy"
"""
case("reference-unknown-slug", "references.toml:6: cross-reference to unknown plan slug 'no-such-plan'",
     extra={"references.toml": REFERENCE})
TOPIC = """[[topic]]
id = "guanbiao"
zh = "贯标"
en = "IP management standard"
description_zh = "企业知识产权管理。"
description_en = "Corporate IP management."
[topic.sections]
test-plan = ["s9"]
"""
case("topic-unknown-section", "topics.toml:8: topic 'guanbiao': 's9' is not a section of test-plan", extra={"topics.toml": TOPIC})
case("unknown-marker",
     "source.txt:8: undeclared numbering marker （1） (the plan data declares the levels 一、 → （一） → 1.)",
     GOOD.replace("2.强化保护", "（1）强化保护"))
case(
    "skipped-level", "source.txt:4: skipped level: 一、 (level 3, 一、) is not inside a level 2 (第X节) heading",
    "测试规划\n为加强知识产权工作，制定本规划。\n第一章 总体要求\n一、指导思想。开展知识产权贯标工作。\n",
    plan=PLAN + '\n[numbering]\nlevels = ["第X章", "第X节", "一、"]\n',
)
case("ragged-table", "source.txt:15: ragged table: row has 2 cells but the header has 3",
     GOOD + "主要指标\n| 序号 | 指标 | 2025年 |\n|---|---|---|\n| 1 | 发明专利 |\n")
DECIMAL = """测试规划
为加强知识产权工作，制定本规划。
第一章 总体要求
1.1 指导思想
坚持创新驱动，推动高质量发展。
1.2 主要目标
1.2.1 提升质量。到2025年，发明专利拥有量达到1万件。
1.2.2 强化保护。建立健全保护体系。
第二章 重点任务
2.1 加强创造
开展知识产权贯标工作。
"""
DECIMAL_PLAN = PLAN + '\n[numbering]\nlevels = ["第X章", "1.1", "1.1.1"]\n'
case("decimal-levels", "ok", DECIMAL, plan=DECIMAL_PLAN)
case(
    "decimal-misplaced", "source.txt:8: misplaced decimal number: 1.3.2 (level 3, 1.1.1) must sit under 1.3, but the heading above is numbered 1.2",
    DECIMAL.replace("1.2.2 强化保护", "1.3.2 强化保护"), plan=DECIMAL_PLAN,
)
case(
    "decimal-wrong-chapter", "source.txt:10: misplaced decimal number: 3.1 (level 2, 1.1) must sit under 3, but the heading above is numbered 2",
    DECIMAL.replace("2.1 加强创造", "3.1 加强创造"), plan=DECIMAL_PLAN,
)
case("ragged-tab-table", "source.txt:15: ragged table: row has 2 cells but the header has 3",
     GOOD + "主要指标\n序号\t指标\t2025年\n1\t发明专利\t2万件\n2\t商标\n")
case("ragged-space-table", "source.txt:15: ragged table: row has 2 cells but the header has 3",
     GOOD + "主要指标\n序号  指标  2025年\n1  发明专利  2万件\n2　　商标\n")

# Targets over time: a baseline's quote must be in its paragraph; a pair of plans (test-old → test-plan)
# whose lineage file names an unknown target, or quotes an outcome the later plan does not contain.
BASELINE_TARGET = """[[target]]
id = "invention-patents"
anchor = "s1-2-1-p1"
indicator_zh = "发明专利拥有量"
indicator_en = "Invention patents in force"
value = 1
unit_zh = "万件"
unit_en = "10,000 patents"
comparator = "="
year = 2025
nature = "unspecified"
quote_zh = "发明专利拥有量达到1万件"
"""
case("target-baseline-quote-missing", "test-plan.toml:16: baseline quote '发明专利拥有量达到0.5万件' is no longer in test-plan#s1-2-1-p1",
     extra={"targets/test-plan.toml": BASELINE_TARGET + """baseline = 0.5
baseline_year = 2020
baseline_anchor = "s1-2-1-p1"
baseline_quote_zh = "发明专利拥有量达到0.5万件"
"""})
OLD_PLAN = (PLAN.replace('slug = "test-plan"', 'slug = "test-old"').replace("seeds/source.txt", "seeds/old.txt")
            .replace("period = [2021, 2025]\n", 'period = [2016, 2020]\nsuccessor = "test-plan"\n'))
NEW_PLAN = PLAN.replace("period = [2021, 2025]\n", 'period = [2021, 2025]\npredecessor = "test-old"\n')
PAIR_FILES = {"plans/test-old.toml": OLD_PLAN, "seeds/old.txt": GOOD,
              "targets/test-old.toml": BASELINE_TARGET, "targets/test-plan.toml": BASELINE_TARGET}
LINEAGE = """earlier = "test-old"
later = "test-plan"

[[pair]]
earlier = "invention-patents"
later = "{later}"
status = "kept"
reason = "The same measure."
"""
case("lineage-unknown-target", "test-old--test-plan.toml:6: target 'no-such-target' is not a target id of test-plan",
     plan=NEW_PLAN, extra={**PAIR_FILES, "targets/lineage/test-old--test-plan.toml": LINEAGE.format(later="no-such-target")})
case("lineage-outcome-quote-missing", "test-old--test-plan.toml:13: outcome quote '发明专利拥有量达到0.9万件' is no longer in test-plan#s1-2-1-p1",
     plan=NEW_PLAN, extra={**PAIR_FILES, "targets/lineage/test-old--test-plan.toml": LINEAGE.format(later="invention-patents") + """
[[outcome]]
target = "invention-patents"
anchor = "s1-2-1-p1"
quote_zh = "发明专利拥有量达到0.9万件"
value = 0.9
unit_zh = "万件"
unit_en = "10,000 patents"
year = 2020
same_measure = true
"""})
case("lineage-unknown-plan", "no-such-plan--test-plan.toml:1: earlier plan 'no-such-plan' is not a plan in the corpus",
     plan=NEW_PLAN, extra={**PAIR_FILES, "targets/lineage/test-old--test-plan.toml": LINEAGE.format(later="invention-patents"),
                           "targets/lineage/no-such-plan--test-plan.toml": 'earlier = "no-such-plan"\nlater = "test-plan"\n'})
