"""Two builds from the same sources give byte-identical notebooks, even when both really execute."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import make_project, run_cli


def _notebooks(project: Path) -> dict[str, bytes]:
    root = project / "build" / "notebooks"
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.ipynb"))}


def test_two_fresh_executions_give_identical_notebooks(tmp_path: Path) -> None:
    first = make_project(tmp_path / "a")
    assert run_cli("check", cwd=first).returncode == 0
    one = _notebooks(first)
    shutil.rmtree(first / "build")  # no cache: the second run executes again
    assert run_cli("check", cwd=first).returncode == 0
    two = _notebooks(first)
    assert len(one) == 4
    assert one == two
