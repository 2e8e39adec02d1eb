"""Shared fixtures: a throw-away project built from tests/data/library, and the CLI as a real process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
LIBRARY = DATA / "library"

# nbval (run with --nbval over build/notebooks) must not collect the fixture notebooks.
collect_ignore_glob = ["data/*"]


def make_project(root: Path, library: Path = LIBRARY) -> Path:
    """A project folder like the repo's: mkdocs.yml, site/ and a copy of ``library`` as activities/."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "site", root / "site")
    shutil.copytree(REPO / "curriculum", root / "curriculum")
    shutil.copytree(library, root / "activities")
    return root


def run_cli(*args: str, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``sciedu ARGS`` in a real process; a traceback in its output always fails the test."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.run([sys.executable, "-m", "sciedu", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=env, check=False)
    assert "Traceback (most recent call last)" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    return proc


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture library, built once per test process."""
    root = make_project(tmp_path_factory.mktemp("built") / "project")
    proc = run_cli("build", cwd=root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root


@pytest.fixture
def activity_with(tmp_path: Path):
    """The fixture activity with one text replacement in its activity.yaml, loaded cleanly."""

    def make(old: str = "", new: str = ""):
        folder = tmp_path / "physics" / "tiny-speed"
        shutil.copytree(LIBRARY / "physics" / "tiny-speed", folder, dirs_exist_ok=True)
        path = folder / "activity.yaml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        from sciedu import sources

        activity, findings = sources.load_activity(folder)
        assert findings == [], findings
        return activity

    return make
