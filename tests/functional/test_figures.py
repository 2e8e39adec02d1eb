"""A figure drawn by a notebook: SVG that is byte-identical between two real executions, its author-written
alt text on the page, and a located warning for a figure cell without one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import make_project, run_cli

FIGURE_CELL = '''
```{{code-cell}} ipython3
{alt}
import matplotlib.pyplot as plt
from sciedu.kit import sharp_figures

sharp_figures()
fig, ax = plt.subplots()
ax.plot([0, 1, 2, 3], [0, 2, 4, 6], marker="o")
ax.set_xlabel("{label}")
plt.show()
```
'''


def _add_figure(project: Path, lang: str, *, alt: str, label: str) -> int:
    """Append a figure cell to the fixture activity's LANG file; return the line of its code-cell fence."""
    path = project / "activities" / "physics" / "tiny-speed" / f"{lang}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + FIGURE_CELL.format(alt=alt, label=label), encoding="utf-8")
    return len(text.splitlines()) + 2


def _figure_svg(project: Path, lang: str) -> str:
    nb = json.loads((project / "build" / "notebooks" / lang / "student" / "physics" / "tiny-speed" / "tiny-speed.ipynb").read_text(encoding="utf-8"))
    [svg] = [o["data"]["image/svg+xml"] for c in nb["cells"] for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {})]
    return svg if isinstance(svg, str) else "".join(svg)


def test_figures_are_deterministic_svg_with_alt_text_and_a_missing_alt_is_located(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    _add_figure(project, "zh", alt=':alt: "路程随时间均匀增加的直线：每秒 2 米。"', label="时间（秒）")
    en_line = _add_figure(project, "en", alt="", label="time (s)")

    proc = run_cli("build", cwd=project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"en.md:{en_line}: warning figure-alt-missing:" in proc.stdout, proc.stdout
    assert "zh.md" not in "".join(line for line in proc.stdout.splitlines() if "figure-alt-missing" in line)
    assert run_cli("check", "--strict", "--no-execute", cwd=project).returncode == 0  # known only after execution

    svg = _figure_svg(project, "zh")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "dc:date" not in svg
    page = (project / "build" / "site" / "activities" / "physics" / "tiny-speed" / "index.html").read_text(encoding="utf-8")
    assert 'alt="路程随时间均匀增加的直线：每秒 2 米。"' in page

    shutil.rmtree(project / "build")  # no cache: the second build really executes again
    assert run_cli("build", cwd=project).returncode == 0
    assert _figure_svg(project, "zh") == svg
