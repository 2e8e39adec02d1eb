"""The site's own search in Chromium: loaded on first use, exact Chinese words, teacher pages kept apart,
keyboard and phone use, and the same from a USB stick (file://) as from a server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO
from sciedu.site.search import read_index
from site_fixtures import CHROMIUM, axe_source, chromium, served_site, site_root  # noqa: F401  (fixtures)

SHOTS = REPO / "build" / "screenshots"
ACTIVITY_PAGE = "activities/physics/stopping-distance/index.html"

pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


def _index(site: Path, name: str = "index.js") -> list[dict]:
    return read_index(site / "search" / name)


def _pages_containing(pages: list[dict], word: str) -> set[str]:
    return {p["u"] for p in pages if word in p["t"] or any(word in s[1] or word in s[2] for s in p["s"])}


def _open(chromium, url: str, width: int = 1280):
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url)
    return context, page


def _search(page, query: str) -> list[str]:
    """Open the search with the keyboard, type ``query``; the result links' targets (without anchors)."""
    page.keyboard.press("/")
    box = page.locator("#sciedu-search-input")
    box.wait_for(state="visible")
    box.fill(query)
    page.wait_for_function("() => /\\d|没有|No page/.test(document.querySelector('.sciedu-search__status').textContent)")
    base = page.evaluate("() => new URL(document.getElementById('sciedu-search').dataset.base + '/', location.href).href")
    hrefs = page.eval_on_selector_all(".sciedu-search__results a", "links => links.map(a => a.href)")
    return [href.split("#")[0][len(base):] for href in hrefs]


def test_the_index_loads_only_when_the_reader_searches(chromium, served_site: str) -> None:
    context, page = _open(chromium, f"{served_site}/{ACTIVITY_PAGE}")
    page.wait_for_load_state("networkidle")
    assert not [u for u in page.requests if "/search/" in u], "the index is not part of the page's first view"
    _search(page, "速度")
    assert [u for u in page.requests if u.endswith("/search/index.js")]
    assert not [u for u in page.requests if u.endswith("/search/teacher.js")], "students never download the teacher index"
    assert page.errors == []
    context.close()


@pytest.mark.parametrize(("word", "near_misses"), [("加速度", ("加倍", "加强")), ("反应时间", ("反应",))])
def test_a_chinese_word_finds_exactly_the_pages_that_contain_it(chromium, served_site: str, site_root: Path,
                                                                word: str, near_misses: tuple[str, ...]) -> None:
    pages = _index(site_root)
    expected = _pages_containing(pages, word)
    assert expected, f"the bundled site should contain {word}"
    others = set().union(*(_pages_containing(pages, m) for m in near_misses)) - expected
    context, page = _open(chromium, f"{served_site}/index.html")
    found = _search(page, word)
    # every page with the word, in a list of at most 30; none with only a near miss
    assert set(found) == set(sorted(expected)[:30]) if len(expected) > 30 else set(found) == expected
    assert not set(found) & others
    assert page.locator(".sciedu-search__results mark").first.inner_text() == word
    context.close()


def test_title_matches_rank_first(chromium, served_site: str, site_root: Path) -> None:
    pages = _index(site_root)
    titled = {p["u"] for p in pages if "月相" in p["t"]}
    assert titled
    context, page = _open(chromium, f"{served_site}/index.html")
    found = _search(page, "月相")
    assert set(found[: len(titled)]) == titled
    context.close()


def test_teacher_pages_are_found_only_from_the_teacher_area_and_are_marked(chromium, served_site: str) -> None:
    context, page = _open(chromium, f"{served_site}/{ACTIVITY_PAGE}")
    found = _search(page, "制动距离")
    assert found and not [u for u in found if u.startswith("teacher/")]
    assert page.locator(".sciedu-search__note").inner_text()  # says where the teacher pages are
    context.close()
    context, page = _open(chromium, f"{served_site}/teacher/physics/stopping-distance/guide.html")
    found = _search(page, "制动距离")
    teacher = [u for u in found if u.startswith("teacher/")]
    assert "teacher/physics/stopping-distance/guide.html" in teacher
    # a teacher notebook page repeats the student page with the answers: it is in no index at all
    assert not [u for u in found if re.match(r"teacher/.*/index\.html$", u)]
    badges = page.locator(".sciedu-search__results a:has(.sciedu-search__badge)")
    assert badges.count() == len(teacher)
    context.close()


def test_keyboard_only_search_reaches_the_page(chromium, served_site: str) -> None:
    context, page = _open(chromium, f"{served_site}/en/index.html")
    found = _search(page, "stopping distance")
    assert "activities/physics/stopping-distance/index.html" in found[:3]
    page.keyboard.press("ArrowDown")
    first = page.evaluate("() => document.activeElement.href")
    assert first and "/en/" in first
    page.keyboard.press("Enter")
    page.wait_for_url(first)
    assert page.url.split("#")[0] == first.split("#")[0]
    context.close()


def test_escape_closes_and_the_button_opens(chromium, served_site: str) -> None:
    context, page = _open(chromium, f"{served_site}/index.html")
    page.locator("button.sciedu-search-open").click()
    dialog = page.locator("#sciedu-search")
    assert dialog.is_visible()
    assert page.evaluate("() => document.activeElement.id") == "sciedu-search-input"
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_on_a_phone_fits_and_passes_axe(chromium, served_site: str, axe_source: str, prefix: str) -> None:
    context, page = _open(chromium, f"{served_site}/{prefix}{ACTIVITY_PAGE}", width=390)
    found = _search(page, "速度" if not prefix else "speed")
    assert found
    width = page.evaluate("() => document.getElementById('sciedu-search').getBoundingClientRect().right")
    assert width <= 390
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"search-phone-{prefix.strip('/') or 'zh'}.png"))
    page.add_script_tag(content=axe_source)
    result = page.evaluate("() => axe.run(document.getElementById('sciedu-search'), {resultTypes: ['violations']})")
    serious = [f"{v['id']}: {v['help']}" for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    context.close()


def test_search_works_from_a_usb_stick(chromium, site_root: Path) -> None:
    """Opened as files (file://): the index loads by a script element, which browsers allow there."""
    context, page = _open(chromium, (site_root / ACTIVITY_PAGE).resolve().as_uri())
    found = _search(page, "加速度")
    assert ACTIVITY_PAGE in found
    assert page.errors == []
    assert not [u for u in page.requests if not u.startswith(("file://", "data:", "blob:"))]
    context.close()
