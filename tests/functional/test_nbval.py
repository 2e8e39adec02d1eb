"""nbval re-executes the generated notebooks; a stored output that no longer matches must fail."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

SANITIZE = Path(__file__).parents[1] / "nbval_sanitize.cfg"


def _nbval(notebook: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
                           "--nbval-sanitize-with", str(SANITIZE), str(notebook)],
                          cwd=notebook.parent, capture_output=True, text=True, check=False, timeout=300)


def test_generated_notebook_passes_and_a_changed_output_fails(built_project: Path, tmp_path: Path) -> None:
    source = built_project / "build" / "notebooks" / "en" / "teacher" / "physics" / "tiny-speed"
    folder = tmp_path / "nb"
    shutil.copytree(source, folder)
    notebook = folder / "tiny-speed.ipynb"
    passing = _nbval(notebook)
    assert passing.returncode == 0, passing.stdout
    assert "passed" in passing.stdout

    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            if output.get("name") == "stdout" and "speed = 0.50 m/s" in "".join(output["text"]):
                output["text"] = ["speed = 0.55 m/s\n"]
    notebook.write_text(json.dumps(nb), encoding="utf-8")
    failing = _nbval(notebook)
    assert failing.returncode == 1, failing.stdout
    assert "0.55" in failing.stdout and "failed" in failing.stdout
