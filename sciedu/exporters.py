"""Student and teacher notebooks: each is just a list of transforms over the same source notebook."""

from __future__ import annotations

import nbformat

from sciedu import transforms
from sciedu.model import Activity
from sciedu.transforms import Transform, cells
from sciedu.transforms.notebook_metadata import set_metadata


def steps_for(activity: Activity, variant: str) -> list[Transform]:
    common: list[Transform] = [cells.clear_outputs]
    if variant == "student":
        specific = [cells.remove_teacher_cells, cells.scaffold_solutions]
    elif variant == "teacher":
        specific = [cells.strip_solution_markers]
    else:
        msg = f"unknown variant {variant!r}; expected 'student' or 'teacher'"
        raise ValueError(msg)
    return [*common, *specific, cells.drop_empty_tags, set_metadata(activity, variant)]


def export(activity: Activity, lang: str, variant: str) -> nbformat.NotebookNode:
    """The unexecuted ``variant`` notebook of ``activity`` in ``lang``."""
    source = activity.notebooks[lang].nb
    nb, _ = transforms.run(steps_for(activity, variant), source, {"lang": lang})
    return nb


def dumps(nb: nbformat.NotebookNode) -> str:
    """Deterministic text: sorted keys, one-space indent, trailing newline."""
    return nbformat.writes(nb, version=4) + "\n"
