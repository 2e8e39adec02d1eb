"""Run notebooks in real Jupyter kernels (nbclient), in parallel, cached by content hash.

An unchanged notebook (same text, same assets, same settings) is never executed again: its executed
copy comes from ``build/cache/``. A failing cell becomes a result naming the cell, never an exception.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import subprocess
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import nbformat

from sciedu import __version__
from sciedu.exporters import dumps

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# The kit's source is part of every cache key: what the kit displays (e.g. its live specs) ends up in outputs.
KIT_DIGEST = hashlib.sha256(b"".join(p.read_bytes() for p in sorted((Path(__file__).parent / "kit").glob("*.py")))).hexdigest()
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@dataclass(frozen=True)
class Job:
    """One notebook to execute: its text, the folder it runs in, its per-cell timeout."""

    name: str
    notebook_text: str
    workdir: Path
    timeout: int
    asset_digest: str = ""

    @property
    def cache_key(self) -> str:
        h = hashlib.sha256()
        for part in (__version__, KIT_DIGEST, str(self.timeout), self.asset_digest, self.notebook_text):
            h.update(part.encode())
            h.update(b"\0")
        return h.hexdigest()


@dataclass(frozen=True)
class Failure:
    cell_id: str
    kind: str  # "error" | "timeout" | "kernel"
    message: str


@dataclass(frozen=True)
class Result:
    job: Job
    notebook_text: str | None
    failure: Failure | None
    cached: bool
    seconds: float


def digest_files(paths: Sequence[Path], root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(str(path.relative_to(root)).encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def execute_all(jobs: Sequence[Job], cache_dir: Path, workers: int | None = None,
                progress: Callable[[Result, int, int], None] | None = None) -> list[Result]:
    """Cached results first, then the rest in parallel kernels. Results come back in ``jobs`` order."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    results: dict[int, Result] = {}
    pending: list[int] = []
    for index, job in enumerate(jobs):
        cached = cache_dir / f"{job.cache_key}.ipynb"
        if cached.is_file():
            results[index] = Result(job, cached.read_text(encoding="utf-8"), None, cached=True, seconds=0.0)
        else:
            pending.append(index)
    done = len(results)
    if progress:
        for index in sorted(results):
            progress(results[index], sorted(results).index(index) + 1, len(jobs))
    if pending:
        workers = max(1, min(workers or os.cpu_count() or 1, len(pending)))
        context = get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                                 initargs=(context.Lock(),)) as pool:
            futures = {pool.submit(execute_one, jobs[i]): i for i in pending}
            for future in as_completed(futures):
                index = futures[future]
                result = future.result()
                if result.failure is None and result.notebook_text is not None:
                    _write_atomic(cache_dir / f"{result.job.cache_key}.ipynb", result.notebook_text)
                results[index] = result
                done += 1
                if progress:
                    progress(result, done, len(jobs))
    return [results[i] for i in range(len(jobs))]


def execute_one(job: Job, attempts: int = 3) -> Result:
    """Execute in a fresh kernel; runs in a worker process.

    A kernel that dies before running any cell is restarted (up to ``attempts`` times): on a loaded
    machine two kernels starting at once can race for the same port.
    """
    start = time.perf_counter()
    for _ in range(attempts):
        nb, failure, started = _run(job)
        if failure is None or failure.kind != "kernel" or started:
            break
    seconds = time.perf_counter() - start
    if failure:
        return Result(job, None, failure, cached=False, seconds=seconds)
    return Result(job, dumps(finalize(nb, job.cache_key)), None, cached=False, seconds=seconds)


#: Held while a worker starts a kernel, until the kernel answers: kernels started at the same moment by
#: parallel workers could otherwise pick the same free TCP port, and the loser dies at start.
_STARTUP_LOCK: Any = None


def _init_worker(lock: Any) -> None:
    global _STARTUP_LOCK  # noqa: PLW0603 (one per worker process, set once)
    _STARTUP_LOCK = lock
    from sciedu.lifeline import die_with_parent

    die_with_parent()  # a killed build leaves no worker (and so no kernel) behind


def _start_kernel(client: Any) -> None:
    """Start the client's kernel and wait until it answers, one worker at a time."""
    with _STARTUP_LOCK if _STARTUP_LOCK is not None else contextlib.nullcontext():
        client.create_kernel_manager()
        # The kernel's own log (e.g. ipykernel's TCP notice) is noise here; cell output arrives over iopub.
        client.start_new_kernel(stderr=subprocess.DEVNULL)
        client.start_new_kernel_client()


def _run(job: Job) -> tuple[nbformat.NotebookNode, Failure | None, bool]:
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb = nbformat.reads(job.notebook_text, as_version=4)
    current: dict[str, str] = {"id": ""}

    def on_cell_start(cell: nbformat.NotebookNode, cell_index: int) -> None:
        current["id"] = cell.get("id", "")

    client = NotebookClient(
        nb,
        timeout=job.timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(job.workdir)}},
        record_timing=False,
        store_widget_state=True,
        on_cell_start=on_cell_start,
    )
    try:
        _start_kernel(client)
    except RuntimeError as exc:  # "Kernel died before replying to kernel_info", or no reply in time
        return nb, Failure("", "kernel", f"the kernel did not start: {exc}"), False
    failure = None
    try:
        client.execute()
    except CellTimeoutError:
        failure = Failure(current["id"], "timeout", f"the cell did not finish within {job.timeout} s (the per-cell timeout)")
    except CellExecutionError as exc:
        failure = Failure(current["id"], "error", f"{exc.ename}: {exc.evalue}".strip())
    except (DeadKernelError, RuntimeError) as exc:
        failure = Failure(current["id"], "kernel", f"the kernel died: {exc}")
    return nb, failure, bool(current["id"])


def finalize(nb: nbformat.NotebookNode, seed: str) -> nbformat.NotebookNode:
    """Make an executed notebook reproducible: stable widget ids; widget cells marked for nbval."""
    for cell in nb.cells:
        if cell.cell_type == "code" and any(WIDGET_VIEW in out.get("data", {}) for out in cell.outputs):
            tags = cell.metadata.setdefault("tags", [])
            if "nbval-ignore-output" not in tags:
                tags.append("nbval-ignore-output")
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    if not state:
        return nb
    text = json.dumps(nb)
    for index, model_id in enumerate(list(state)):
        stable = hashlib.sha256(f"{seed}:{index}".encode()).hexdigest()[:32]
        text = re.sub(re.escape(model_id), stable, text)
    return nbformat.from_dict(json.loads(text))


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
