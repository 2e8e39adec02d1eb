"""Live widgets benchmark: what the browser-side kit widgets add to each activity page, and how often the page's
verdict is the Python checker's.

Run from the repository root, after `sciedu build`:

    .venv/bin/python benchmarks/live_bench.py [--site build/site] [--no-browser]

Per activity page (zh and en):

- live widgets by kind, and live controls (text boxes, seed boxes, radio buttons, buttons, text areas that work);
- frozen (static-labelled) widget views;
- added bytes, gzip: the page's HTML gzipped minus the same HTML with its live blocks removed (the inline specs
  and controls), plus the shared files a page with live widgets loads (sciedu-live.js, sciedu-live.css and the
  unit table sciedu-units.js, loaded on demand; cached by the browser after the first page);
- with Chromium (skip with --no-browser): every answer box fed the same ~100 inputs as the kit's Python
  ``check_quantity`` (tests/live_inputs.py): identical verdicts, "check this in the notebook" deferrals, and
  different verdicts (a bug: tests/browser/test_live.py requires none).

Figures are printed as a table and written to benchmarks/out/live.json. KB = 1000 bytes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

LIVE_BLOCK = re.compile(r'<div class="sciedu-live sciedu-live-[\w-]+" id="[^"]*" data-sciedu-live="[\w-]*">.*?'
                        r'<div class="sciedu-live-feedback"[^>]*>\s*</div>.*?</div>', re.S)
NOTEBOOK_ONLY = re.compile(r'<div class="sciedu-live sciedu-live-notebook-only".*?</div>', re.S)
SHARED = ("sciedu-live.js", "sciedu-live.css", "sciedu-units.js")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_figures(html: str) -> dict[str, int]:
    kinds = re.findall(r'data-sciedu-live="([\w-]*)"', html)
    stripped = NOTEBOOK_ONLY.sub("", LIVE_BLOCK.sub("", html))
    blocks = re.findall(r'<div class="sciedu-live .*?(?=<div class="sciedu-live |</article>)', html, re.S)
    controls = sum(len(re.findall(r'<(?:input|button|textarea)\b', block)) for block in blocks)
    return {
        "answer_boxes": kinds.count("quantity"), "choices": kinds.count("choice"),
        "predictions": kinds.count("prediction"), "notebook_only": kinds.count("notebook-only"),
        "seeded": html.count("sciedu-live-seed"), "live_controls": controls,
        "static_views": html.count('class="sciedu-widget-note"'),
        "page_gzip": gz(html.encode()), "inline_added_gzip": gz(html.encode()) - gz(stripped.encode()),
    }


def agreement(site: Path, pages: list[Path]) -> dict[str, dict[str, int]]:
    from playwright.sync_api import sync_playwright

    from live_inputs import agreement as box_agreement

    results: dict[str, dict[str, int]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
        for page_path in pages:
            page = browser.new_page()
            page.goto(page_path.as_uri())
            page.wait_for_function("document.documentElement.getAttribute('data-sciedu-units') === '1'")
            counts = {"inputs": 0, "identical": 0, "check_in_notebook": 0, "different": 0}
            for box in page.locator('.sciedu-live[data-sciedu-live="quantity"]').all():
                spec = json.loads(box.locator("script.sciedu-live-spec").text_content())
                expected = None
                if "variant" in spec:
                    box.locator('input[type="number"]').fill("7")
                    expected = spec["variant"]["rows"][6][2]
                result = box_agreement(box, spec, expected)
                counts["inputs"] += result["inputs"]
                counts["identical"] += result["same"]
                counts["check_in_notebook"] += len(result["deferred"])
                counts["different"] += len(result["different"])
            results[str(page_path.relative_to(site))] = counts
            page.close()
        browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "build" / "site")
    parser.add_argument("--no-browser", action="store_true", help="skip the Python ↔ browser agreement run")
    args = parser.parse_args()
    site = args.site
    pages = sorted(p for p in site.glob("**/activities/*/*/index.html") if "sciedu-live" in p.read_text("utf-8"))
    if not pages:
        print(f"no activity pages with live widgets under {site}: run `sciedu build` first", file=sys.stderr)
        return 2
    shared = {name: gz((site / "assets" / name).read_bytes()) for name in SHARED}
    rows = {str(p.relative_to(site)): page_figures(p.read_text("utf-8")) for p in pages}
    agree = {} if args.no_browser else agreement(site, pages)
    header = f"{'page':58} {'live':>4} {'ctrl':>4} {'static':>6} {'inline+':>8} {'page':>7}  agreement"
    print(header)
    print("-" * len(header))
    for name, row in rows.items():
        a = agree.get(name)
        shown = f"{a['identical']}/{a['inputs']} same, {a['check_in_notebook']} notebook, {a['different']} different" if a else "-"
        live = row["answer_boxes"] + row["choices"] + row["predictions"]
        print(f"{name:58} {live:>4} {row['live_controls']:>4} {row['static_views']:>6} "
              f"{row['inline_added_gzip'] / 1000:>6.1f}KB {row['page_gzip'] / 1000:>5.1f}KB  {shown}")
    print(f"\nshared, gzip: " + ", ".join(f"{k} {v / 1000:.1f} KB" for k, v in shared.items())
          + f"; total {sum(shared.values()) / 1000:.1f} KB once per site visit (units only on pages with answer boxes)")
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "live.json").write_text(json.dumps({"pages": rows, "shared_gzip": shared, "agreement": agree},
                                              indent=2, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
