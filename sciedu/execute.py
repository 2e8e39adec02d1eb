"""Run notebooks in real Jupyter kernels (nbclient), in parallel, cached by what can change their outputs.

The cache key covers only what the kernel can see: the code cells in order with the tags that change how
nbclient runs them, the kernel name, the assets, the timeout and the versions of sciedu, Python and the
scientific stack. A notebook whose only change is Markdown (or cell metadata that execution ignores) is
never executed again: its fresh text is joined with the cached outputs (:func:`join`).

Kernels are forked from a warm parent that has already imported the scientific stack (see
``sciedu.kernels``); ``SCIEDU_KERNELS=cold`` starts every kernel the ordinary way instead (the benchmark's
"before"). A failing cell becomes a result naming the cell, never an exception.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import nbformat

from sciedu import __version__
from sciedu.kit.lang import catalogue_files
from sciedu.kit.states import STATES_KEY
from sciedu.exporters import dumps
from sciedu.mime import WIDGET_STATE, WIDGET_VIEW

# The kit's source is part of every cache key: what the kit displays (e.g. its live specs) ends up in outputs.
KIT_DIGEST = hashlib.sha256(b"".join(p.read_bytes() for p in sorted((Path(__file__).parent / "kit").glob("*.py")))).hexdigest()


def kit_digest() -> str:
    """The kit's source and every kit catalogue it would read now (its own, and a project's compiled ones): what
    the kit says to students is in the outputs too."""
    h = hashlib.sha256(KIT_DIGEST.encode())
    for name, mo in sorted(catalogue_files().items()):
        h.update(name.encode())
        h.update(mo.read_bytes())
    return h.hexdigest()
#: Cell tags that change what nbclient does with a code cell (the others only matter to pages and nbval).
EXECUTION_TAGS = frozenset({"raises-exception", "skip-execution"})
#: Notebook metadata that execution adds; everything else comes from the fresh notebook.
EXECUTION_METADATA = ("language_info", "widgets", STATES_KEY)
CAPTURE_CELL_ID = "sciedu-capture-states"
CAPTURE_SOURCE = "from sciedu.kit.states import capture as _sciedu_capture\n_sciedu_capture()"
#: Packages whose version can change an output: the kernel, the stack the notebooks import, nbclient.
STACK = ("ipykernel", "ipython", "jupyter_client", "nbclient", "numpy", "matplotlib", "matplotlib-inline",
         "pint", "sympy", "ipywidgets")


@dataclass(frozen=True)
class Job:
    """One notebook to execute: its text, the folder it runs in, its per-cell timeout."""

    name: str
    notebook_text: str
    workdir: Path
    timeout: int
    asset_digest: str = ""
    explore: bool = False  # also precompute every state of the notebook's interact widgets (for the web page)

    @functools.cached_property
    def cache_key(self) -> str:
        h = hashlib.sha256()
        for part in (__version__, kit_digest(), stack_versions(), str(self.timeout), self.asset_digest, str(self.explore),
                     execution_text(_parse(self.notebook_text))):
            h.update(part.encode())
            h.update(b"\0")
        return h.hexdigest()


def execution_text(nb: nbformat.NotebookNode) -> str:
    """All of a notebook that its kernel can see: code cells in order, their execution tags, the kernel."""
    cells = [[cell.source, sorted(EXECUTION_TAGS & set(cell.metadata.get("tags", [])))]
             for cell in nb.cells if cell.cell_type == "code"]
    kernel = nb.metadata.get("kernelspec", {}).get("name", "")
    return json.dumps({"kernel": kernel, "cells": cells}, ensure_ascii=False, sort_keys=True)


@functools.cache
def stack_versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    def one(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "-"

    return " ".join([sys.version.split()[0], *(f"{name}={one(name)}" for name in STACK)])


@dataclass(frozen=True)
class Failure:
    cell_id: str
    kind: str  # "error" | "timeout" | "kernel"
    message: str
    traceback: str = ""  # IPython's traceback of an "error": it names the failing line within the cell


@dataclass(frozen=True)
class Result:
    job: Job
    notebook_text: str | None
    failure: Failure | None
    cached: bool
    seconds: float
    kernel_cpu: float = 0.0  # CPU seconds of the kernel process(es), the warm parent's share included
    eta_seconds: float | None = None  # estimated time left for the whole batch, when known


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
            results[index] = Result(job, _from_cache(cached, job), None, cached=True, seconds=0.0)
        else:
            pending.append(index)
    done = len(results)
    if progress:
        for position, index in enumerate(sorted(results), start=1):
            progress(results[index], position, len(jobs))
    if pending:
        workers = max(1, min(workers or os.cpu_count() or 1, len(pending)))
        started, executed = time.perf_counter(), 0
        context = get_context("spawn")
        with _warm_parent(warm_kernels()) as (fork_server, parent_cpu), ProcessPoolExecutor(
                max_workers=workers, mp_context=context, initializer=_init_worker,
                initargs=(context.Lock(), fork_server)) as pool:
            futures = {pool.submit(execute_one, jobs[i]): i for i in pending}
            for future in as_completed(futures):
                index = futures[future]
                result = future.result()
                if result.failure is None and result.notebook_text is not None:
                    _to_cache(cache_dir / f"{result.job.cache_key}.ipynb", result.job, result.notebook_text)
                executed += 1
                left = len(pending) - executed
                eta = (time.perf_counter() - started) / executed * left  # the workers' observed throughput
                results[index] = dataclasses.replace(result, eta_seconds=eta)
                result = results[index]
                done += 1
                if progress:
                    progress(result, done, len(jobs))
        share = sum(parent_cpu) / len(pending)  # the warm parent's imports, shared by what it served
        for index in pending:
            results[index] = dataclasses.replace(results[index], kernel_cpu=results[index].kernel_cpu + share)
    return [results[i] for i in range(len(jobs))]


def execute_one(job: Job, attempts: int = 3) -> Result:
    """Execute in a fresh kernel; runs in a worker process.

    A kernel that dies before running any cell is restarted (up to ``attempts`` times): on a loaded
    machine two kernels starting at once can race for the same port.
    """
    start = time.perf_counter()
    children = _children_cpu()  # kernels started the ordinary way are this worker's children
    cpu = 0.0
    for _ in range(attempts):
        nb, failure, started, forked_cpu = _run(job)
        cpu += forked_cpu
        if failure is None or failure.kind != "kernel" or started:
            break
    cpu += _children_cpu() - children
    seconds = time.perf_counter() - start
    if failure:
        return Result(job, None, failure, cached=False, seconds=seconds, kernel_cpu=cpu)
    executed = dumps(finalize(nb, job.cache_key))
    return Result(job, join_text(job.notebook_text, executed), None, cached=False, seconds=seconds, kernel_cpu=cpu)


def _children_cpu() -> float:
    """CPU seconds of this process's exited, waited-for children (0 where ``resource`` is missing)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def join(fresh: nbformat.NotebookNode, executed: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``fresh`` (its Markdown, tags and metadata) with the outputs of ``executed``, a run of the same code.

    The two must have the same code cells in the same order (the same :func:`execution_text`); the
    result is a new notebook, neither input is changed.
    """
    if execution_text(fresh) != execution_text(executed):
        msg = "join() needs two notebooks with the same code cells"
        raise ValueError(msg)
    nb = copy.deepcopy(fresh)
    ran = (cell for cell in executed.cells if cell.cell_type == "code")
    for cell in nb.cells:
        if cell.cell_type == "code":
            done = next(ran)
            cell.outputs = copy.deepcopy(done.outputs)
            cell.execution_count = done.execution_count
    for key in EXECUTION_METADATA:
        if key in executed.metadata:
            nb.metadata[key] = copy.deepcopy(executed.metadata[key])
    return mark_widget_cells(nb)


def join_text(fresh: str, executed: str) -> str:
    return dumps(join(_parse(fresh), _parse(executed)))


def _parse(text: str) -> nbformat.NotebookNode:
    """Our own notebook text (exporters.dumps), read without schema validation (it was valid when written)."""
    return nbformat.from_dict(json.loads(text))


def _from_cache(cached: Path, job: Job) -> str:
    """The cached executed notebook, joined with ``job``'s text unless it was written for exactly that text."""
    text = cached.read_text(encoding="utf-8")
    source = cached.with_suffix(".source")
    fresh = hashlib.sha256(job.notebook_text.encode()).hexdigest()
    if source.is_file() and source.read_text(encoding="utf-8") == fresh:
        return text
    joined = join_text(job.notebook_text, text)
    _to_cache(cached, job, joined)
    return joined


def _to_cache(path: Path, job: Job, executed: str) -> None:
    """``executed`` (``job``'s text with outputs) and, beside it, the hash of the text it was joined with."""
    source = path.with_suffix(".source")
    source.unlink(missing_ok=True)  # never a hash beside a notebook it does not describe, even after a crash
    _write_atomic(path, executed)
    _write_atomic(source, hashlib.sha256(job.notebook_text.encode()).hexdigest())


#: Kernels are forked from a warm parent unless ``SCIEDU_KERNELS=cold``.
KERNELS_ENV = "SCIEDU_KERNELS"


def warm_kernels() -> bool:
    """Fork kernels from a warm parent: on POSIX systems (fork, Unix sockets), unless turned off."""
    return os.name == "posix" and os.environ.get(KERNELS_ENV, "warm") != "cold"


@contextlib.contextmanager
def _warm_parent(enabled: bool) -> Iterator[tuple[str | None, list[float]]]:
    """The batch's fork server (its socket path), stopped at the end; its CPU seconds land in the list."""
    if not enabled:
        yield None, []
        return
    from sciedu.kernels import ForkServer

    folder = Path(tempfile.mkdtemp(prefix="sciedu-kernels-"))  # short: a socket path has ~100 bytes
    cpu: list[float] = []
    server = ForkServer.start(folder)
    try:
        yield server.path, cpu
    finally:
        cpu.append(server.stop())
        shutil.rmtree(folder, ignore_errors=True)


#: Held while a worker starts a kernel, until the kernel answers: kernels started at the same moment by
#: parallel workers could otherwise pick the same free TCP port, and the loser dies at start.
_STARTUP_LOCK: Any = None
#: The socket of the batch's warm parent, when kernels are forked (one per worker process, set once).
_FORK_SERVER_PATH: str | None = None


def _init_worker(lock: Any, fork_server: str | None = None) -> None:
    global _STARTUP_LOCK, _FORK_SERVER_PATH  # noqa: PLW0603 (one per worker process, set once)
    _STARTUP_LOCK = lock
    _FORK_SERVER_PATH = fork_server
    from sciedu.lifeline import die_with_parent

    die_with_parent()  # a killed build leaves no worker (and so no kernel) behind


def _start_kernel(client: Any) -> Any:
    """Start the client's kernel and wait until it answers, one worker at a time; return its provisioner."""
    with _STARTUP_LOCK if _STARTUP_LOCK is not None else contextlib.nullcontext():
        client.create_kernel_manager()
        provisioner = None
        if _FORK_SERVER_PATH is not None:
            from sciedu.kernels import ForkProvisioner, ForkServer

            provisioner = ForkProvisioner(kernel_id=str(uuid.uuid4()), kernel_spec=client.km.kernel_spec, parent=client.km)
            provisioner.server = ForkServer.at(_FORK_SERVER_PATH)
            client.km.provisioner = provisioner
        # The kernel's own log (e.g. ipykernel's TCP notice) is noise here; cell output arrives over iopub.
        client.start_new_kernel(stderr=subprocess.DEVNULL)
        client.start_new_kernel_client()
    return provisioner


def _forked_cpu(provisioner: Any) -> float:
    """CPU seconds of a forked kernel (0 for an ordinary kernel: the worker's own rusage counts those)."""
    return getattr(provisioner, "kernel_cpu", None) or 0.0


def _run(job: Job) -> tuple[nbformat.NotebookNode, Failure | None, bool, float]:
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb = nbformat.reads(job.notebook_text, as_version=4)
    capture = job.explore and any(cell.cell_type == "code" and "interact" in cell.source for cell in nb.cells)
    if capture:
        cell = nbformat.v4.new_code_cell(CAPTURE_SOURCE)
        cell["id"] = CAPTURE_CELL_ID
        nb.cells.append(cell)
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
        # the capture cell runs every interact callback up to 200 times: it gets ten cells' time
        timeout_func=lambda cell: job.timeout * 10 if cell is not None and cell.get("id") == CAPTURE_CELL_ID else job.timeout,
    )
    try:
        provisioner = _start_kernel(client)
    except RuntimeError as exc:  # "Kernel died before replying to kernel_info", or no reply in time
        provisioner = getattr(client.km, "provisioner", None)
        return nb, Failure("", "kernel", f"the kernel did not start: {exc}"), False, _forked_cpu(provisioner)
    failure = None
    try:
        client.execute()
    except CellTimeoutError:
        failure = Failure(current["id"], "timeout", f"the cell did not finish within {job.timeout} s (the per-cell timeout)")
    except CellExecutionError as exc:
        failure = Failure(current["id"], "error", f"{exc.ename}: {exc.evalue}".strip(), exc.traceback or "")
    except (DeadKernelError, RuntimeError) as exc:
        failure = Failure(current["id"], "kernel", f"the kernel died: {exc}")
    if capture:
        capture_failed = failure is not None and failure.cell_id == CAPTURE_CELL_ID
        nb = take_states(nb, failed=failure.message if failure is not None and capture_failed else "")
        if capture_failed:
            failure = None  # the page shows the frozen views, labelled static; the notebook itself ran
    return nb, failure, bool(current["id"]), _forked_cpu(provisioner)


def take_states(nb: nbformat.NotebookNode, failed: str = "") -> nbformat.NotebookNode:
    """The notebook without the capture cell, with what it found under ``metadata[STATES_KEY]`` by cell id.

    ``failed`` says why the capture cell itself failed (e.g. it timed out): each cell that calls ``interact``
    and got no states is then recorded as static with that reason, so the build warns instead of silently
    showing a frozen view.
    """
    from sciedu.kit.states import STATES_MIME

    last = nb.cells[-1] if nb.cells else None
    if last is None or last.get("id") != CAPTURE_CELL_ID:
        return nb
    nb.cells.pop()
    found: dict[str, object] = {}
    for output in last.get("outputs", []):
        found.update(output.get("data", {}).get(STATES_MIME, {}))
    by_cell = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else ():
            model_id = output.get("data", {}).get(WIDGET_VIEW, {}).get("model_id")
            if model_id in found:
                by_cell[cell.get("id", "")] = found[model_id]
    if failed:
        for cell in nb.cells:
            if cell.cell_type == "code" and "interact" in cell.source and cell.get("id", "") not in by_cell:
                by_cell[cell.get("id", "")] = {"static": f"computing its states failed: {failed}; raise execution.timeout "
                                                         "in activity.yaml or give the controls fewer values"}
    if by_cell:
        nb.metadata[STATES_KEY] = by_cell
    return nb


def mark_widget_cells(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Tag cells that show a widget ``nbval-ignore-output`` (a widget's view differs per run). In place."""
    for cell in nb.cells:
        if cell.cell_type == "code" and any(WIDGET_VIEW in out.get("data", {}) for out in cell.outputs):
            tags = cell.metadata.setdefault("tags", [])
            if "nbval-ignore-output" not in tags:
                tags.append("nbval-ignore-output")
    return nb


def finalize(nb: nbformat.NotebookNode, seed: str) -> nbformat.NotebookNode:
    """Make an executed notebook reproducible: stable widget ids; widget cells marked for nbval."""
    mark_widget_cells(nb)
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
