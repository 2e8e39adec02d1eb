"""Notebook → notebook steps, all with one signature: ``step(nb, resources) -> (nb, resources)``.

Steps never change their input: ``run`` deep-copies once, then validates after every step and names
the step that broke the notebook (the nbconvert exporter habit).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

import nbformat

Resources = dict[str, Any]
Transform = Callable[[nbformat.NotebookNode, Resources], tuple[nbformat.NotebookNode, Resources]]


class TransformError(Exception):
    pass


def run(steps: Sequence[Transform], nb: nbformat.NotebookNode, resources: Resources | None = None) -> tuple[nbformat.NotebookNode, Resources]:
    nb = copy.deepcopy(nb)
    resources = dict(resources or {})
    for step in steps:
        nb, resources = step(nb, resources)
        try:
            nbformat.validate(nb)
        except nbformat.ValidationError as exc:
            name = getattr(step, "__name__", type(step).__name__)
            msg = f"transform {name} produced an invalid notebook: {exc.message}"
            raise TransformError(msg) from None
    return nb, resources
