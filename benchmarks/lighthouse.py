"""Lighthouse and axe-core on the built site, served gzip-compressed: the figures of issue 11's goals.

    .venv/bin/python benchmarks/lighthouse.py [--runs 3] [--tool PATH]

It runs the shared web-audit tool (``audit.sh``: Lighthouse and axe-core from the npm registry, Debian's
Chromium, ``AUDIT_GZIP=1``) on the home, activity and teacher-guide pages in both languages, ``--runs`` times,
and prints each page's performance and accessibility scores (lowest and highest over the runs), its total
blocking time and its transfer size. The tool is looked up in ``--tool``, ``$WEB_AUDIT``, then
``../shared/tools/web-audit`` beside the repository; without it (or without Node) the benchmark says so and
stops, since the test suite already enforces axe-core's findings itself.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("index.html", "activities/physics/stopping-distance/index.html", "teacher/physics/stopping-distance/guide.html")
LINE = re.compile(r"LH perf=(\d+)\s+a11y=(\d+).*?kb=(\d+).*?TBT=([\d.]+)ms")


def find_tool(given: str | None) -> Path | None:
    for candidate in (given, os.environ.get("WEB_AUDIT"), ROOT.parent / "shared" / "tools" / "web-audit"):
        if candidate and (Path(candidate) / "audit.sh").is_file():
            return Path(candidate)
    return None


def audit(tool: Path, site: Path, pages: list[str]) -> dict[str, tuple[int, int, int, float]]:
    """One audit.sh run: page → (performance, accessibility, KB, total blocking time in ms)."""
    env = {**os.environ, "AUDIT_GZIP": "1"}
    out = subprocess.run(["bash", str(tool / "audit.sh"), str(site), *pages], capture_output=True, text=True, env=env,
                         check=False).stdout
    found, page = {}, None
    for line in out.splitlines():
        if line.startswith("== "):
            page = line[3:].split()[0]
        elif page and (match := LINE.search(line)):
            perf, a11y, kb, tbt = match.groups()
            found[page] = (int(perf), int(a11y), int(kb), float(tbt))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tool", default=None, help="the web-audit folder (holding audit.sh)")
    args = parser.parse_args()
    tool = find_tool(args.tool)
    site = ROOT / "build" / "site"
    if tool is None or shutil.which("node") is None or not (site / "index.html").is_file():
        print("lighthouse: skipped (needs the web-audit tool, Node 20 and a built site: `sciedu build`)")
        return 0
    pages = [prefix + page for prefix in ("", "en/") for page in PAGES]
    runs = [audit(tool, site, pages) for _ in range(args.runs)]
    print(f"{'page':58} {'performance':>12} {'accessibility':>14} {'TBT ms':>10} {'KB':>5}")
    for page in pages:
        got = [run[page] for run in runs if page in run]
        if not got:
            print(f"{page:58} {'not measured':>12}")
            continue
        perf, a11y, kb, tbt = zip(*got)
        print(f"{page:58} {min(perf):>5}–{max(perf):<6} {min(a11y):>7}–{max(a11y):<6} {min(tbt):>4.0f}–{max(tbt):<5.0f} {max(kb):>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
