"""Language parity: code cells compared as token streams, differences located in both files."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from sciedu import sources
from sciedu.checks import parity
from sciedu.checks.context import Context

LIBRARY = Path(__file__).parents[1] / "data" / "library"
REPO = Path(__file__).parents[2]


def _activity(tmp_path: Path, edits: dict[str, tuple[str, str]]):
    folder = tmp_path / "physics" / "tiny-speed"
    shutil.copytree(LIBRARY / "physics" / "tiny-speed", folder)
    for lang, (old, new) in edits.items():
        path = folder / f"{lang}.md"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    activity, findings = sources.load_activity(folder)
    assert findings == [] and activity is not None
    return activity


def _lines(activity, lang: str) -> list[str]:
    return (activity.folder / f"{lang}.md").read_text(encoding="utf-8").splitlines()


def _run(activity) -> list:
    return sorted(parity.code_cells_match(activity, Context()))


def _by_file(findings: list) -> dict[str, object]:
    out = {Path(f.path).name: f for f in findings}
    assert len(out) == len(findings) == 2, findings
    return out


def test_comments_strings_and_line_breaks_may_differ() -> None:
    zh = 'x = (1,\n     2)  # 注释\nprint(f"速度 {x[0]:.2f} 米", "甲" "乙")\n'
    en = '# a comment\nx = (1, 2)\nprint(f"speed {x[0]:.1f} m", "ab")\n'
    assert [t.text for t in parity.code_tokens(zh)] == [t.text for t in parity.code_tokens(en)]


def test_indentation_is_part_of_the_code() -> None:
    inside = parity.code_tokens("if a:\n    b()\n    c()\n")
    after = parity.code_tokens("if a:\n    b()\nc()\n")
    assert [t.text for t in inside] != [t.text for t in after]


def test_magics_are_compared_as_whole_lines() -> None:
    assert [t.text for t in parity.code_tokens("%matplotlib inline\nx = 1")][0] == "%matplotlib inline"
    assert parity.code_tokens("%matplotlib inline") != parity.code_tokens("%matplotlib widget")


@pytest.mark.skipif(sys.version_info < (3, 12), reason="f-strings are tokenized into parts from Python 3.12")
def test_fstring_parts_become_one_placeholder() -> None:
    tokens = [t.text for t in parity.code_tokens('print(f"{a:.2f} and {f"{b}"}")')]
    assert tokens == ["print", "(", parity.STRING, ")", "end of line"]


def test_changed_number_is_located_in_both_files(tmp_path: Path) -> None:
    activity = _activity(tmp_path, {"zh": ("time_s = 4.0\n", "time_s = 4.5\n")})
    found = _by_file(_run(activity))
    zh, en = found["zh.md"], found["en.md"]
    assert zh.rule == en.rule == "parity-code"
    assert _lines(activity, "zh")[zh.line - 1] == "time_s = 4.5"
    assert _lines(activity, "en")[en.line - 1] == "time_s = 4.0"
    assert zh.message == f"code cell 1 differs from en.md:{en.line}: '4.5' here, '4.0' there"
    assert en.message == f"code cell 1 differs from zh.md:{zh.line}: '4.0' here, '4.5' there"


def test_extra_line_in_one_language(tmp_path: Path) -> None:
    activity = _activity(tmp_path, {"en": ("SEED = 1  # change to your student number\n",
                                           "SEED = 1  # change to your student number\nSEED = SEED + 1\n")})
    found = _by_file(_run(activity))
    assert _lines(activity, "en")[found["en.md"].line - 1] == "SEED = SEED + 1"
    assert "'SEED = SEED + 1' here, nothing there" in found["en.md"].message
    assert _lines(activity, "zh")[found["zh.md"].line - 1].startswith("mine = variants(")
    assert "code cell 3" in found["zh.md"].message


def test_different_function_call(tmp_path: Path) -> None:
    activity = _activity(tmp_path, {"en": ('print(mine.to_markdown("en"))', 'display(mine.to_markdown("en"))')})
    found = _by_file(_run(activity))
    assert "'display' here, 'print' there" in found["en.md"].message
    assert _lines(activity, "zh")[found["zh.md"].line - 1].startswith("print(mine")


def test_missing_cell_is_reported_where_it_is_and_where_it_is_missing(tmp_path: Path) -> None:
    block = "```{code-cell} ipython3\nfrom sciedu.kit import variants\n"
    activity = _activity(tmp_path, {"en": (block, "```{code-cell} ipython3\nextra = 1\n```\n\n" + block)})
    found = _by_file(_run(activity))
    en, zh = found["en.md"], found["zh.md"]
    assert en.rule == zh.rule == "parity-code-cells"
    assert _lines(activity, "en")[en.line - 1] == "```{code-cell} ipython3" and _lines(activity, "en")[en.line] == "extra = 1"
    assert "code cell 3 has no counterpart in zh.md" in en.message
    assert f"en.md:{en.line}" in zh.message
    assert _lines(activity, "zh")[zh.line] == "from sciedu.kit import variants"


def test_untokenizable_cell_is_a_located_finding(tmp_path: Path) -> None:
    activity = _activity(tmp_path, {"zh": ('SEED = 1  # 改成你的学号\n', 'SEED = "1  # 改成你的学号\n')})
    findings = _run(activity)
    assert [f.rule for f in findings] == ["code-untokenizable"]
    assert _lines(activity, "zh")[findings[0].line - 1].startswith('SEED = "1')
    assert "code cell 3" in findings[0].message


def test_tags_differ_is_located_in_both_files(tmp_path: Path) -> None:
    activity = _activity(tmp_path, {"zh": ("```{code-cell} ipython3\nimport ipywidgets", "```{code-cell} ipython3\n:tags: [hide-input]\n\nimport ipywidgets")})
    found = _by_file(_run(activity))
    assert {f.rule for f in found.values()} == {"parity-tags"}
    assert "['hide-input']" in found["zh.md"].message and "but en.md:" in found["zh.md"].message


def test_markdown_roles_differ_is_located_at_the_first_tagged_markdown_cell(tmp_path: Path) -> None:
    activity = _activity(tmp_path, {"zh": ('+++ {"tags": ["teacher"]}', "+++")})
    found = _by_file(_run(activity))
    assert {f.rule for f in found.values()} == {"parity-roles"}
    assert found["zh.md"].message == "Markdown cells tagged solution/teacher: 1 solution, 0 teacher here but 1 solution, 1 teacher in en.md"
    assert _lines(activity, "en")[found["en.md"].line - 1].startswith("Speed is distance over time")
    assert _lines(activity, "zh")[found["zh.md"].line - 1].startswith("速度等于路程除以时间")


@pytest.mark.parametrize("folder", sorted(p.parent for p in (REPO / "activities").glob("*/*/activity.yaml")), ids=lambda p: p.name)
def test_bundled_activities_match(folder: Path) -> None:
    activity, findings = sources.load_activity(folder)
    assert findings == [] and activity is not None
    assert _run(activity) == []
