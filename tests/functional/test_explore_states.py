"""The build precomputes every state of an interact in the real kernel: the notebook on disk has no trace of it,
the page's states match what the callback draws for each value, and a widget over budget is a located
warning with a frozen view."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import make_project, run_cli

INTERACT = '''
```{{code-cell}} ipython3
{alt}
from ipywidgets import interact, IntSlider, Dropdown

def show(n, unit):
    print(n * 2, unit)

interact(show, n=IntSlider(min=0, max={top}, value=1, description="n"), unit=Dropdown(options=[("米", "m"), ("厘米", "cm")]));
```
'''


def _add(project: Path, top: int) -> None:
    for lang in ("zh", "en"):
        path = project / "activities" / "physics" / "tiny-speed" / f"{lang}.md"
        path.write_text(path.read_text(encoding="utf-8") + INTERACT.format(alt="", top=top), encoding="utf-8")


def test_states_are_precomputed_in_the_kernel_and_never_published_in_the_notebook(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    _add(project, top=4)
    proc = run_cli("build", cwd=project)
    assert proc.returncode == 0 and "widget-static" not in proc.stdout, proc.stdout + proc.stderr
    notebook = (project / "build" / "notebooks" / "zh" / "student" / "physics" / "tiny-speed" / "tiny-speed.ipynb").read_text(encoding="utf-8")
    assert "sciedu_states" not in notebook and "_sciedu_capture" not in notebook
    figures = project / "build" / "site" / "activities" / "physics" / "tiny-speed" / "figures"
    [text] = [p.read_text(encoding="utf-8") for p in figures.glob("*-states.js") if "厘米" in p.read_text(encoding="utf-8")]
    states = json.loads(text[text.index("=", text.index("]")) + 1:].rstrip().removesuffix(";"))
    assert states["sizes"] == [5, 2] and states["labels"] == [["0", "1", "2", "3", "4"], ["米", "厘米"]]
    shown = ["".join(states["blobs"][b][1] for b in state) for state in states["states"]]
    assert shown == [f"{n * 2} {unit}" for n in range(5) for unit in ("m", "cm")]  # printed text, final newline dropped
    page = (project / "build" / "site" / "activities" / "physics" / "tiny-speed" / "index.html").read_text(encoding="utf-8")
    assert page.count('class="sciedu-widget sciedu-explore"') == 2  # the fixture's own interact and this one
    assert "<option value=\"0\" selected>米</option>" in page and "2 m" in page  # the initial state (n = 1, 米)
    teacher = (project / "build" / "site" / "teacher" / "physics" / "tiny-speed" / "index.html").read_text(encoding="utf-8")
    assert teacher.count('class="sciedu-widget sciedu-explore"') == 2  # the same states, by cell id


def test_a_widget_over_budget_is_a_located_warning_and_stays_static(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    _add(project, top=150)  # 151 × 2 = 302 combinations
    proc = run_cli("build", cwd=project)
    assert proc.returncode == 0
    assert "warning widget-static: this interact cannot be made live on the web page (302 combinations" in proc.stdout
    page = (project / "build" / "site" / "activities" / "physics" / "tiny-speed" / "index.html").read_text(encoding="utf-8")
    assert page.count('class="sciedu-widget sciedu-explore"') == 1  # only the fixture's own small interact
    assert "厘米" in page and "sciedu-widget-note" in page  # the frozen view, labelled static
