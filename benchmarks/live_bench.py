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
- explorable interact widgets (every state precomputed by the build): how many, their live controls, the states
  stored, and the lazily loaded states files' size (gzip; fetched on first touch, not part of the first view);
- with Chromium (skip with --no-browser): the time from a control change to the new output on the page (median
  and worst over every control of every explorable, states already loaded; goal ≤ 50 ms); and every answer box fed the same ~100 inputs as the kit's Python
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
SHARED = ("sciedu-live.js", "sciedu-explore.js", "sciedu-live.css", "sciedu-units.js")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def explore_figures(html: str, page_dir: Path) -> dict[str, int]:
    """Explorables on the page: count, controls, states stored and the states files' gzip bytes."""
    files = re.findall(r'class="sciedu-widget sciedu-explore"[^>]*data-states="([^"]+)"', html)
    states = 0
    lazy = 0
    for name in files:
        data = (page_dir / name).read_bytes()
        lazy += gz(data)
        text = data.decode()
        states += len(json.loads(text[text.index("]=") + 2:].rstrip().removesuffix(";"))["states"])
    controls = len(re.findall(r'data-control="\d+"', html))
    return {"explorables": len(files), "explore_controls": controls, "states": states, "states_gzip": lazy}


def latency(site: Path, pages: list[Path]) -> dict[str, dict[str, float]]:
    """Per page: ms from a control's change event to the page showing that state (states loaded first)."""
    found: dict[str, dict[str, float]] = {}
    for page_path, page in each_page(pages):
        times = sorted(page.evaluate(LATENCY_JS))
        if times:
            found[str(page_path.relative_to(site))] = {"median_ms": times[len(times) // 2], "worst_ms": times[-1],
                                                       "changes": len(times)}
    return found


def each_page(pages: list[Path]):
    """Each activity page opened from disk in one Debian Chromium: (path, Playwright page); closed after use."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
        for page_path in pages:
            page = browser.new_page()
            page.goto(page_path.as_uri())
            yield page_path, page
            page.close()
        browser.close()


#: In the page: load each explorable's states, then for each control step it through up to 10 values,
#: timing change event → output replaced (synchronous in sciedu-explore.js once the states are loaded).
LATENCY_JS = """async () => {
  const times = [];
  for (const w of document.querySelectorAll('.sciedu-explore')) {
    const id = w.getAttribute('data-states-id');
    if (!(window.SCIEDU_STATES || {})[id]) {
      await new Promise((ok, bad) => { const s = document.createElement('script'); s.src = new URL(w.getAttribute('data-states'), location.href).href; s.onload = ok; s.onerror = bad; document.head.appendChild(s); });
    }
    for (const c of w.querySelectorAll('[data-control]')) {
      const n = c.type === 'checkbox' ? 2 : (c.tagName === 'SELECT' ? c.options.length : parseInt(c.max, 10) + 1);
      for (let k = 0; k < Math.min(n, 10); k++) {
        if (c.type === 'checkbox') c.checked = !c.checked; else c.value = String(k);
        const t0 = performance.now();
        c.dispatchEvent(new Event('input', {bubbles: true}));
        await new Promise(r => requestAnimationFrame(() => r()));
        times.push(performance.now() - t0);
      }
    }
  }
  return times;
}"""


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
    from live_inputs import agreement as box_agreement

    results: dict[str, dict[str, int]] = {}
    for page_path, page in each_page(pages):
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
    rows = {str(p.relative_to(site)): page_figures(p.read_text("utf-8")) | explore_figures(p.read_text("utf-8"), p.parent)
            for p in pages}
    agree = {} if args.no_browser else agreement(site, pages)
    speed = {} if args.no_browser else latency(site, pages)
    header = f"{'page':58} {'live':>4} {'ctrl':>4} {'static':>6} {'inline+':>8} {'page':>7}  agreement"
    print(header)
    print("-" * len(header))
    for name, row in rows.items():
        a = agree.get(name)
        shown = f"{a['identical']}/{a['inputs']} same, {a['check_in_notebook']} notebook, {a['different']} different" if a else "-"
        live = row["answer_boxes"] + row["choices"] + row["predictions"]
        print(f"{name:58} {live:>4} {row['live_controls']:>4} {row['static_views']:>6} "
              f"{row['inline_added_gzip'] / 1000:>6.1f}KB {row['page_gzip'] / 1000:>5.1f}KB  {shown}")
    print(f"\n{'page':58} {'explorables':>11} {'controls':>8} {'states':>6} {'states file (lazy)':>18} {'change→output':>16}")
    for name, row in rows.items():
        t = speed.get(name)
        shown = f"{t['median_ms']:.1f} / {t['worst_ms']:.1f} ms" if t else "-"
        print(f"{name:58} {row['explorables']:>11} {row['explore_controls']:>8} {row['states']:>6} "
              f"{row['states_gzip'] / 1000:>16.1f}KB {shown:>16}")
    print("(change→output: median / worst over every control's values, states loaded; goal ≤ 50 ms)")
    print(f"\nshared, gzip: " + ", ".join(f"{k} {v / 1000:.1f} KB" for k, v in shared.items())
          + f"; total {sum(shared.values()) / 1000:.1f} KB once per site visit (units only on pages with answer boxes)")
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "live.json").write_text(json.dumps({"pages": rows, "shared_gzip": shared, "agreement": agree, "latency": speed},
                                              indent=2, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
