"""What a page costs on first view: ≤ 150 KB gzip for an activity page, the search index, the unit table and
KaTeX only when used, and one copy of the shared assets for both languages (benchmarks/page_weight.py prints
the figures for every page type)."""

from __future__ import annotations

import pytest

from site_fixtures import CHROMIUM, LANG_PREFIXES, chromium, first_view, served_site, site_root  # noqa: F401  (fixtures)

ACTIVITY_PAGE = "activities/physics/stopping-distance/index.html"
BUDGET = 150_000

pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


@pytest.mark.parametrize("prefix", list(LANG_PREFIXES.values()))
def test_an_activity_page_first_view_is_at_most_150_kb_gzip(chromium, served_site: str, prefix: str) -> None:
    sizes = first_view(chromium, f"{served_site}/{prefix}{ACTIVITY_PAGE}")[0]
    lazy = [u for u in sizes if "/search/" in u or "sciedu-units.js" in u or "/katex/" in u]
    assert lazy == [], "loaded on use, not with the page"
    total = sum(sizes.values())
    heaviest = sorted(sizes.items(), key=lambda item: -item[1])[:5]
    assert total <= BUDGET, f"{total} bytes gzip; heaviest: {heaviest}"


def test_both_languages_share_one_copy_of_the_assets(chromium, served_site: str, site_root) -> None:
    zh = {u for u in first_view(chromium, f"{served_site}/{ACTIVITY_PAGE}")[0] if "/assets/" in u}
    en = {u for u in first_view(chromium, f"{served_site}/en/{ACTIVITY_PAGE}")[0] if "/assets/" in u}
    assert zh and zh == en  # the same addresses: the browser's cache serves the second language
    assert not (site_root / "en" / "assets").exists()
