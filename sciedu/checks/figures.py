"""Every figure a notebook draws needs alternative text written by the author (``:alt:`` on its code cell).

A screen reader otherwise says "figure" and nothing more, and a generated text ("output of code cell 7") says
nothing a student can use. Which cells draw figures is known only after execution: a cell's own image
outputs, and the images inside the Output widgets an ``interact`` shows (kept in the widget state).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import nbformat

from sciedu.mime import IMAGE_TYPES, WIDGET_STATE, WIDGET_VIEW

MODEL_REF = "IPY_MODEL_"


def cells_drawing_figures(nb: nbformat.NotebookNode) -> list[str]:
    """Ids of the code cells whose outputs show an image, directly or through a widget."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    return [cell.get("id", "") for cell in nb.cells
            if cell.cell_type == "code" and any(_has_image(output, state) for output in cell.get("outputs", []))]


def alt_text(cell: nbformat.NotebookNode) -> str:
    value = cell.get("metadata", {}).get("alt", "")
    return value.strip() if isinstance(value, str) else ""


def cells_missing_alt(nb: nbformat.NotebookNode) -> list[str]:
    by_id = {cell.get("id", ""): cell for cell in nb.cells}
    return [cell_id for cell_id in cells_drawing_figures(nb) if not alt_text(by_id[cell_id])]


def _has_image(output: dict[str, Any], state: dict[str, Any]) -> bool:
    data = output.get("data", {})
    if any(kind in data for kind in IMAGE_TYPES):
        return True
    view = data.get(WIDGET_VIEW)
    return bool(view) and any(_has_image(inner, state) for inner in _widget_outputs(view.get("model_id", ""), state))


def _widget_outputs(model_id: str, state: dict[str, Any], seen: set[str] | None = None) -> Iterator[dict[str, Any]]:
    """The outputs held by a widget and every widget it refers to (children, Output widgets)."""
    seen = set() if seen is None else seen
    if model_id in seen or model_id not in state:
        return
    seen.add(model_id)
    model = state[model_id].get("state", {})
    yield from model.get("outputs", []) if isinstance(model.get("outputs"), list) else ()
    text = json.dumps({key: value for key, value in model.items() if key != "outputs"})
    for part in text.split(MODEL_REF)[1:]:
        yield from _widget_outputs(part.split('"', 1)[0], state, seen)
