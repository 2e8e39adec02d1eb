"""First-view weight of every page type, both languages, as a browser loads it (gzip-served).

Serves the built site on localhost, opens each page type in Debian's Chromium (Playwright), waits until the
network is idle, and adds up what the page fetched, each response gzipped as a server would send it. What a
page loads only on use (the search index, a widget's states, the unit table) is not part of the first view
and is reported apart when the benchmark triggers it: the search index by opening the search once.

    .venv/bin/python benchmarks/page_weight.py [--site build/site]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from site_fixtures import CHROMIUM, LANG_PREFIXES, PAGE_TYPES, first_view, serve  # noqa: E402

#: the goal of issue 11 for an activity page's first view
BUDGET = 150_000


def open_search(page) -> None:
    """Open the search once and wait for its index (both, on a teacher page); print pages have none."""
    if page.locator("#sciedu-search").count():
        page.keyboard.press("/")
        page.wait_for_function("() => window.__scieduSearch && window.__scieduSearch.length === "
                               "(document.getElementById('sciedu-search').dataset.teacherIndex ? 2 : 1)", timeout=60000)


def measure(browser, url: str) -> dict:
    files, lazy = first_view(browser, url, after=open_search)
    return {"requests": len(files), "gzip": sum(files.values()), "files": files, "search_gzip": sum(lazy.values())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "build" / "site")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    url, server = serve(args.site)
    rows = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        for lang, prefix in LANG_PREFIXES.items():
            for kind, path in PAGE_TYPES.items():
                rows[f"{lang}-{kind}"] = measure(browser, f"{url}/{prefix}{path}")
        browser.close()
    server.shutdown()
    print(f"{'page type':28} {'requests':>8} {'first view (gzip)':>18} {'search index on first use':>26}")
    for name, row in rows.items():
        mark = "  over 150 KB" if name.endswith("-activity") and row["gzip"] > BUDGET else ""
        print(f"{name:28} {row['requests']:>8} {row['gzip'] / 1000:>15.1f} KB {row['search_gzip'] / 1000:>23.1f} KB{mark}")
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "page_weight.json").write_text(json.dumps(rows, indent=2, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
