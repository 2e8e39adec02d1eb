"""Locating parts of cells in the MyST files, and a runtime error at the line that failed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sciedu import exporters, locate, sources

LIBRARY = Path(__file__).parents[1] / "data" / "library"

# IPython 9's traceback of `x = 1 / 0` on the second line of a cell, as nbclient reports it (with colours).
IPYTHON_TRACEBACK = (
    "An error occurred while executing the following cell:\n------------------\nCell In[9], line 7\n------------------\n\n\n"
    "\x1b[31mZeroDivisionError\x1b[39m   Traceback (most recent call last)\n"
    "\x1b[36mCell\x1b[39m\x1b[36m \x1b[39m\x1b[32mIn[2]\x1b[39m\x1b[32m, line 2\x1b[39m\n\x1b[32m----> \x1b[39m\x1b[32m2\x1b[39m f()\n\n"
    "\x1b[36mCell\x1b[39m\x1b[36m \x1b[39m\x1b[32mIn[1]\x1b[39m\x1b[32m, line 5\x1b[39m, in \x1b[36mf\x1b[39m\n"
)


def test_traceback_line_is_the_failing_cells_own_frame() -> None:
    assert locate.traceback_line(IPYTHON_TRACEBACK) == 2
    assert locate.traceback_line(["  Cell In[4], line 3\n    y = (\n         ^\n", "SyntaxError: incomplete input"]) == 3
    assert locate.traceback_line("Input In [3], in <cell line: 4>()\n") == 4
    assert locate.traceback_line("no frame here") is None


def test_matching_line_skips_removed_marker_lines() -> None:
    original = "a = 1\n### BEGIN SOLUTION\nb = a / 0\n### END SOLUTION\nprint(b)"
    stripped = "a = 1\nb = a / 0\nprint(b)"
    assert [locate.matching_line(original, stripped, i) for i in range(3)] == [0, 2, 4]
    assert locate.matching_line(original, "a = 1\n# ✏️ Write your code here\nprint(b)", 1) is None


def test_source_line_of_a_cell_with_options() -> None:
    notebook = sources.read_notebook(LIBRARY / "physics" / "tiny-speed" / "en.md", "en", "physics/tiny-speed")
    lines = (LIBRARY / "physics" / "tiny-speed" / "en.md").read_text(encoding="utf-8").splitlines()
    solution = next(c for c in notebook.nb.cells if c.cell_type == "code" and "solution" in c.metadata["tags"])
    for index, text in enumerate(solution.source.splitlines()):
        assert lines[locate.source_line(notebook, solution, index) - 1] == text
    assert locate.source_line(notebook, solution, 99) == notebook.line_of(solution.id)


@pytest.mark.slow
def test_runtime_error_in_a_teacher_solution_points_at_its_line(tmp_path: Path) -> None:
    """Real kernel, real traceback: a solution line fails in the teacher notebook (markers stripped)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    folder = tmp_path / "physics" / "tiny-speed"
    shutil.copytree(LIBRARY / "physics" / "tiny-speed", folder)
    en = folder / "en.md"
    failing = "secret_answer_line = distance_m / (given - 5.0)"
    en.write_text(en.read_text(encoding="utf-8").replace("secret_answer_line = distance_m / given", failing), encoding="utf-8")
    activity, findings = sources.load_activity(folder)
    assert findings == [] and activity is not None
    nb = exporters.export(activity, "en", "teacher")
    with pytest.raises(CellExecutionError) as caught:
        NotebookClient(nb, kernel_name="python3", timeout=60, resources={"metadata": {"path": str(tmp_path)}}).execute()
    failed = next(c for c in nb.cells if c.cell_type == "code" and c.outputs and c.outputs[-1].get("output_type") == "error")
    line = locate.failure_line(activity.notebooks["en"], failed.id, failed.source, caught.value.traceback)
    assert en.read_text(encoding="utf-8").splitlines()[line - 1] == failing
    assert line != activity.notebooks["en"].line_of(failed.id)
