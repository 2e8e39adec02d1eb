"""Hostile Markdown and code in activities: unsafe HTML, images, text shape, syntax, output size.

Every finding must point at the offending line of the file, not at the first line of its cell.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
import yaml

from sciedu import htmlsafety, mdscan, sources
from sciedu.checks import markup, syntax
from sciedu.checks.context import Context
from sciedu.site import markdown, pages
from sciedu.transforms.outputs import cap_outputs, merge_streams
from conftest import LIBRARY

ANCHOR = "A toy car runs 2 metres in 4 seconds. How fast is it?"


def _activity(tmp_path: Path, en_extra: str = "", assets: dict[str, bytes] | None = None, yaml_edit: tuple[str, str] = ("", "")):
    """tiny-speed with ``en_extra`` after the anchor paragraph (a cell of several lines); returns (activity, line of extra)."""
    folder = tmp_path / "physics" / "tiny-speed"
    shutil.copytree(LIBRARY / "physics" / "tiny-speed", folder)
    en = folder / "en.md"
    text = en.read_text(encoding="utf-8")
    en.write_text(text.replace(ANCHOR, ANCHOR + "\n" + en_extra), encoding="utf-8")
    first = text.splitlines().index(ANCHOR) + 2
    for name, data in (assets or {}).items():
        (folder / "assets" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "assets" / name).write_bytes(data)
    if yaml_edit[0]:
        path = folder / "activity.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(*yaml_edit, 1), encoding="utf-8")
    activity, findings = sources.load_activity(folder)
    assert activity is not None, findings
    return activity, first


def _run(rule, activity) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in rule(activity, Context())]


@pytest.mark.parametrize("bad", [
    "<script>alert(1)</script>",
    '<img src="assets/x.png" alt="x" onerror="alert(1)">',
    '<a href="#" onclick="steal()">click</a>',
    "[click](javascript:alert(1))",
    '<a href="JaVa&#x53;cript:alert(1)">x</a>',
    "[ref]: javascript:alert(1)",
    '<iframe src="https://example.org"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    "<style>body { display: none }</style>",
    '## Heading { onclick="alert(1)" }',
])
def test_unsafe_html_is_an_error_at_its_own_line(tmp_path: Path, bad: str) -> None:
    activity, first = _activity(tmp_path, f"More text.\n{bad}\n")
    assert _run(markup.unsafe_html, activity) == [("unsafe-html", first + 1)]


@pytest.mark.parametrize("fine", [
    "Use `<script>` tags in web pages.",
    "```html\n<script>shown as code</script>\n```",
    "A <b>bold</b> word, 3 < 4, and the onclick= attribute named in prose.",
    '<img src="assets/x.png" alt="a dot">',
])
def test_code_and_harmless_html_are_not_flagged(tmp_path: Path, fine: str) -> None:
    activity, _ = _activity(tmp_path, fine + "\n", assets={"x.png": b"png"})
    assert _run(markup.unsafe_html, activity) == []


def test_unsafe_html_in_activity_yaml_is_located(tmp_path: Path) -> None:
    activity, _ = _activity(tmp_path, yaml_edit=("en: Calculate speed", "en: <script>x()</script> Calculate speed"))
    findings = list(markup.unsafe_html(activity, Context()))
    assert [(f.rule, f.line, Path(f.path).name) for f in findings] == [("unsafe-html", 18, "activity.yaml")]


@pytest.mark.parametrize(("image", "rules"), [
    ("![a dot](assets/missing.png)", ["image-missing"]),
    ("![a dot](../zh.md)", ["image-outside"]),
    ("![a dot](../../../../etc/passwd)", ["image-outside"]),
    ("![a dot](/etc/passwd)", ["image-outside"]),
    ("![a dot](https://example.org/x.png)", ["image-remote"]),
    ("![a dot](http://example.org/x.png)", ["image-remote"]),
    ("![a dot](//example.org/x.png)", ["image-remote"]),
    ("![](assets/x.png)", ["image-alt"]),
    ('<img src="assets/x.png">', ["image-alt"]),
    ('<img alt="" src="assets/x.png">', ["image-alt"]),
    ('<img src="https://example.org/x.png" alt="a dot">', ["image-remote"]),
    ('<img src="../zh.md" alt="a dot">', ["image-outside"]),
    ("![a dot][dot]\n\n[dot]: https://example.org/x.png", ["image-remote"]),
])
def test_image_rules_for_markdown_and_html_images(tmp_path: Path, image: str, rules: list[str]) -> None:
    activity, first = _activity(tmp_path, f"Look:\n{image}\n", assets={"x.png": b"png"})
    assert _run(markup.images, activity) == [(rule, first + 1) for rule in rules]


@pytest.mark.parametrize("image", ["![月相](assets/月相 图.png)", "![月相](assets/月相%20图.png)", "![月相](<assets/月相 图.png>)",
                                   '<img src="assets/月相 图.png" alt="月相">'])
def test_images_with_spaces_and_chinese_names_are_found(tmp_path: Path, image: str) -> None:
    activity, _ = _activity(tmp_path, image + "\n", assets={"月相 图.png": b"png"})
    assert _run(markup.images, activity) == []


def test_very_long_line_and_deep_nesting_are_findings_in_bounded_time(tmp_path: Path) -> None:
    extra = "\n\n".join(["x" * 1_000_000, ">" * 9_000 + " deep", "> " * 10_000, "- " * 4_000 + "deep",
                          "> - > 1. " * 5 + "fine", "![a](" * 1_500, "a`b" * 3_000]) + "\n"
    activity, first = _activity(tmp_path, extra)
    assert _run(markup.text_shape, activity) == [("line-too-long", first), ("markdown-too-deep", first + 2),
                                                 ("line-too-long", first + 4), ("markdown-too-deep", first + 6)]
    assert _run(markup.images, activity) == []
    assert _run(markup.unsafe_html, activity) == []


def test_unclosed_fence_that_swallows_code_cells_is_found_at_its_line(tmp_path: Path) -> None:
    activity, first = _activity(tmp_path, "Example:\n\n```python\nprint('never closed')\n")
    findings = list(markup.text_shape(activity, Context()))
    assert [(f.rule, f.line) for f in findings] == [("unclosed-fence", first + 2)]
    assert "4 code cell(s)" in findings[0].message


def test_syntax_error_is_located_at_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "physics" / "tiny-speed"
    shutil.copytree(LIBRARY / "physics" / "tiny-speed", folder)
    en = folder / "en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("given = 5.0\n", "given = 5.0\n%time x = 1\nif given\n"), encoding="utf-8")
    activity, _ = sources.load_activity(folder)
    findings = list(syntax.code_parses(activity, Context()))
    line = en.read_text(encoding="utf-8").splitlines().index("if given") + 1
    assert [(f.rule, f.line) for f in findings] == [("code-syntax", line)]
    assert "expected ':'" in findings[0].message


def test_mdscan_marks_code_cells_fences_and_front_matter_as_not_prose() -> None:
    text = "---\na: <script>\n---\n# T\n\n```{code-cell} ipython3\nx = '<script>'\n```\n\n```\n<script>\n```\n<b>b</b>\n"
    lines, unclosed = mdscan.scan(text)
    assert [line.number for line in lines if line.prose] == [4, 5, 9, 13, 14]
    assert unclosed == []


def test_converter_escapes_what_the_check_refuses_and_sanitises_outputs() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# T\n\nHi <script>alert(1)</script> and `<script>` in code\n\n[x](javascript:alert(1))"),
        nbformat.v4.new_code_cell("x", outputs=[
            nbformat.v4.new_output("display_data", data={"text/html": '<table onclick="x()"><tr><td>1</td></tr></table>'
                                                                       '<script>steal()</script><style>p{}</style>'}),
            nbformat.v4.new_output("display_data", data={"text/markdown": "<iframe src=x></iframe>"}),
        ]),
    ]
    page = markdown.convert(nb, "en").markdown
    assert "<script" not in page.replace("`<script>`", "") and "<iframe" not in page
    assert "javascript:" not in page and "onclick" not in page and "steal()" not in page and "p{}" not in page
    assert "&lt;script>alert(1)" in page and "<table><tr><td>1</td></tr></table>" in page
    assert "`<script>` in code" in page


def test_sanitize_html_keeps_tables_and_drops_everything_live() -> None:
    out = htmlsafety.sanitize_html('<div class="x" style="color:red"><a href="javascript:x">a</a><a href="https://e.org">b</a>'
                                   '<img src=x onerror=alert(1) alt="i"><svg onload=x><script>1</script></svg>&lt;ok&gt;</div>')
    assert out == '<div class="x"><a>a</a><a href="https://e.org">b</a><img src="x" alt="i">&lt;ok&gt;</div>'


def test_huge_outputs_are_capped_with_a_note() -> None:
    nb = nbformat.v4.new_notebook()
    big = nbformat.v4.new_code_cell("print", outputs=[nbformat.v4.new_output("stream", name="stdout", text="x" * 300_000),
                                                       nbformat.v4.new_output("stream", name="stdout", text="more")])
    big.id = "big"
    image = nbformat.v4.new_code_cell("img", outputs=[nbformat.v4.new_output("display_data", data={"image/png": "A" * 6_000_000})])
    image.id = "img"
    small = nbformat.v4.new_code_cell("ok", outputs=[nbformat.v4.new_output("stream", name="stdout", text="fine")])
    small.id = "small"
    nb.cells = [big, image, small]
    capped, cut = cap_outputs(nb)
    assert cut == ["big", "img"]
    assert len(nb.cells[0].outputs[0].text) == 300_000, "the input is not changed"
    text_out = capped.cells[0].outputs
    assert len(text_out[0].text) == 200_000 and "output truncated" in text_out[-1].text
    assert [o.get("name") for o in capped.cells[1].outputs] == ["stderr"]
    assert capped.cells[2].outputs == small.outputs
    nbformat.validate(capped)


def test_consecutive_stream_outputs_of_one_name_become_one() -> None:
    """How a kernel splits one cell's printing into messages depends on timing: stored, it is one output."""
    stream = nbformat.v4.new_output
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print(1); print(2)", outputs=[
        stream("stream", name="stdout", text="30 km/h\n"), stream("stream", name="stdout", text=["50 ", "km/h\n"]),
        stream("stream", name="stderr", text="warning\n"), stream("stream", name="stdout", text="after\n"),
        stream("display_data", data={"text/plain": "x"}), stream("stream", name="stdout", text="end\n")])
    alone = nbformat.v4.new_code_cell("print(3)", outputs=[stream("stream", name="stdout", text="3\n")])
    nb.cells = [cell, alone]
    merged, changed = merge_streams(nb)
    assert changed
    assert [(o.output_type, o.get("name"), o.get("text")) for o in merged.cells[0].outputs] == [
        ("stream", "stdout", "30 km/h\n50 km/h\n"), ("stream", "stderr", "warning\n"), ("stream", "stdout", "after\n"),
        ("display_data", None, None), ("stream", "stdout", "end\n")]
    assert merge_streams(merged)[1] is False and merged.cells[1].outputs[0].text == "3\n"
    nbformat.validate(merged)


def test_any_summary_gives_valid_front_matter(tmp_path: Path) -> None:
    summary = 'He said "stop"\nnow: a back\\slash \\" and\n---\nmore'
    yaml_text = json.dumps(summary, ensure_ascii=False)
    activity, _ = _activity(tmp_path, yaml_edit=("en: Work out a toy car's speed from distance and time.", f"en: {yaml_text}"))
    page = pages._page(activity, "en", "# Title\n\nBody", [], [])
    front = page.split("---\n")[1]
    assert yaml.safe_load(front) == {"description": " ".join(activity.metadata.summary["en"].split())}
    assert "\n---\nmore" not in page


def test_code_that_reaches_out_is_flagged_for_review_at_its_line(tmp_path: Path) -> None:
    from sciedu.checks import code_safety

    folder = tmp_path / "physics" / "tiny-speed"
    shutil.copytree(LIBRARY / "physics" / "tiny-speed", folder)
    en = folder / "en.md"
    code = ("import urllib.request\nopen('../../evil.txt', 'w')\nopen('notes.txt', 'w')\nimport os\nos.system('ls')\n"
            "values = [1, 2]\nvalues.remove(1)\n# import socket (only a comment)\ntext = 'import requests'\n")
    en.write_text(en.read_text(encoding="utf-8").replace("given = 5.0\n", "given = 5.0\n" + code), encoding="utf-8")
    activity, _ = sources.load_activity(folder)
    findings = list(code_safety.code_reaches_out(activity, Context()))
    lines = en.read_text(encoding="utf-8").splitlines()
    expected = [lines.index(needle) + 1 for needle in ("import urllib.request", "open('../../evil.txt', 'w')", "os.system('ls')")]
    assert [(f.rule, f.severity.value, f.line) for f in findings] == [("code-reaches-out", "warning", n) for n in expected]
    assert "network" in findings[0].message and "'../../evil.txt'" in findings[1].message and "os.system()" in findings[2].message
