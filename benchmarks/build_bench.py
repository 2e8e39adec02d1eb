"""Build benchmark: sciedu against two reference builds of the same notebooks.

Run from the repository root:

    .venv/bin/python benchmarks/build_bench.py [--project DIR] [--keep]

Everything happens in a copy of the project (mkdocs.yml, site/, activities/ and curriculum/ if there is
one) in a fresh temporary folder; the repository's own build/ is never touched:

1. sciedu cold build      `sciedu build` with no build/ folder (notebook execution included)
2. sciedu warm build      the same again, nothing changed: every notebook must come from the cache
3. sciedu one-edit build  one sentence appended to the end of one activity's en.md, then rebuilt
4. sciedu site figures    size of build/site, median activity page weight
5. mkdocs-jupyter         the executed notebooks as .ipynb pages (execute: false, include_source: true)
6. plain                  the same notebooks through nbconvert's MarkdownExporter + plain mkdocs-material

Page weight = the page's HTML bytes + the bytes of every distinct local image its <img src> points to
(relative URLs, resolved against the page). Images inlined as data: URIs are already inside the HTML.
Not counted: the theme's shared CSS/JS/fonts (cached by the browser after the first page), the search
index, and anything loaded from a CDN. KB = 1000 bytes, MB = 10^6 bytes.

Figures are printed as a table and written to benchmarks/out/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # synthetic.py beside this file
OUT = REPO / "benchmarks" / "out"
VENV_BIN = Path(sys.executable).parent  # not resolved: .venv/bin, even when python is a symlink
EDIT_TEXT = "Benchmark edit."
#: The project's source folders copied beside mkdocs.yml (those that exist); build/ never is.
PROJECT_FOLDERS = ("site", "activities", "curriculum")
PROGRESS = re.compile(r"^\s*\[(\d+)/(\d+)\]\s+(.+?)\s+\((cached|[\d.]+ s)\)(\s+FAILED)?(\s+·.*)?\s*$")
GOALS = {
    "kernel_cpu_per_notebook_vs_before": 1 / 3,
    "cold_vs_mkdocs_jupyter": 0.3,
    "site_stage_vs_mkdocs_jupyter": 0.3,
    "warm_vs_mkdocs_jupyter": 0.3,
    "site_size_vs_mkdocs_jupyter": 0.2,
    "site_content_size_vs_mkdocs_jupyter": 0.2,
    "warm_vs_plain": 1.2,
}


# --- helpers ---------------------------------------------------------------------------------------

def env_for_tools(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "SCIEDU_CACHE": str(cache),
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "PYTHONUNBUFFERED": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    })
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def run_timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> dict:
    """Run ``cmd``; return wall seconds, exit code, stdout and stderr lines with arrival times."""
    start = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", errors="replace")
    lines: dict[str, list[tuple[float, str]]] = {"stdout": [], "stderr": []}

    def pump(stream, key: str) -> None:
        for line in stream:
            lines[key].append((time.perf_counter() - start, line.rstrip("\n")))

    threads = [threading.Thread(target=pump, args=(proc.stdout, "stdout")),
               threading.Thread(target=pump, args=(proc.stderr, "stderr"))]
    for thread in threads:
        thread.start()
    code = proc.wait()
    for thread in threads:
        thread.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)  # the command and all it waited for
    return {"seconds": time.perf_counter() - start, "cpu_seconds": cpu, "returncode": code, **lines}


def dump_output(run: dict) -> str:
    return "\n".join(line for key in ("stdout", "stderr") for _, line in run[key])


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def content_bytes(folder: Path) -> int:
    """Site bytes outside every ``assets/`` folder (theme CSS/JS, fonts, KaTeX): the per-page part."""
    return sum(p.stat().st_size for p in folder.rglob("*")
               if p.is_file() and "assets" not in p.relative_to(folder).parts)


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            src = dict(attrs).get("src")
            if src:
                self.sources.append(src)


def page_weight(page: Path, site: Path) -> dict:
    """HTML bytes + bytes of the distinct local images it references (not under site/assets/)."""
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    images: set[Path] = set()
    inline = 0
    for src in parser.sources:
        parts = urlsplit(src)
        if parts.scheme == "data":
            inline += 1
            continue
        if parts.scheme or parts.netloc or src.startswith("/"):
            continue  # remote or site-absolute: not a figure shipped beside the page
        target = (page.parent / unquote(parts.path)).resolve()
        if target.is_file() and target.is_relative_to(site.resolve()) \
                and not target.is_relative_to((site / "assets").resolve()):
            images.add(target)
    image_bytes = sum(p.stat().st_size for p in images)
    html_bytes = page.stat().st_size
    return {"page": str(page.relative_to(site)), "html_bytes": html_bytes, "image_files": len(images),
            "image_bytes": image_bytes, "inline_images": inline, "total_bytes": html_bytes + image_bytes}


def median_bytes(weights: list[dict]) -> float | None:
    return statistics.median(w["total_bytes"] for w in weights) if weights else None


def mb(n: float | None) -> str:
    return "-" if n is None else f"{n / 1e6:.2f}"


def kb(n: float | None) -> str:
    return "-" if n is None else f"{n / 1e3:.0f}"


# --- sciedu ----------------------------------------------------------------------------------------

def copy_project(source: Path, target: Path, folders: tuple[str, ...] = PROJECT_FOLDERS) -> None:
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "*.pyc")
    target.mkdir(parents=True)
    shutil.copy2(source / "mkdocs.yml", target / "mkdocs.yml")
    for name in folders:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, ignore=ignore)


def sciedu_build(project: Path, env: dict[str, str], label: str) -> dict:
    print(f"  sciedu build ({label})…", file=sys.stderr, flush=True)
    stats_file = project / "build" / "cache" / "execution-stats.json"
    if stats_file.is_file():
        stats_file.unlink()
    run = run_timed([str(VENV_BIN / "sciedu"), "build"], project, env)
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.is_file() else {}
    progress = []
    marks: dict[str, float] = {}
    for at, line in run["stderr"]:
        match = PROGRESS.match(line)
        if match:
            progress.append({"name": match.group(3), "cached": match.group(4) == "cached",
                             "seconds": None if match.group(4) == "cached" else float(match.group(4).split()[0]),
                             "failed": bool(match.group(5))})
        elif line.startswith(("Executing ", "Notebooks: ")):  # the line before the first notebook runs
            marks["executing"] = at
        elif line.startswith("Building the site"):
            marks["site"] = at
        elif line.startswith("Built "):
            marks["built"] = at
            found = re.search(r"in ([\d.]+) s\.", line)
            if found:
                marks["reported_total"] = float(found.group(1))
    result = {
        "label": label,
        "seconds": run["seconds"],
        "cpu_seconds": run["cpu_seconds"],
        "returncode": run["returncode"],
        "notebooks": len(progress),
        "executed": sum(not p["cached"] for p in progress),
        "executed_names": [p["name"] for p in progress if not p["cached"]],
        "kernel_seconds": sum(p["seconds"] or 0 for p in progress),  # wall seconds per notebook, summed
        # CPU seconds of the kernel processes (and the warm parent's imports), from build/cache/execution-stats.json
        "kernel_cpu": stats.get("kernel_cpu", 0.0),
        "kernel_cpu_per_notebook": (stats["kernel_cpu"] / stats["executed"]) if stats.get("executed") else None,
        "kernels": stats.get("kernels"),
        "failed": [p["name"] for p in progress if p["failed"]],
        # From the arrival times of the CLI's own progress lines:
        "site_stage_seconds": marks["built"] - marks["site"] if {"built", "site"} <= marks.keys() else None,
        "execute_stage_seconds": marks["site"] - marks["executing"] if {"site", "executing"} <= marks.keys() else None,
        "startup_and_load_seconds": marks.get("executing"),  # process start → "Executing …" (imports, load, checks)
        "reported_seconds": marks.get("reported_total"),
        "all_progress_cached": bool(progress) and all(p["cached"] for p in progress),
    }
    if run["returncode"] != 0:
        raise SystemExit(f"sciedu build ({label}) failed with exit code {run['returncode']}:\n{dump_output(run)}")
    return result


def sciedu_pages(site: Path, section: str) -> list[Path]:
    """``section`` pages (activities or teacher) in both languages: zh at the root, en under en/."""
    pages = []
    for root in (site, site / "en"):
        pages += sorted((root / section).glob("*/*/index.html"))
    return pages


def edit_one_activity(project: Path) -> tuple[str, str]:
    """Append a sentence at the end of one activity's en.md, in a plain Markdown cell.

    If the last cell is a Markdown cell with no role tag it gets the sentence; otherwise (a code cell,
    or a teacher/solution cell that the student notebook drops) a new untagged Markdown cell is opened
    with ``+++`` so that both the student and the teacher notebook change. Code cells are untouched, so
    the zh/en parity checks still pass.
    """
    import jupytext

    source = sorted(project.glob("activities/*/*/en.md"))[0]
    key = f"{source.parent.parent.name}/{source.parent.name}"
    nb = jupytext.read(source, fmt="md:myst")
    last = nb.cells[-1] if nb.cells else None
    plain = last is not None and last.cell_type == "markdown" and not set(last.metadata.get("tags", [])) & {"teacher", "solution", "remove-cell"}
    text = source.read_text(encoding="utf-8")
    addition = f"\n\n{EDIT_TEXT}\n" if plain else f"\n\n+++\n\n{EDIT_TEXT}\n"
    source.write_text(text.rstrip("\n") + "\n" + addition, encoding="utf-8")
    return key, "appended to the last Markdown cell" if plain else "appended as a new Markdown cell (+++)"


def check_warm(run: dict) -> dict:
    if run["executed"] or not run["all_progress_cached"]:
        raise SystemExit(f"warm build ({run['label']}) executed notebooks: {run['executed_names']}")
    return run


def plan_repeats(requested: int, budget: float, elapsed: float, warm_seconds: float) -> int:
    """How many runs of the cheap builds fit in the budget, estimated from one warm build.

    Rough costs in warm builds: the one-edit build ~3 (it executes two notebooks), one round of
    warm + mkdocs-jupyter + plain ~4 (one warm build is already done).
    """
    if budget <= 0 or requested <= 1:
        return max(1, requested)
    left = budget - elapsed - 3 * warm_seconds - 3 * warm_seconds  # one-edit + the first reference round
    extra = int(left // (4 * warm_seconds)) if left > 0 else 0
    repeat = max(1, min(requested, 1 + extra))
    if repeat < requested:
        print(f"  (budget {budget:.0f} s: {repeat} run(s) of the cheap builds instead of {requested})", file=sys.stderr)
    return repeat


# --- reference builds --------------------------------------------------------------------------------

def collect_notebooks(project: Path) -> list[Path]:
    return sorted((project / "build" / "notebooks").glob("*/*/*/*/*.ipynb"))


def stage_notebooks(notebooks: list[Path], project: Path, docs: Path) -> list[Path]:
    """Copy the executed notebooks to ``docs/<lang>/<variant>/<subject>/<id>/<id>.ipynb``."""
    base = project / "build" / "notebooks"
    staged = []
    for nb in notebooks:
        target = docs / nb.relative_to(base)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(nb, target)
        staged.append(target)
    return staged


def index_page(docs: Path, title: str, pages: list[Path], suffix: str) -> None:
    links = "\n".join(f"- [{p.relative_to(docs).as_posix()}]({p.relative_to(docs).with_suffix(suffix).as_posix()})" for p in pages)
    (docs / "index.md").write_text(f"# {title}\n\n{links}\n", encoding="utf-8")


def mkdocs_build(root: Path, env: dict[str, str], repeat: int = 1) -> dict:
    """``mkdocs build --strict``; if strict fails, ``mkdocs build`` (timed instead). Median of ``repeat`` runs."""
    cmd = [str(VENV_BIN / "python"), "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")]
    strict = run_timed([*cmd, "--strict"], root, env)
    strict_passed = strict["returncode"] == 0
    warnings = [line for _, line in strict["stdout"] + strict["stderr"] if "WARNING" in line]
    if not strict_passed:
        cmd_ok = cmd
        first = run_timed(cmd, root, env)
        if first["returncode"] != 0:
            raise SystemExit(f"mkdocs build failed in {root}:\n{dump_output(first)}")
    else:
        cmd_ok, first = [*cmd, "--strict"], strict
    samples = [first["seconds"]]
    for _ in range(repeat - 1):
        run = run_timed(cmd_ok, root, env)
        if run["returncode"] != 0:
            raise SystemExit(f"mkdocs build failed in {root}:\n{dump_output(run)}")
        samples.append(run["seconds"])
    return {"seconds": statistics.median(samples), "samples": samples, "strict_passed": strict_passed,
            "strict_seconds": strict["seconds"], "warnings": warnings[:20]}


def reference_figures(site: Path, docs_pages: list[Path], docs: Path) -> dict:
    """Site size and page weights of the pages built from ``docs_pages`` (use_directory_urls: false)."""
    weights = []
    for page in docs_pages:
        html = site / page.relative_to(docs).with_suffix(".html")
        if not html.is_file():
            raise SystemExit(f"expected page {html} was not built")
        weights.append(page_weight(html, site))
    student = [w for w in weights if "/student/" in f"/{w['page']}"]
    return {
        "site_bytes": tree_bytes(site),
        "site_content_bytes": content_bytes(site),
        "pages": len(weights),
        "median_page_bytes": median_bytes(weights),
        "median_student_page_bytes": median_bytes(student),
        "page_weights": weights,
    }


def build_mkdocs_jupyter(work: Path, project: Path, notebooks: list[Path], env: dict[str, str], repeat: int) -> dict:
    print("  mkdocs-jupyter reference…", file=sys.stderr, flush=True)
    root = work / "ref-mkdocs-jupyter"
    docs = root / "docs"
    staged = stage_notebooks(notebooks, project, docs)
    index_page(docs, "mkdocs-jupyter reference", staged, ".ipynb")
    (root / "mkdocs.yml").write_text(
        "site_name: mkdocs-jupyter reference\n"
        "use_directory_urls: false\n"
        "theme:\n  name: material\n"
        "plugins:\n  - search\n  - mkdocs-jupyter:\n      execute: false\n      include_source: true\n",
        encoding="utf-8")
    build = mkdocs_build(root, env, repeat)
    return {**build, **reference_figures(root / "site", staged, docs)}


def build_plain(work: Path, project: Path, notebooks: list[Path], env: dict[str, str], repeat: int) -> dict:
    print("  plain nbconvert + mkdocs-material reference…", file=sys.stderr, flush=True)
    root = work / "ref-plain"
    docs = root / "docs"
    staged = stage_notebooks(notebooks, project, root / "notebooks")
    (root / "mkdocs.yml").write_text(
        "site_name: plain reference\n"
        "use_directory_urls: false\n"
        "theme:\n  name: material\n"
        "plugins:\n  - search\n",
        encoding="utf-8")
    pages = [docs / p.relative_to(root / "notebooks").with_suffix(".md") for p in staged]
    runs = []
    for _ in range(repeat):  # conversion + build together, each time from scratch
        shutil.rmtree(docs, ignore_errors=True)
        shutil.rmtree(root / "site", ignore_errors=True)
        convert = run_timed([str(VENV_BIN / "python"), str(Path(__file__).resolve()), "--convert-plain",
                             str(root / "notebooks"), str(docs)], root, env)
        if convert["returncode"] != 0:
            raise SystemExit(f"nbconvert failed:\n{dump_output(convert)}")
        index_page(docs, "plain reference", pages, ".md")
        build = mkdocs_build(root, env)
        runs.append({**build, "convert_seconds": convert["seconds"], "build_seconds": build["seconds"],
                     "seconds": convert["seconds"] + build["seconds"]})
    median_run = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
    return {**median_run, "samples": [r["seconds"] for r in runs], **reference_figures(root / "site", pages, docs)}


def convert_plain(source: Path, docs: Path) -> None:
    """Worker for the plain reference (its own process, so the import time is measured too)."""
    from nbconvert import MarkdownExporter

    exporter = MarkdownExporter()
    for nb in sorted(source.rglob("*.ipynb")):
        body, resources = exporter.from_filename(str(nb))
        target = docs / nb.relative_to(source).with_suffix(".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
        for name, data in resources.get("outputs", {}).items():
            (target.parent / name).write_bytes(data if isinstance(data, bytes) else data.encode())


# --- scale: synthetic libraries ------------------------------------------------------------------------

def synthetic_project(source: Path, target: Path, count: int) -> Path:
    """``target``: the project's settings and curriculum with a synthetic library of ``count`` activities."""
    from synthetic import make_library

    copy_project(source, target, folders=tuple(f for f in PROJECT_FOLDERS if f != "activities"))
    make_library(source / "activities", target / "activities", count)
    return target


def check_no_execute(project: Path, env: dict[str, str], label: str) -> dict:
    print(f"  sciedu check --no-execute ({label})…", file=sys.stderr, flush=True)
    run = run_timed([str(VENV_BIN / "sciedu"), "check", "--no-execute"], project, env)
    if run["returncode"] != 0:
        raise SystemExit(f"sciedu check --no-execute ({label}) failed:\n{dump_output(run)}")
    return {"seconds": run["seconds"], "cpu_seconds": run["cpu_seconds"]}


def scale_run(source: Path, work: Path, env: dict[str, str], count: int) -> dict:
    """Cold, warm and one-edit builds and ``check --no-execute`` on ``count`` synthetic activities."""
    project = synthetic_project(source, work / f"scale-{count}", count)
    cold = sciedu_build(project, env, f"{count} activities, cold")
    warm = check_warm(sciedu_build(project, env, f"{count} activities, warm"))
    check = check_no_execute(project, env, f"{count} activities, cached")
    edited, how = edit_one_activity(project)
    edit = sciedu_build(project, env, f"{count} activities, one Markdown edit")
    page = project / "build" / "site" / "en" / "activities" / edited / "index.html"
    result = {"activities": count, "notebooks": cold["notebooks"], "cold": cold, "warm": warm, "edit": edit,
              "edit_activity": edited, "edit_how": how,
              "edit_visible_on_page": page.is_file() and EDIT_TEXT in page.read_text(encoding="utf-8"),
              "check_no_execute_cached": check}
    shutil.rmtree(project, ignore_errors=True)
    return result


def check_scale(source: Path, work: Path, env: dict[str, str], count: int) -> dict:
    """``check --no-execute`` on ``count`` synthetic activities: first with no build/ (cold), then again."""
    project = synthetic_project(source, work / f"check-{count}", count)
    cold = check_no_execute(project, env, f"{count} activities, first run")
    cached = check_no_execute(project, env, f"{count} activities, again")
    shutil.rmtree(project, ignore_errors=True)
    return {"activities": count, "cold": cold, "cached": cached}


# --- report ------------------------------------------------------------------------------------------

def ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else a / b


def print_report(figures: dict) -> None:
    s, mj, pl = figures["sciedu"], figures["mkdocs_jupyter"], figures["plain"]
    columns = [
        ("sciedu cold", s["cold"]["seconds"], s["site_bytes"], s["median_activity_page_bytes"], s["cold"]["executed"], s["site_content_bytes"]),
        ("sciedu warm", s["warm"]["seconds"], s["site_bytes"], s["median_activity_page_bytes"], s["warm"]["executed"], s["site_content_bytes"]),
        ("sciedu one-edit", s["edit"]["seconds"], s["site_bytes_after_edit"], s["median_activity_page_bytes_after_edit"], s["edit"]["executed"], s["site_content_bytes_after_edit"]),
        ("mkdocs-jupyter", mj["seconds"], mj["site_bytes"], mj["median_page_bytes"], 0, mj["site_content_bytes"]),
        ("plain", pl["seconds"], pl["site_bytes"], pl["median_page_bytes"], 0, pl["site_content_bytes"]),
    ]
    width = 16
    rows = [
        ("", [c[0] for c in columns]),
        ("seconds", [f"{c[1]:.1f}" for c in columns]),
        ("site MB", [mb(c[2]) for c in columns]),
        ("  outside assets/ MB", [mb(c[5]) for c in columns]),
        ("median page KB", [kb(c[3]) for c in columns]),
        ("notebooks executed", [str(c[4]) for c in columns]),
    ]
    print()
    for label, cells in rows:
        print(f"{label:<20}" + "".join(f"{cell:>{width}}" for cell in cells))
    print()
    print(f"Activities: {figures['activities']}; notebooks: {figures['notebooks']} "
          f"(zh/en x student/teacher). sciedu site stage (cold): "
          f"{_secs(s['cold']['site_stage_seconds'])}, warm: {_secs(s['warm']['site_stage_seconds'])}; "
          f"cold execute stage: {_secs(s['cold']['execute_stage_seconds'])} "
          f"({s['cold']['kernel_cpu']:.1f} kernel CPU-s, {s['cold']['kernel_seconds']:.1f} kernel wall-s over {figures['cpu_count']} cores); "
          f"CLI start-up + load + checks (warm): {_secs(s['warm']['startup_and_load_seconds'])}.")
    print(f"One-edit build: {s['edit_activity']} ({s['edit_how']}); executed: {', '.join(s['edit']['executed_names']) or 'none'}.")
    print(f"mkdocs-jupyter --strict: {'passed' if mj['strict_passed'] else 'FAILED (timed the non-strict build)'}; "
          f"plain --strict: {'passed' if pl['strict_passed'] else 'FAILED (timed the non-strict build)'}; "
          f"plain = {pl['convert_seconds']:.1f} s nbconvert + {pl['build_seconds']:.1f} s mkdocs.")
    print("Median page = activity (student) pages, zh+en, for sciedu; every notebook page (student+teacher, zh+en) "
          "for the references. Page = HTML + local images it shows; shared theme CSS/JS/fonts not counted.")
    print(f"  sciedu teacher pages median: {kb(s['median_teacher_page_bytes'])} KB; "
          f"student-notebook pages only: mkdocs-jupyter {kb(mj['median_student_page_bytes'])} KB, "
          f"plain {kb(pl['median_student_page_bytes'])} KB.")
    print()
    print_scale(figures)
    names = {
        "kernel_cpu_per_notebook_vs_before": "kernel CPU-s per notebook, warm kernels / plain kernels",
        "cold_vs_mkdocs_jupyter": "sciedu cold build time / mkdocs-jupyter build time",
        "site_stage_vs_mkdocs_jupyter": "sciedu site stage (cold) / mkdocs-jupyter build time",
        "warm_vs_mkdocs_jupyter": "sciedu warm build time / mkdocs-jupyter build time",
        "site_size_vs_mkdocs_jupyter": "sciedu site size / mkdocs-jupyter site size",
        "site_content_size_vs_mkdocs_jupyter": "  same, outside assets/ folders (informative)",
        "warm_vs_plain": "sciedu warm build time / plain build time",
    }
    for key, name in names.items():
        value = figures["ratios"][key]
        verdict = "-" if value is None else ("PASS" if value <= GOALS[key] else "MISS")
        shown = "-" if value is None else f"{value:.2f}"
        print(f"{name:<58}{shown:>7}   goal <= {GOALS[key]:<4} {verdict}")
    print("(mkdocs-jupyter executes nothing here; the cold sciedu build also runs every notebook in a kernel.)")
    print(f"Warm, mkdocs-jupyter and plain seconds are medians of {figures['repeat']} runs "
          f"(warm {_samples(s['warm']['samples'])}; mkdocs-jupyter {_samples(mj['samples'])}; plain {_samples(pl['samples'])}); "
          f"cold and one-edit are single runs. 1-min load average at start: {figures['load_average_at_start']}.")
    if figures["repeat"] < figures["repeat_requested"]:
        print(f"(Only {figures['repeat']} of {figures['repeat_requested']} runs fitted the {figures['budget_seconds']:.0f} s budget; see --budget.)")
    print(f"\nJSON: {figures['json_path']}")


def print_scale(figures: dict) -> None:
    """One row per library size: cold, warm and one-edit builds, check --no-execute; kernel CPU per notebook."""
    s, before = figures["sciedu"], figures.get("before")
    rows = [{"activities": figures["activities"], "notebooks": figures["notebooks"], "cold": s["cold"],
             "warm": s["warm"], "edit": s["edit"], "check_no_execute_cached": None}, *figures.get("scale", [])]
    print("Scale (wall s on a shared machine; CPU s = the CLI and everything it ran, kernels included):")
    header = ["activities", "notebooks", "cold s", "cold CPU s", "kernel CPU/nb", "warm s", "edit s", "edit exec",
              "check s (cached)"]
    print("  " + "".join(f"{h:>17}" for h in header))
    for row in rows:
        check = row.get("check_no_execute_cached")
        cells = [row["activities"], row["notebooks"], f"{row['cold']['seconds']:.1f}", f"{row['cold']['cpu_seconds']:.1f}",
                 _secs(row["cold"]["kernel_cpu_per_notebook"]), f"{row['warm']['seconds']:.1f}",
                 f"{row['edit']['seconds']:.1f}", row["edit"]["executed"], "-" if not check else f"{check['seconds']:.1f}"]
        print("  " + "".join(f"{c!s:>17}" for c in cells))
    if before:
        print(f"Before (plain kernels, SCIEDU_KERNELS=cold) at {figures['activities']} activities: cold build "
              f"{before['seconds']:.1f} s, {before['cpu_seconds']:.1f} CPU s, kernel CPU per notebook "
              f"{_secs(before['kernel_cpu_per_notebook'])}; after: {_secs(s['cold']['kernel_cpu_per_notebook'])}.")
    big = figures.get("check_scale")
    if big:
        print(f"check --no-execute at {big['activities']} activities: first run {big['cold']['seconds']:.1f} s "
              f"({big['cold']['cpu_seconds']:.1f} CPU s), again (parse/check cache) {big['cached']['seconds']:.1f} s "
              f"({big['cached']['cpu_seconds']:.1f} CPU s); goal <= 10 s.")
    print()


def _samples(values: list[float]) -> str:
    return "/".join(f"{v:.1f}" for v in values)


def _secs(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} s"


# --- main --------------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=REPO, help="project to copy (default: this repository)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="SCIEDU_CACHE (default: $SCIEDU_CACHE, else ~/.cache/sciedu) so KaTeX is downloaded once")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of the cheap builds (warm, mkdocs-jupyter, plain); the median is reported")
    parser.add_argument("--budget", type=float, default=165,
                        help="seconds the whole run should take; fewer repeats when the cold build was slow (0: no limit)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--json", type=Path, default=OUT / "latest.json", help="where to write the figures")
    parser.add_argument("--sizes", default="25,100",
                        help="synthetic library sizes (activities) for the scale rows, comma-separated ('' for none)")
    parser.add_argument("--check-size", type=int, default=1000,
                        help="activities in the synthetic library timed with check --no-execute (0: skip)")
    parser.add_argument("--no-before", action="store_true",
                        help="skip the cold build with plain kernels (SCIEDU_KERNELS=cold), the 'before' figure")
    parser.add_argument("--convert-plain", nargs=2, type=Path, metavar=("SRC", "DOCS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.convert_plain:
        convert_plain(*args.convert_plain)
        return 0

    if not (VENV_BIN / "sciedu").is_file():
        raise SystemExit(f"no sciedu CLI at {VENV_BIN / 'sciedu'}: run with the project's venv python")
    source = args.project.resolve()
    cache = (args.cache or Path(os.environ.get("SCIEDU_CACHE") or Path.home() / ".cache" / "sciedu")).resolve()
    cache.mkdir(parents=True, exist_ok=True)
    env = env_for_tools(cache)
    if args.repeat < 1:
        raise SystemExit("--repeat must be at least 1")
    load_at_start = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
    work = Path(tempfile.mkdtemp(prefix="sciedu-bench-"))
    started = time.perf_counter()
    try:
        project = work / "project"
        copy_project(source, project)
        activities = sorted(str(p.parent.relative_to(project / "activities")) for p in project.glob("activities/*/*/activity.yaml"))
        if not activities:
            raise SystemExit(f"no activities under {source / 'activities'}")
        print(f"Benchmarking {len(activities)} activities from {source} in {work}", file=sys.stderr)

        cold = sciedu_build(project, env, "cold")
        site = project / "build" / "site"
        site_bytes = tree_bytes(site)
        content_bytes_cold = content_bytes(site)
        student_weights = [page_weight(p, site) for p in sciedu_pages(site, "activities")]
        teacher_weights = [page_weight(p, site) for p in sciedu_pages(site, "teacher")]
        # Copy the executed notebooks now: the edit below rewrites one activity's en notebooks.
        frozen = work / "notebooks-cold"
        shutil.copytree(project / "build" / "notebooks", frozen / "build" / "notebooks",
                        ignore=shutil.ignore_patterns("assets"))
        notebooks = collect_notebooks(frozen)

        warm_runs = [check_warm(sciedu_build(project, env, "warm 1"))]
        repeat = plan_repeats(args.repeat, args.budget, time.perf_counter() - started, warm_runs[0]["seconds"])
        for index in range(1, repeat):
            warm_runs.append(check_warm(sciedu_build(project, env, f"warm {index + 1}/{repeat}")))
        warm = {**sorted(warm_runs, key=lambda r: r["seconds"])[len(warm_runs) // 2],
                "samples": [r["seconds"] for r in warm_runs]}

        edited, how = edit_one_activity(project)
        edit = sciedu_build(project, env, "one-edit")
        edited_page = site / "en" / "activities" / edited / "index.html"
        edit_visible = edited_page.is_file() and EDIT_TEXT in edited_page.read_text(encoding="utf-8")
        edit_weights = [page_weight(p, site) for p in sciedu_pages(site, "activities")]

        mkdocs_jupyter = build_mkdocs_jupyter(work, frozen, notebooks, env, repeat)
        plain = build_plain(work, frozen, notebooks, env, repeat)

        before = None
        if not args.no_before:  # today's way: a plain `python -m ipykernel_launcher` per notebook
            before_project = work / "before"
            copy_project(source, before_project)
            before = sciedu_build(before_project, {**env, "SCIEDU_KERNELS": "cold"}, "cold, plain kernels (before)")
            shutil.rmtree(before_project, ignore_errors=True)
        sizes = [int(n) for n in args.sizes.split(",") if n.strip()]
        scale = [scale_run(source, work, env, n) for n in sizes]
        check_big = check_scale(source, work, env, args.check_size) if args.check_size else None

        sciedu = {
            "cold": cold, "warm": warm, "edit": edit,
            "edit_activity": edited, "edit_how": how, "edit_visible_on_page": edit_visible,
            "edit_expected_executed": [],  # a Markdown-only edit: outputs come from the cache
            "site_bytes": site_bytes,
            "site_content_bytes": content_bytes_cold,
            "site_bytes_after_edit": tree_bytes(site),
            "site_content_bytes_after_edit": content_bytes(site),
            "median_activity_page_bytes": median_bytes(student_weights),
            "median_activity_page_bytes_after_edit": median_bytes(edit_weights),
            "median_teacher_page_bytes": median_bytes(teacher_weights),
            "activity_page_weights": student_weights,
            "teacher_page_weights": teacher_weights,
        }
        figures = {
            "generated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpu_count": os.cpu_count(),
            "load_average_at_start": load_at_start,
            "repeat": repeat,
            "repeat_requested": args.repeat,
            "budget_seconds": args.budget,
            "project": str(source),
            "activities": len(activities),
            "activity_keys": activities,
            "notebooks": len(notebooks),
            "page_weight_definition": ("HTML bytes + bytes of distinct local images referenced by <img src> "
                                       "(relative URLs; data: URIs are inside the HTML); theme CSS/JS/fonts, "
                                       "search index and CDN resources not counted"),
            "sciedu": sciedu,
            "mkdocs_jupyter": mkdocs_jupyter,
            "plain": plain,
            "before": before,
            "scale": scale,
            "check_scale": check_big,
            "ratios": {
                "kernel_cpu_per_notebook_vs_before": ratio(cold["kernel_cpu_per_notebook"], before and before["kernel_cpu_per_notebook"]),
                "cold_vs_mkdocs_jupyter": ratio(cold["seconds"], mkdocs_jupyter["seconds"]),
                "site_stage_vs_mkdocs_jupyter": ratio(cold["site_stage_seconds"], mkdocs_jupyter["seconds"]),
                "warm_vs_mkdocs_jupyter": ratio(warm["seconds"], mkdocs_jupyter["seconds"]),
                "site_size_vs_mkdocs_jupyter": ratio(site_bytes, mkdocs_jupyter["site_bytes"]),
                "site_content_size_vs_mkdocs_jupyter": ratio(content_bytes_cold, mkdocs_jupyter["site_content_bytes"]),
                "warm_vs_plain": ratio(warm["seconds"], plain["seconds"]),
            },
            "goals": GOALS,
            "benchmark_seconds": time.perf_counter() - started,
            "json_path": str(args.json),
        }
        figures["verdicts"] = {k: (None if v is None else v <= GOALS[k]) for k, v in figures["ratios"].items()}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print_report(figures)
        problems = []
        for run in [edit, *(row["edit"] for row in scale)]:
            if run["executed"]:
                problems.append(f"{run['label']} executed {run['executed_names']}, expected none (a Markdown-only edit)")
        problems += [f"the edit is not on the page at {row['activities']} activities" for row in scale if not row["edit_visible_on_page"]]
        if not edit_visible:
            problems.append(f"the edit is not on {edited_page}")
        for problem in problems:
            print(f"WARNING: {problem}", file=sys.stderr)
        print(f"Benchmark took {figures['benchmark_seconds']:.0f} s.", file=sys.stderr)
        return 1 if problems else 0
    finally:
        if args.keep:
            print(f"Kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
