"""The printable worksheet (学习单) as Chromium prints it: A4 pages, one per student, nothing wider than the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from site_fixtures import CHROMIUM, chromium  # noqa: F401  (fixtures)

A4_POINTS = (595.28, 841.89)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


@pytest.mark.parametrize(("activity", "lang"), [("noon-shadows", "zh"), ("radiocarbon-dating", "en"), ("stopping-distance", "zh")])
def test_a_class_set_prints_one_a4_page_per_student(tmp_path: Path, activity: str, lang: str) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "class.pdf"
    proc = run_cli("worksheet", activity, "--lang", lang, "--class", "3", "--format", "pdf", "-o", str(pdf), cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    reader = PdfReader(pdf)
    assert len(reader.pages) == 3
    for number, page in enumerate(reader.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4_POINTS[0]) < 1 and abs(height - A4_POINTS[1]) < 1
        text = page.extract_text()
        assert re.search(rf"(学号：|Student no\.: ){number}\b", text), text[:200]  # each page is its own student's


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_line_is_wider_than_the_printed_page(chromium, tmp_path: Path, lang: str) -> None:
    html = tmp_path / "sheet.html"
    proc = run_cli("worksheet", "radiocarbon-dating", "--lang", lang, "--class", "2", "-o", str(html), cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    context = chromium.new_context(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
    page = context.new_page()
    page.goto(html.as_uri())
    page.emulate_media(media="print")
    page.wait_for_function("document.querySelectorAll('.katex').length > 0")  # the maths rendered
    wide = page.evaluate("""() => [...document.querySelectorAll('.sheet *')]
        .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map(el => el.tagName + ': ' + el.textContent.slice(0, 40))""")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert wide == [] and overflow <= 0


def test_the_site_links_each_activity_to_its_worksheet() -> None:
    site = REPO / "build" / "site"
    if not (site / "index.html").is_file():
        pytest.skip("the site is not built")
    for prefix in ("", "en/"):
        page = site / prefix / "activities" / "earth-space" / "noon-shadows"
        assert 'href="worksheet.html"' in (page / "index.html").read_text(encoding="utf-8")
        sheet = (page / "worksheet.html").read_text(encoding="utf-8")
        # the bundled KaTeX, wherever the language's pages find the shared assets (en/ uses the root's copy)
        katex = re.search(r'<script src="([^"]*assets/katex/katex\.min\.js)"', sheet)
        assert katex and (page / katex.group(1)).resolve().is_file()
