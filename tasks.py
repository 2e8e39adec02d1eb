#!/usr/bin/env python3
"""Set-up and everyday tasks, with nothing but Python 3.11+ needed beforehand.

    python3 tasks.py build   create .venv, install sciedu, build the site from the bundled activities
    python3 tasks.py test    also install the test tools (and, as root, Chromium and a CJK font), then
                             build and run every test: unit, functional, browser and nbval
    python3 tasks.py bench   run the build benchmark and print its figures
    python3 tasks.py catalogues   after changing interface messages: update sciedu's .po files, compile the .mo

Each task installs what it needs first, so any one of them works on a fresh clone.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
DEBIAN_PACKAGES = ["chromium", "fonts-wqy-microhei"]
PYTEST = ["-m", "pytest", "-n", "2", "--dist", "loadfile", "tests", "--nbval", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg"]
#: nbval re-executes notebooks in plain kernels. The build has just executed every published notebook (a
#: clean checkout has no cache), so nbval runs on a sample of them: this many per language x variant, chosen
#: afresh for every commit, so that over commits every notebook is re-run. SCIEDU_NBVAL=all runs all of them.
NBVAL_PER_GROUP = 2


def run(*command: str | Path, **kwargs) -> None:
    print("+", " ".join(str(c) for c in command), flush=True)
    subprocess.run([str(c) for c in command], check=True, cwd=ROOT, **kwargs)


def ensure_venv(extras: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"sciedu needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    uv = shutil.which("uv") or str(BIN / "uv")
    if not Path(uv).exists():
        run(PYTHON, "-m", "pip", "install", "--quiet", "uv")
    target = f".[{extras}]" if extras else "."
    # --compile-bytecode: every later process (CLI, kernels, nbval, tests) imports the stack from .pyc files,
    # ~2 CPU-seconds less each; Python alone would not write them where PYTHONDONTWRITEBYTECODE is set.
    run(uv, "pip", "install", "--quiet", "--compile-bytecode", "--python", PYTHON, "-e", target)


def ensure_browser() -> None:
    """Debian's Chromium and a CJK font for the browser tests (installed when we are root)."""
    if Path("/usr/bin/chromium").exists() and Path("/usr/share/fonts/truetype/wqy").exists():
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", *DEBIAN_PACKAGES, env=env)
    else:
        print(f"note: install {' '.join(DEBIAN_PACKAGES)} (Debian/Ubuntu) for the browser tests; they are skipped without it")


def build() -> None:
    ensure_venv("")
    run(BIN / "sciedu", "build")


def nbval_notebooks() -> list[str]:
    """The published notebooks nbval re-executes: all with SCIEDU_NBVAL=all, else a per-commit sample."""
    notebooks = sorted((ROOT / "build" / "notebooks").glob("*/*/*/*/*.ipynb"))
    if os.environ.get("SCIEDU_NBVAL") == "all":
        return [str(p.relative_to(ROOT)) for p in notebooks]
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False)
    seed = head.stdout.strip() or "no-git"
    groups: dict[tuple[str, ...], list[Path]] = {}
    for path in notebooks:
        groups.setdefault(path.relative_to(ROOT / "build" / "notebooks").parts[:2], []).append(path)
    chosen = []
    for group in groups.values():
        group.sort(key=lambda p: hashlib.sha256(f"{seed}:{p.relative_to(ROOT)}".encode()).hexdigest())
        chosen += group[:NBVAL_PER_GROUP]
    return sorted(str(p.relative_to(ROOT)) for p in chosen)


def test() -> None:
    ensure_venv("test")
    ensure_browser()
    run(BIN / "sciedu", "build")
    sample = nbval_notebooks()
    print(f"nbval re-executes {len(sample)} published notebooks (SCIEDU_NBVAL=all for every one)", flush=True)
    run(PYTHON, *PYTEST, *sample)


def bench() -> None:
    ensure_venv("bench")
    run(PYTHON, "benchmarks/build_bench.py")
    if Path("/usr/bin/chromium").exists():  # first-view weight of every page type, as Chromium loads it
        run(BIN / "sciedu", "build")
        run(PYTHON, "benchmarks/page_weight.py")
        run(PYTHON, "benchmarks/lighthouse.py")  # Lighthouse and axe-core, when the shared web-audit tool is there


def catalogues() -> None:
    """After changing interface messages in the code: merge them into sciedu's .po files and compile the .mo."""
    ensure_venv("")
    run(PYTHON, "-c", "from sciedu import catalogues as c; [print(p) for d in c.DOMAINS.values() for p in c.update(d)]")


TASKS = {"build": build, "test": test, "bench": bench, "catalogues": catalogues}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in TASKS:
        sys.exit(__doc__)
    try:
        TASKS[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
