"""The built site in a real headless Chromium (Debian's), driven by Playwright.

Opens an activity page, checks its figure and maths render, switches language, searches a Chinese word (tests/browser/test_search.py has the rest),
and records every request: none may leave the site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from site_fixtures import CHROMIUM, chromium, served_site, site_root  # noqa: F401  (fixtures)

ACTIVITY = "physics/stopping-distance"
SHOTS = REPO / "build" / "screenshots"

pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


@pytest.fixture
def page(chromium, served_site: str):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))  # type: ignore[attr-defined]
    yield page
    outside = [u for u in page.requests if not u.startswith(served_site) and not u.startswith(("data:", "blob:"))]  # type: ignore[attr-defined]
    context.close()
    assert outside == [], f"requests left the site: {outside}"


def _keyword() -> str:
    meta = yaml.safe_load((REPO / "activities" / ACTIVITY / "activity.yaml").read_text(encoding="utf-8"))
    return meta["keywords"]["zh"][0]


def test_activity_page_shows_its_figure_and_maths(page, served_site: str) -> None:
    page.goto(f"{served_site}/activities/{ACTIVITY}/index.html")
    figure = page.locator("article img").first
    figure.wait_for(state="visible")
    assert figure.evaluate("img => img.complete && img.naturalWidth > 100")
    assert page.locator(".sciedu-widget img").count() >= 1, "the saved widget should show the figure it drew"
    if page.locator(".arithmatex").count():
        # KaTeX is not part of the first view: it loads when the first formula comes near the screen
        assert page.evaluate("() => typeof katex === 'undefined'")
        page.locator(".arithmatex").first.scroll_into_view_if_needed()
        page.locator(".katex").first.wait_for(state="attached")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "activity-zh.png"), full_page=True)


def test_language_switch_keeps_the_page(page, served_site: str) -> None:
    page.goto(f"{served_site}/activities/{ACTIVITY}/index.html")
    zh_title = page.locator("article h1").first.inner_text()
    # Material's switch looks the page up in the other language's sitemap.xml, fetched after load; a click
    # before that arrives goes to the language's home (seen once on a loaded machine): wait for it.
    page.wait_for_load_state("networkidle")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"**/en/activities/{ACTIVITY}/index.html")
    assert page.locator("html").get_attribute("lang") == "en"
    en_title = page.locator("article h1").first.inner_text()
    assert en_title != zh_title
    assert not re.search(r"[\u4e00-\u9fff]", en_title) and re.search(r"[\u4e00-\u9fff]", zh_title)
    page.screenshot(path=str(SHOTS / "activity-en.png"), full_page=False)
    page.wait_for_load_state("networkidle")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(f"{served_site}/activities/{ACTIVITY}/index.html")
    assert page.locator("article h1").first.inner_text() == zh_title


def test_search_finds_the_activity_by_a_chinese_word(page, served_site: str) -> None:
    page.goto(f"{served_site}/index.html")
    page.locator("button.sciedu-search-open").first.click()
    page.locator("#sciedu-search-input").fill(_keyword())
    result = page.locator(f".sciedu-search__results a[href*='{ACTIVITY}']").first
    result.wait_for(state="visible", timeout=30000)
    page.screenshot(path=str(SHOTS / "search-zh.png"))


def test_catalogue_filters_by_grade_band(page, served_site: str) -> None:
    page.goto(f"{served_site}/activities/index.html")
    rows = page.locator("table.sciedu-catalog tbody tr")
    total = rows.count()
    assert total >= 3
    page.select_option("select[name='band']", "10-12")
    visible = [r for r in rows.all() if r.is_visible()]
    assert 1 <= len(visible) < total
    assert all(r.get_attribute("data-band") == "10-12" for r in visible)



@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_printed_guide_fits_a4_without_clipping(chromium, served_site: str, lang_prefix: str) -> None:
    """Print the guide with Chromium: every page is A4, nothing sticks out, every section is in the text."""
    from pypdf import PdfReader

    context = chromium.new_context()
    page = context.new_page()
    page.goto(f"{served_site}/{lang_prefix}teacher/{ACTIVITY}/guide-print.html")
    page.emulate_media(media="print")
    page.locator(".katex").first.wait_for(state="attached")
    # nothing wider than the printable area (A4 minus 2 × 15 mm margins = 180 mm ≈ 680 CSS px)
    overflow = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => !e.closest('.katex'))  // KaTeX clips its own stretchy SVG glyphs
        .filter(e => e.getBoundingClientRect().right > document.body.getBoundingClientRect().right + 1)
        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    assert overflow == []
    headings = page.evaluate("() => [...document.querySelectorAll('h2')].map(h => h.textContent.trim())")
    SHOTS.mkdir(parents=True, exist_ok=True)
    pdf_path = SHOTS / f"guide-{lang_prefix.strip('/') or 'zh'}.pdf"
    page.pdf(path=str(pdf_path), prefer_css_page_size=True, print_background=True)
    context.close()
    reader = PdfReader(str(pdf_path))
    assert len(reader.pages) >= len(headings) >= 12  # a page break before each section
    for pdf_page in reader.pages:
        width, height = float(pdf_page.mediabox.width), float(pdf_page.mediabox.height)
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, (width, height)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))
    for heading in headings:
        assert re.sub(r"\s+", "", heading) in text, heading


def test_catalogue_filters_by_audience(page, served_site: str) -> None:
    page.goto(f"{served_site}/activities/index.html")
    rows = page.locator("table.sciedu-catalog tbody tr")
    page.select_option("select[name='audience']", "older-adults")
    visible = [r for r in rows.all() if r.is_visible()]
    assert 1 <= len(visible) < rows.count()
    assert all("older-adults" in r.get_attribute("data-audience").split() for r in visible)


_INK = """async (family) => {
  await document.fonts.load(`48px ${family}`, "℃");
  const canvas = document.createElement("canvas");
  canvas.width = 80; canvas.height = 80;
  const ctx = canvas.getContext("2d");
  ctx.font = `48px ${family}`;
  ctx.fillText("℃", 8, 60);
  const data = ctx.getImageData(0, 0, 80, 80).data;
  let ink = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
  return ink;
}"""


def test_the_degree_celsius_sign_is_drawn_on_chinese_pages(page, served_site: str) -> None:
    """℃ in the page's own font stack leaves ink (Debian's WenQuanYi Micro Hei alone draws it blank)."""
    page.goto(f"{served_site}/activities/{ACTIVITY}/index.html")
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"sciedu-symbols"') or family.startswith("sciedu-symbols")
    assert page.evaluate(_INK, family) > 20
