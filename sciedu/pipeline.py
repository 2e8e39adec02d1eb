"""The pipeline from sources to executed notebooks, as plain functions the commands compose.

    load_and_check   curriculum/, activities/ ──► Curriculum, Activity records + findings
    generate         Activity ──► student / teacher notebooks per language (exporters)
    execute          notebooks ──► executed notebooks (nbclient, cached, parallel) + findings
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from sciedu import boundary, checks, exporters, locate, scratch, sources
from sciedu.checks import figures
from sciedu.checks.context import Context
from sciedu.curriculum import Curriculum
from sciedu.curriculum import load as load_curriculum
from sciedu.errors import Finding, Severity, error, warning
from sciedu.execute import STATES_KEY, Job, Result, digest_files, execute_all
from sciedu.languages import languages, N_
from sciedu.model import VARIANTS, Activity
from sciedu.project import Project
from sciedu.transforms.outputs import MAX_IMAGE, MAX_TEXT, cap_outputs, merge_streams

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Generated:
    """One generated notebook: which activity, language and variant, and where it lives."""

    activity: Activity
    lang: str
    variant: str
    path: Path
    notebook: nbformat.NotebookNode

    @property
    def name(self) -> str:
        return f"{self.activity.key} {self.lang} {self.variant}"


def load_and_check(project: Project) -> tuple[list[Activity], Curriculum, list[Finding]]:
    """Load and check the library. Each activity's loading and checks are cached by content.

    An activity folder whose files, curriculum and sciedu code are unchanged is read back from
    ``build/cache/checked/`` with its findings instead of being parsed (jupytext, YAML, schemas) and
    checked again; duplicate ids across activities are always checked.
    """
    curriculum, findings = load_curriculum(project.curriculum)
    if not project.activities.is_dir():
        activities, found = sources.load_library(project.activities)
        return activities, curriculum, findings + found
    context = Context(curriculum)
    shared = _shared_digest(project)
    cache = project.cache / "checked"
    activities: list[Activity] = []
    folders, layout = sources.layout_findings(project.activities)  # links leading out are refused, never read
    findings += layout
    for folder in folders:
        activity, found = _load_and_check_one(folder, context, cache, shared)
        findings += found
        if activity is not None:
            activities.append(activity)
    return activities, curriculum, findings + sources.duplicate_ids(activities)


def _load_and_check_one(folder: Path, context: Context, cache: Path, shared: str) -> tuple[Activity | None, list[Finding]]:
    h = hashlib.sha256(f"{shared}\0{folder.resolve()}".encode())
    for path in sorted(p for p in folder.rglob("*") if "__pycache__" not in p.parts):
        h.update(f"\0{path.relative_to(folder)}\0".encode())
        if path.is_symlink():  # hash where a link points, never what is behind it (it may lead outside)
            h.update(f"->{os.readlink(path)}".encode())
        elif path.is_file():
            h.update(hashlib.sha256(path.read_bytes()).digest())
    entry = cache / f"{h.hexdigest()}.pickle"
    if entry.is_file():
        try:
            return pickle.loads(entry.read_bytes())  # noqa: S301 (our own cache, under build/)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass  # written by another version: check again
    activity, found = sources.load_activity(folder)
    if activity is not None:
        found = found + checks.run([activity], context)
    cache.mkdir(parents=True, exist_ok=True)
    tmp = entry.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps((activity, found), protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(entry)
    return activity, found


def _shared_digest(project: Project) -> str:
    """What every activity's checks depend on besides its own folder: the project's languages, the curriculum and
    sciedu's code and catalogues."""
    import sciedu

    h = hashlib.sha256(f"{sys.version}\0{languages()}".encode())
    for root in (project.curriculum, Path(sciedu.__file__).parent):
        for path in sorted(root.rglob("*")) if root.is_dir() else ():
            if path.is_file() and path.suffix in {".py", ".yaml", ".yml", ".json", ".csv", ".md", ".mo"}:
                stat = path.stat()
                h.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return h.hexdigest()


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def generate(activities: list[Activity]) -> list[tuple[Activity, str, str, nbformat.NotebookNode]]:
    return [(a, lang, variant, exporters.export(a, lang, variant)) for a in activities for lang in languages() for variant in VARIANTS]


def execute(project: Project, activities: list[Activity], *, timeout: int | None = None, workers: int | None = None,
            progress: Callable[[Result, int, int], None] | None = None) -> tuple[list[Generated], list[Finding]]:
    """Generate, execute (or take from the cache) and write every notebook under ``build/notebooks``."""
    pending = generate(activities)
    jobs = []
    for activity, lang, variant, nb in pending:
        _prepare_workdir(project.notebook_dir(lang, variant, activity.key), activity)
        jobs.append(Job(
            name=f"{activity.key} {lang} {variant}",
            notebook_text=exporters.dumps(nb),
            # cells run in a throw-away copy of the assets under build/scratch/, never in the source tree
            workdir=scratch.prepare(project.build / "scratch" / lang / variant / activity.key, activity),
            timeout=timeout or activity.metadata.timeout,
            asset_digest=digest_files(activity.assets, activity.folder),
            explore=variant == "student",  # the page's live widgets; the teacher page takes them by cell id
        ))
    results = execute_all(jobs, project.cache / "executed", workers=workers, progress=progress)
    _write_stats(project.cache / STATS_FILE, results)
    generated: list[Generated] = []
    findings: list[Finding] = []
    teacher_failed = {(a.key, lang) for (a, lang, variant, _), r in zip(pending, results, strict=True) if r.failure and variant == "teacher"}
    for (activity, lang, variant, _), result in zip(pending, results, strict=True):
        if result.failure is not None:
            # A cell that fails in the teacher notebook fails in the student one too: report it once.
            if variant == "teacher" or (activity.key, lang) not in teacher_failed:
                findings.append(_failure_finding(activity, lang, variant, result))
            continue
        assert result.notebook_text is not None
        joined, merged = merge_streams(nbformat.reads(result.notebook_text, as_version=4))
        executed, cut = cap_outputs(joined)
        # The precomputed widget states serve the web page only: the notebook on disk (downloads, nbval) has none.
        on_disk = without_states(executed)
        text = exporters.dumps(on_disk) if merged or cut or on_disk is not executed else result.notebook_text
        if variant == "student":
            findings += [_static_widget_finding(activity, lang, cell_id, spec["static"])
                         for cell_id, spec in executed.metadata.get(STATES_KEY, {}).items() if "static" in spec]
        if variant == "teacher":  # the teacher notebook holds every cell the student one does
            findings += [_truncated_finding(activity, lang, cell_id) for cell_id in cut]
            findings += [_alt_missing_finding(activity, lang, cell_id) for cell_id in figures.cells_missing_alt(executed)]
        path = project.notebook_dir(lang, variant, activity.key) / f"{activity.id}.ipynb"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        generated.append(Generated(activity, lang, variant, path, executed))
    return generated, findings


def without_states(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` itself when it holds no precomputed widget states, else a copy without them."""
    if STATES_KEY not in nb.metadata:
        return nb
    copy = nbformat.from_dict(json.loads(json.dumps(nb)))
    del copy.metadata[STATES_KEY]
    return copy


def _truncated_finding(activity: Activity, lang: str, cell_id: str) -> Finding:
    notebook = activity.notebooks[lang]
    return warning(notebook.path, notebook.line_of(cell_id), "output-truncated",
                   f"this cell's output is larger than a page keeps ({MAX_TEXT:,} characters of text, {MAX_IMAGE:,} "
                   "bytes of images); the rest is cut and replaced by a note: print less, or save data to a file")


def _static_widget_finding(activity: Activity, lang: str, cell_id: str, why: str) -> Finding:
    notebook = activity.notebooks[lang]
    return warning(notebook.path, notebook.line_of(cell_id), "widget-static",
                   f"this interact cannot be made live on the web page ({why}); the page shows its frozen view, labelled "
                   "static. Give sliders a coarser step or fewer options (at most 200 combinations), or use sliders, "
                   "dropdowns and checkboxes only")


#: An example of alternative text, in the notebook's language, for the finding below.
ALT_EXAMPLE = N_("Noon shadow length through the year: longest at the winter solstice.")


def _alt_missing_finding(activity: Activity, lang: str, cell_id: str) -> Finding:
    notebook = activity.notebooks[lang]
    alt_hint = ALT_EXAMPLE[lang]
    return warning(notebook.path, notebook.line_of(cell_id), "figure-alt-missing",
                   "this cell draws a figure but has no alternative text for screen readers; add a sentence saying "
                   f'what the figure shows as a cell option under the code-cell line, e.g. `:alt: "{alt_hint}"`')


#: What the last execution cost, per notebook (read by the benchmark): wall and kernel CPU seconds.
STATS_FILE = "execution-stats.json"


def _write_stats(path: Path, results: list[Result]) -> None:
    from sciedu.execute import warm_kernels

    rows = [{"name": r.job.name, "cached": r.cached, "failed": r.failure is not None,
             "seconds": round(r.seconds, 3), "kernel_cpu": round(r.kernel_cpu, 3)} for r in results]
    executed = [r for r in rows if not r["cached"]]
    summary = {"kernels": "warm" if warm_kernels() else "cold", "notebooks": len(rows), "executed": len(executed),
               "kernel_cpu": round(sum(r["kernel_cpu"] for r in executed), 3), "notebooks_detail": rows}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")


def _prepare_workdir(workdir: Path, activity: Activity) -> Path:
    """The folder a notebook is shipped from (nbval, ``sciedu lab``): the notebook plus a copy of ``assets/``."""
    workdir.mkdir(parents=True, exist_ok=True)
    boundary.copy_assets(activity, workdir)
    return workdir


def _failure_finding(activity: Activity, lang: str, variant: str, result: Result) -> Finding:
    failure = result.failure
    assert failure is not None
    notebook = activity.notebooks[lang]
    line = failure_line(activity, lang, result)
    if failure.kind == "timeout":
        return error(notebook.path, line, "cell-timeout", failure.message)
    if variant == "student":
        return error(notebook.path, line, "student-notebook-fails",
                     f"this cell fails in the student notebook (solutions removed): {failure.message}; "
                     "a cell may not use names that only a solution defines")
    hint = " (tag the cell 'raises-exception' if the error is intended)" if failure.kind == "error" else ""
    return error(notebook.path, line, "cell-error", f"{failure.message}{hint}")


def failure_line(activity: Activity, lang: str, result: Result) -> int:
    """The source line that failed: the traceback's line within the cell, mapped back to zh.md/en.md.

    Without a traceback (a timeout, a dead kernel, or a ``Failure`` that carries none) it is the cell's
    first line.
    """
    failure = result.failure
    assert failure is not None
    notebook = activity.notebooks[lang]
    traceback = getattr(failure, "traceback", "") or ""
    if not traceback or not failure.cell_id:
        return notebook.line_of(failure.cell_id)
    ran = nbformat.reads(result.job.notebook_text, as_version=4)
    executed = next((c.source for c in ran.cells if c.get("id") == failure.cell_id), "")
    return locate.failure_line(notebook, failure.cell_id, executed, traceback)
