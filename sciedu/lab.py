"""``sciedu lab``: the JupyterLab command line for a class, as a pure function the CLI runs."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path


def lab_argv(folder: Path, extra: Sequence[str] = (), *, euid: int | None = None, python: str = sys.executable) -> list[str]:
    """``python -m jupyterlab --notebook-dir=FOLDER [--allow-root] EXTRA...``.

    JupyterLab refuses to start as root without ``--allow-root``; in a container or a classroom VM the
    teacher often is root, so it is added when the effective user id is 0 (unless already given).
    ``extra`` are JupyterLab's own options (``--port=8890``, ``--no-browser``, ...), passed through as given.
    """
    euid = _euid() if euid is None else euid
    root = ["--allow-root"] if euid == 0 and not any(a.split("=")[0] == "--allow-root" for a in extra) else []
    return [python, "-m", "jupyterlab", f"--notebook-dir={folder}", *root, *extra]


def _euid() -> int:
    return os.geteuid() if hasattr(os, "geteuid") else -1  # Windows has no root
