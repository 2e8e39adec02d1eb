"""Each bad input: one located finding, exit 1, no traceback, and the previous site left intact."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import run_cli

ACTIVITY = Path("activities/physics/tiny-speed")


@pytest.fixture
def previous_site(built_project: Path, tmp_path: Path) -> Path:
    """A copy of the built project, so each case can break it without touching the others."""
    copy = tmp_path / "project"
    shutil.copytree(built_project, copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fails_with(project: Path, rule: str, file: str, line: int | None = None) -> str:
    index = project / "build" / "site" / "index.html"
    before = index.read_bytes()
    proc = run_cli("build", cwd=project)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    pattern = rf"^{re.escape(file)}:(\d+): error {re.escape(rule)}: .+$"
    matches = [m for m in (re.match(pattern, line) for line in proc.stdout.splitlines()) if m]
    assert matches, proc.stdout + proc.stderr
    if line is not None:
        assert int(matches[0].group(1)) == line, proc.stdout
    assert index.read_bytes() == before, "the previous site must be left intact"
    assert "previous site is untouched" in proc.stderr
    return proc.stdout


def test_malformed_yaml(previous_site: Path) -> None:
    _edit(previous_site / ACTIVITY / "activity.yaml", "duration: 20", "duration: [20")
    _fails_with(previous_site, "yaml-syntax", str(ACTIVITY / "activity.yaml"))


def test_unknown_metadata_key(previous_site: Path) -> None:
    _edit(previous_site / ACTIVITY / "activity.yaml", "duration: 20", "duration: 20\nsafty: []")
    line = (previous_site / ACTIVITY / "activity.yaml").read_text(encoding="utf-8").splitlines().index("safty: []") + 1
    out = _fails_with(previous_site, "metadata-unknown-key", str(ACTIVITY / "activity.yaml"), line=line)
    assert "did you mean 'safety'" in out


def test_missing_language_file(previous_site: Path) -> None:
    (previous_site / ACTIVITY / "en.md").unlink()
    out = _fails_with(previous_site, "language-missing", str(ACTIVITY / "activity.yaml"))
    assert "en.md" in out


def test_duplicate_activity_ids(previous_site: Path) -> None:
    twin = previous_site / "activities" / "chemistry" / "tiny-speed"
    shutil.copytree(previous_site / ACTIVITY, twin)
    _edit(twin / "activity.yaml", "subject: physics", "subject: chemistry")
    out = _fails_with(previous_site, "duplicate-id", str(ACTIVITY / "activity.yaml"))
    assert "activities/chemistry/tiny-speed/activity.yaml" in out


def test_cell_that_raises_without_the_tag(previous_site: Path) -> None:
    for lang in ("zh", "en"):  # the same code in both languages, or parity stops the check before execution
        _edit(previous_site / ACTIVITY / f"{lang}.md", 'time_s = 4.0\n', 'time_s = 4.0\nraise ValueError("broken on purpose")\n')
    en = previous_site / ACTIVITY / "en.md"
    lines = en.read_text(encoding="utf-8").splitlines()
    failing = 'raise ValueError("broken on purpose")'  # the failing line, not the cell's first line
    line = lines.index(failing) + 1
    out = _fails_with(previous_site, "cell-error", str(ACTIVITY / "en.md"), line=line)
    assert "ValueError: broken on purpose" in out
    assert "raises-exception" in out


def test_cell_that_never_ends(previous_site: Path) -> None:
    for lang in ("zh", "en"):
        _edit(previous_site / ACTIVITY / f"{lang}.md", 'time_s = 4.0\n', 'time_s = 4.0\nimport time\nwhile True:\n    time.sleep(0.1)\n')
    index = previous_site / "build" / "site" / "index.html"
    before = index.read_bytes()
    proc = run_cli("build", "--timeout", "3", cwd=previous_site)
    assert proc.returncode == 1
    assert re.search(rf"^{re.escape(str(ACTIVITY / 'en.md'))}:\d+: error cell-timeout: .*within 3 s", proc.stdout, re.M), proc.stdout
    assert index.read_bytes() == before


def test_tagged_exception_is_allowed(previous_site: Path) -> None:
    for lang in ("zh", "en"):
        path = previous_site / ACTIVITY / f"{lang}.md"
        _edit(path, "```{code-cell} ipython3\nimport ipywidgets", "```{code-cell} ipython3\n:tags: [raises-exception]\n\n1 / 0\n```\n\n```{code-cell} ipython3\nimport ipywidgets")
    proc = run_cli("check", cwd=previous_site)
    assert proc.returncode == 0, proc.stdout + proc.stderr
