"""Every state of every ``interact`` in a notebook, computed in the kernel after the notebook has run, so the
web page can show real controls that swap precomputed outputs without a kernel.

``sciedu build`` appends one cell that calls :func:`capture` to the student notebook it executes, reads the
result (an output of type :data:`STATES_MIME`) and removes the cell again; the notebooks people download
never contain it. For each ``interactive`` widget the callback is called once for every combination of its
controls' values (a slider's steps, a dropdown's options, a checkbox's two values), in row-major order, and
what it displays is kept: figures, HTML, text. Identical outputs are stored once. A widget with more
combinations than the budget, or with a control that has no finite set of values (a text box), is reported
as static with the reason; the page then shows the frozen view, labelled as such.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from typing import Any

STATES_MIME = "application/vnd.sciedu.states+json"
#: The executed notebook's metadata key under which the build keeps the states, by cell id (never published).
STATES_KEY = "sciedu_states"
#: Combinations per widget that the build computes at most (the page's state file grows with it).
BUDGET = 200
#: Output types kept, best first: a figure as SVG or PNG, then HTML, then plain text.
KEPT = ("image/svg+xml", "image/png", "image/jpeg", "text/html", "text/markdown", "text/plain")


def capture(budget: int = BUDGET) -> None:
    """Display the states of every live ``interactive`` widget as one :data:`STATES_MIME` output."""
    from IPython.display import display
    from ipywidgets.widgets.interaction import interactive
    from ipywidgets.widgets.widget import _instances

    found = {model_id: widget_states(widget, budget) for model_id, widget in list(_instances.items())
             if isinstance(widget, interactive)}
    display({STATES_MIME: found}, raw=True)


def widget_states(widget: Any, budget: int = BUDGET) -> dict[str, Any]:
    """The controls of one ``interactive`` and the outputs of each combination of their values."""
    constants: dict[str, Any] = {}
    controls = []
    for control in widget.kwargs_widgets:
        axis = control_axis(control)
        if axis is None:
            return {"static": f"the control {_name(control)!r} ({type(control).__name__}) has no finite set of values"}
        if axis == "constant":
            constants[control._kwarg] = control.get_interact_value()  # noqa: SLF001 -- ipywidgets' own attribute
        else:
            controls.append((control, axis))
    count = math.prod(len(axis["values"]) for _, axis in controls)
    if count > budget:
        return {"static": f"{count} combinations, more than the budget of {budget}", "combinations": count}
    blobs: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    states = []
    for combination in itertools.product(*(axis["values"] for _, axis in controls)):
        kwargs = dict(constants)
        for (control, axis), value in zip(controls, combination, strict=True):
            kwargs[control._kwarg] = axis["python"][axis["values"].index(value)] if "python" in axis else value  # noqa: SLF001
        states.append([_blob(output, blobs, seen) for output in run_callback(widget, kwargs)])
    return {
        "controls": [{key: value for key, value in axis.items() if key != "python"} | {"name": control._kwarg}  # noqa: SLF001
                     for control, axis in controls],
        "states": states,
        "blobs": blobs,
    }


def control_axis(control: Any) -> dict[str, Any] | str | None:
    """How a control is shown and every value it can take; "constant" for ``fixed``; None when not finite."""
    import ipywidgets as w
    from ipywidgets.widgets.interaction import fixed

    label = _name(control)
    if isinstance(control, fixed):
        return "constant"
    if isinstance(control, w.IntSlider):
        values = list(range(control.min, control.max + 1, control.step or 1))
        return {"kind": "range", "label": label, "values": values, "labels": _readouts(control, values),
                "initial": _nearest(values, control.value)}
    if isinstance(control, w.FloatLogSlider):
        steps = round((control.max - control.min) / control.step) if control.step else 0
        values = [float(f"{control.base ** (control.min + k * control.step):.12g}") for k in range(steps + 1)]
        return {"kind": "range", "label": label, "values": values, "labels": _readouts(control, values),
                "initial": _nearest(values, control.value)}
    if isinstance(control, w.FloatSlider):
        steps = round((control.max - control.min) / control.step) if control.step else 0
        values = [float(f"{control.min + k * control.step:.12g}") for k in range(steps + 1)]
        return {"kind": "range", "label": label, "values": values, "labels": _readouts(control, values),
                "initial": _nearest(values, control.value)}
    if isinstance(control, (w.Dropdown, w.RadioButtons, w.ToggleButtons, w.Select, w.SelectionSlider)):
        labels = [str(label_) for label_ in control._options_labels]  # noqa: SLF001 -- the labels the widget shows
        indices = list(range(len(labels)))
        # a selection slider stays a slider on the page (its options in order); the others become a list box
        kind = "range" if isinstance(control, w.SelectionSlider) else "select"
        return {"kind": kind, "label": label, "values": indices, "labels": labels,
                "python": list(control._options_values), "initial": control.index or 0}  # noqa: SLF001
    if isinstance(control, (w.Checkbox, w.ToggleButton)):
        return {"kind": "checkbox", "label": label, "values": [False, True], "labels": ["✗", "✓"],
                "initial": int(bool(control.value))}
    return None


def run_callback(widget: Any, kwargs: dict[str, Any]) -> list[dict[str, str]]:
    """What the callback displays for these arguments: one {mime: data} per output, in order."""
    from IPython.display import display
    from IPython.utils.capture import capture_output
    from ipywidgets.widgets.interaction import show_inline_matplotlib_plots

    with capture_output(display=True) as captured:
        try:
            result = widget.f(**kwargs)
            show_inline_matplotlib_plots()
            if widget.auto_display and result is not None:
                display(result)
        except Exception as exc:  # noqa: BLE001 -- the page shows the error as the notebook would
            print(f"{type(exc).__name__}: {exc}")
    outputs = []
    for output in captured.outputs:
        kept = next((mime for mime in KEPT if mime in output.data), None)
        if kept is not None:
            outputs.append({kept: output.data[kept]})
    if captured.stdout:  # printed text comes after the figures (the capture cannot interleave the two)
        outputs.append({"text/plain": captured.stdout})
    return outputs


def _blob(output: dict[str, str], blobs: list[dict[str, str]], seen: dict[str, int]) -> int:
    [(mime, data)] = output.items()
    digest = hashlib.sha256(f"{mime}\0{data}".encode()).hexdigest()
    if digest not in seen:
        seen[digest] = len(blobs)
        blobs.append({"mime": mime, "data": data})
    return seen[digest]


def _readouts(control: Any, values: list[Any]) -> list[str]:
    """Each value as the slider's own readout shows it (its ``readout_format``)."""
    try:
        return [format(value, getattr(control, "readout_format", "") or "") for value in values]
    except (TypeError, ValueError):
        return [f"{value:g}" for value in values]


def _nearest(values: list[float], value: float) -> int:
    return min(range(len(values)), key=lambda index: abs(values[index] - value)) if values else 0


def _name(control: Any) -> str:
    return str(getattr(control, "description", "") or getattr(control, "_kwarg", ""))
