"""Figures: which cells draw one (directly or inside an interact's Output widget), their alt text on the page,
and the kit's SVG set-up."""

from __future__ import annotations

import matplotlib
import nbformat
import pytest

from sciedu.checks import figures
from sciedu.kit.figures import HASH_SALT, installed_cjk_fonts, sharp_figures
from sciedu.site import markdown

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'


def _notebook(*cells: nbformat.NotebookNode, state: dict | None = None) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"c{index}"
    if state is not None:
        nb.metadata["widgets"] = {figures.WIDGET_STATE: {"state": state, "version_major": 2, "version_minor": 0}}
    return nb


def _drawing_cell(alt: str | None = None) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("plt.plot([1, 2])")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"image/svg+xml": SVG, "text/plain": "<Figure>"})]
    if alt is not None:
        cell.metadata["alt"] = alt
    return cell


def _interact_cell(alt: str | None = None) -> tuple[nbformat.NotebookNode, dict]:
    cell = nbformat.v4.new_code_cell("interact(draw, day=(1, 365))")
    cell.outputs = [nbformat.v4.new_output("display_data", data={figures.WIDGET_VIEW: {"model_id": "box"}})]
    if alt is not None:
        cell.metadata["alt"] = alt
    state = {
        "box": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_slider", "IPY_MODEL_out"]}},
        "slider": {"model_name": "IntSliderModel", "state": {"value": 1}},
        "out": {"model_name": "OutputModel", "state": {"outputs": [
            {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}, "metadata": {}}]}},
    }
    return cell, state


def test_a_cell_with_an_image_output_draws_a_figure() -> None:
    nb = _notebook(nbformat.v4.new_code_cell("x = 1"), _drawing_cell())
    assert figures.cells_drawing_figures(nb) == ["c1"]
    assert figures.cells_missing_alt(nb) == ["c1"]


def test_an_interact_whose_output_widget_holds_a_figure_draws_one() -> None:
    cell, state = _interact_cell()
    nb = _notebook(cell, state=state)
    assert figures.cells_missing_alt(nb) == ["c0"]


def test_a_widget_without_images_draws_nothing() -> None:
    cell, state = _interact_cell()
    state["out"]["state"]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "12 m"}]
    assert figures.cells_drawing_figures(_notebook(cell, state=state)) == []


@pytest.mark.parametrize("alt", ["", "   ", None])
def test_blank_alt_counts_as_missing(alt: str | None) -> None:
    assert figures.cells_missing_alt(_notebook(_drawing_cell(alt))) == ["c0"]


def test_written_alt_is_the_image_text_on_the_page() -> None:
    nb = _notebook(_drawing_cell("正午影长随日期变化：冬至最长，\n夏至最短 [见表] <b>"))
    page = markdown.convert(nb, "zh")
    assert figures.cells_missing_alt(nb) == []
    assert "![正午影长随日期变化：冬至最长， 夏至最短 \\[见表\\] ‹b›](figures/c0-0.svg)" in page.markdown
    assert page.files["figures/c0-0.svg"] == SVG.encode()


def test_alt_reaches_the_figure_inside_a_widget() -> None:
    cell, state = _interact_cell("影长随日期变化的曲线")
    page = markdown.convert(_notebook(cell, state=state), "zh")
    assert "![影长随日期变化的曲线](" in page.markdown


def test_sharp_figures_sets_deterministic_svg_settings_outside_a_kernel() -> None:
    saved = matplotlib.rcParams.copy()
    try:
        sharp_figures(width=5, height=3)
        assert matplotlib.rcParams["svg.hashsalt"] == HASH_SALT
        assert tuple(matplotlib.rcParams["figure.figsize"]) == (5, 3)
        assert matplotlib.rcParams["font.family"] == ["DejaVu Sans", *installed_cjk_fonts()]
    finally:
        matplotlib.rcParams.update(saved)


def test_a_chinese_label_with_a_degree_sign_needs_no_missing_glyph(recwarn) -> None:
    """Glyph by glyph: ℃ and digits from DejaVu Sans, the Chinese from the CJK font; nothing is missing."""
    import io

    import matplotlib.pyplot as plt

    saved = matplotlib.rcParams.copy()
    try:
        sharp_figures()
        fig, ax = plt.subplots()
        ax.set_title("水温 20℃")
        out = io.StringIO()
        fig.savefig(out, format="svg")
        plt.close(fig)
    finally:
        matplotlib.rcParams.update(saved)
    assert "水温 20℃" in out.getvalue()
    assert not [w for w in recwarn if "missing from font" in str(w.message)]
