"""Warm (forked) kernels: each notebook in a clean namespace, the same outputs as a plain kernel, and a
Markdown-only edit that executes nothing. Real kernels, real nbclient, the real CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from conftest import LIBRARY, run_cli
from sciedu import exporters, sources
from sciedu.execute import Job, execute_all, finalize, join_text

pytestmark = pytest.mark.slow


def _job(name: str, nb: nbformat.NotebookNode, workdir: Path) -> Job:
    nb.metadata.setdefault("kernelspec", {"name": "python3", "display_name": "Python 3", "language": "python"})
    workdir.mkdir(parents=True, exist_ok=True)
    return Job(name, exporters.dumps(nb), workdir, 60)


def _stdout(nb_text: str) -> list[str]:
    nb = nbformat.reads(nb_text, as_version=4)
    return ["".join(o.get("text", "")) for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def test_one_notebook_cannot_see_another_ones_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCIEDU_KERNELS", raising=False)
    a = new_notebook(cells=[new_code_cell(
        "import os, numpy, matplotlib.pyplot as plt\nleak = 42\nnumpy.leak_attribute = 1\nplt.figure()\n"
        "os.environ['SCIEDU_LEAK'] = '1'\nprint(os.getpid())")])
    b = new_notebook(cells=[new_code_cell(
        "import os, sys, numpy, matplotlib.pyplot as plt\n"
        "print('leak' in dir(), hasattr(numpy, 'leak_attribute'), plt.get_fignums(), 'SCIEDU_LEAK' in os.environ)\n"
        "print(os.getcwd() == sys.path[0] == os.path.realpath('.'), 'numpy' in sys.modules)\n"
        "print(os.getpid())")])
    results = execute_all([_job("a", a, tmp_path / "a"), _job("b", b, tmp_path / "b")], tmp_path / "cache", workers=1)
    assert [r.failure for r in results] == [None, None]
    assert all(r.kernel_cpu > 0 for r in results)
    out_a, out_b = _stdout(results[0].notebook_text), _stdout(results[1].notebook_text)
    lines = out_b[0].splitlines()
    assert lines[0] == "False False [] False"  # nothing of notebook a: variables, module attributes, figures, env
    assert lines[1] == "True True"  # runs in its own folder; the stack was imported by the warm parent
    assert lines[2] != out_a[0].strip()  # a different process


def test_forked_kernel_gives_the_notebook_a_plain_kernel_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture's teacher notebook (pint, widgets, variants, a figure-free kit) executed both ways."""
    monkeypatch.delenv("SCIEDU_KERNELS", raising=False)
    folder = tmp_path / "physics" / "tiny-speed"
    shutil.copytree(LIBRARY / "physics" / "tiny-speed", folder)
    activity, findings = sources.load_activity(folder)
    assert activity is not None and not findings
    nb = exporters.export(activity, "en", "teacher")
    nb.cells.append(new_code_cell(
        "import numpy as np, matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(3, 2))\n"
        "ax.plot(np.arange(5), np.arange(5) ** 2)\nax.set_title('t')\nplt.show()"))
    job = _job("tiny", nb, tmp_path / "run")
    warm = execute_all([job], tmp_path / "cache", workers=1)[0]
    assert warm.failure is None and warm.notebook_text is not None

    plain_nb = nbformat.reads(job.notebook_text, as_version=4)  # standard python3 kernel, plain nbclient
    NotebookClient(plain_nb, timeout=60, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(job.workdir)}}).execute()
    plain = join_text(job.notebook_text, exporters.dumps(finalize(plain_nb, job.cache_key)))
    assert any("image/" in line for line in warm.notebook_text.splitlines())  # the figure is there
    assert warm.notebook_text == plain


def test_markdown_only_edit_starts_no_kernel(built_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(built_project, project, symlinks=True)
    source = project / "activities" / "physics" / "tiny-speed" / "en.md"
    source.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "\n\n+++\n\nA sentence added later.\n", encoding="utf-8")
    proc = run_cli("build", cwd=project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    progress = [line for line in proc.stderr.splitlines() if line.strip().startswith("[")]
    assert len(progress) == 4
    assert all("(cached)" in line for line in progress), progress  # 0 kernels started
    for variant in ("student", "teacher"):
        built = project / "build" / "notebooks" / "en" / variant / "physics" / "tiny-speed" / "tiny-speed.ipynb"
        nb = nbformat.read(built, as_version=4)
        assert nb.cells[-1].source == "A sentence added later."
        assert any(o.get("text", "").startswith("speed = 0.50 m/s") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    page = project / "build" / "site" / "en" / "activities" / "physics" / "tiny-speed" / "index.html"
    assert "A sentence added later." in page.read_text(encoding="utf-8")
