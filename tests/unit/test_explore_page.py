"""An interact with precomputed states on the page: real controls, the initial state shown, the rest in a
script file; the row-major order matches itertools.product in the kernel."""

from __future__ import annotations

import itertools
import json

import nbformat

from sciedu.kit.states import STATES_KEY
from sciedu.site import explore, markdown

SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>{}</text></svg>'


def _spec() -> dict:
    controls = [
        {"kind": "range", "label": "day", "name": "day", "values": [1, 2, 3], "labels": ["1", "2", "3"], "initial": 1},
        {"kind": "select", "label": "city", "name": "city", "values": [0, 1], "labels": ["北京", "三亚"], "initial": 0},
        {"kind": "checkbox", "label": "grid", "name": "grid", "values": [False, True], "labels": ["✗", "✓"], "initial": 1},
    ]
    blobs, states = [], []
    for day, city, grid in itertools.product([1, 2, 3], [0, 1], [False, True]):
        blobs.append({"mime": "image/svg+xml", "data": SVG.format(f"{day}-{city}-{grid}")})
        states.append([len(blobs) - 1])
    return {"controls": controls, "states": states, "blobs": blobs}


def _notebook(spec: dict) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("interact(draw, ...)")
    cell["id"] = "c1"
    cell.metadata["alt"] = "影子的图"
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/plain": "interactive()",
                    markdown.WIDGET_VIEW: {"model_id": "m1", "version_major": 2, "version_minor": 0}})]
    nb = nbformat.v4.new_notebook(cells=[cell])
    nb.metadata[STATES_KEY] = {"c1": spec}
    return nb


def test_the_page_has_enabled_controls_and_the_initial_state() -> None:
    page = markdown.convert(_notebook(_spec()), "zh")
    text = page.markdown
    assert 'class="sciedu-widget sciedu-explore"' in text and "disabled" not in text
    assert 'type="range"' in text and 'max="2"' in text and 'value="1"' in text and 'aria-valuetext="2"' in text
    assert '<option value="0" selected>北京</option><option value="1">三亚</option>' in text
    assert 'type="checkbox"' in text and " checked>" in text
    # initial state: day index 1 (day 2), Beijing, grid on → the state of (2, 0, True)
    [initial] = [data for path, data in page.files.items() if path.endswith("-s0.svg")]
    assert initial.decode() == SVG.format("2-0-True")
    assert "![影子的图](figures/c1-0-s0.svg)" in text


def test_the_states_file_sets_the_states_by_widget_name() -> None:
    page = markdown.convert(_notebook(_spec()), "en")
    [(path, data)] = [(p, d) for p, d in page.files.items() if p.endswith("-states.js")]
    prefix = '(window.SCIEDU_STATES=window.SCIEDU_STATES||{})["c1-0"]='
    text = data.decode()
    assert path == "figures/c1-0-states.js" and text.startswith(prefix)
    states = json.loads(text.removeprefix(prefix).rstrip().removesuffix(";"))
    assert states["sizes"] == [3, 2, 2] and states["labels"][1] == ["北京", "三亚"]
    # the browser's row-major index picks the state itertools.product made
    assert states["blobs"][states["states"][explore._index([2, 1, 0], _spec()["controls"])][0]] == ["svg", SVG.format("3-1-False")]


def test_a_static_spec_keeps_the_frozen_view() -> None:
    page = markdown.convert(_notebook({"static": "1460 combinations, more than the budget of 200"}), "en")
    assert "sciedu-explore" not in page.markdown


def test_html_blobs_are_sanitised_for_the_page() -> None:
    assert explore._page_blob({"mime": "text/html", "data": "<b>ok</b><script>alert(1)</script>"}) == ["html", "<b>ok</b>"]
    assert explore._page_blob({"mime": "image/png", "data": "iVBOR\n"}) == ["img", "data:image/png;base64,iVBOR"]


def _executed_with_capture(capture_outputs: list) -> nbformat.NotebookNode:
    from sciedu.execute import CAPTURE_CELL_ID, WIDGET_VIEW

    cell = nbformat.v4.new_code_cell("interact(draw, day=IntSlider(1, 1, 3))")
    cell["id"] = "c1"
    cell.outputs = [nbformat.v4.new_output("display_data", data={WIDGET_VIEW: {"model_id": "m1"}})]
    capture = nbformat.v4.new_code_cell("capture()")
    capture["id"] = CAPTURE_CELL_ID
    capture.outputs = capture_outputs
    return nbformat.v4.new_notebook(cells=[cell, capture])


def test_a_capture_that_timed_out_leaves_a_static_reason_not_silence() -> None:
    from sciedu.execute import take_states

    nb = take_states(_executed_with_capture([]), failed="the cell did not finish within 60 s (the per-cell timeout)")
    assert [cell.id for cell in nb.cells] == ["c1"]
    reason = nb.metadata[STATES_KEY]["c1"]["static"]
    assert "did not finish within 60 s" in reason and "execution.timeout" in reason


def test_a_capture_that_worked_keeps_its_states() -> None:
    from sciedu.execute import take_states
    from sciedu.kit.states import STATES_MIME

    found = nbformat.v4.new_output("display_data", data={STATES_MIME: {"m1": _spec()}})
    nb = take_states(_executed_with_capture([found]))
    assert explore.is_live(nb.metadata[STATES_KEY]["c1"])
    assert take_states(_executed_with_capture([])).metadata.get(STATES_KEY) is None  # no failure: nothing invented


def test_markdown_from_a_callback_is_html_on_the_page() -> None:
    assert explore._page_blob({"mime": "text/markdown", "data": "**亮**：灯泡发光"}) == ["html", "<p><strong>亮</strong>：灯泡发光</p>"]


def test_a_selection_slider_stays_a_slider_and_a_dropdown_a_list_box() -> None:
    import ipywidgets as w

    from sciedu.kit.states import control_axis

    slider = control_axis(w.SelectionSlider(options=[("冬至", -23.44), ("春分", 0.0), ("夏至", 23.44)], value=0.0, description="节气"))
    assert slider["kind"] == "range" and slider["labels"] == ["冬至", "春分", "夏至"]
    assert slider["python"] == [-23.44, 0.0, 23.44] and slider["initial"] == 1
    page = explore._control(slider, 0, "w")  # noqa: SLF001 -- one control as the page shows it
    assert 'type="range"' in page and 'max="2"' in page and 'aria-valuetext="春分"' in page
    assert control_axis(w.Dropdown(options=["a", "b"]))["kind"] == "select"
