"""Child processes die with their parent, so a killed build leaves nothing running behind it.

On Linux a process can ask the kernel to send it SIGKILL when its parent dies (``prctl(PR_SET_PDEATHSIG)``).
The execution workers do so when they start; a worker's Jupyter kernel then sees its parent change and
exits within a second (ipykernel's parent poller, fed ``JPY_PARENT_PID`` by jupyter_client). mkdocs runs
through ``python -m sciedu.lifeline mkdocs ...``, which does the same before it runs mkdocs.
Elsewhere (macOS, Windows) these are no-ops.
"""

from __future__ import annotations

import ctypes
import os
import runpy
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """SIGKILL this process when its parent dies; exit now if ``parent`` (the expected parent) is gone already.

    In a multiprocessing worker the expected parent is known without asking: a worker that was still
    starting when the build was killed exits here instead of running on.
    """
    if not sys.platform.startswith("linux"):
        return
    if parent is None:
        import multiprocessing

        creator = multiprocessing.parent_process()
        parent = creator.pid if creator is not None else None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if parent is not None and os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def main(argv: list[str]) -> None:
    """``python -m sciedu.lifeline MODULE ARGS...``: run ``python -m MODULE ARGS...`` tied to this parent."""
    parent = int(os.environ.get("SCIEDU_PARENT_PID", "0")) or None
    die_with_parent(parent)
    sys.argv = argv
    runpy.run_module(argv[0], run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
