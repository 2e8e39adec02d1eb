"""Steps that keep, drop or rewrite cells by their tags."""

from __future__ import annotations

import re

import nbformat

from sciedu.languages import N_
from sciedu.transforms import Resources

BEGIN = re.compile(r"^\s*###\s*BEGIN SOLUTION\s*$")
END = re.compile(r"^\s*###\s*END SOLUTION\s*$")

CODE_PROMPT = N_("# ✏️ Write your code here")
ANSWER_PROMPT = N_("**✏️ Your answer:**\n\n(Write your answer here.)")

#: Tags that only make sense to sciedu and teachers: a student notebook keeps none of them.
TEACHER_ONLY_TAGS = {"solution", "teacher"}


def tags(cell: nbformat.NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def remove_teacher_cells(nb: nbformat.NotebookNode, resources: Resources) -> tuple[nbformat.NotebookNode, Resources]:
    """Drop every cell tagged ``teacher``: no trace is left in the student notebook."""
    nb.cells = [cell for cell in nb.cells if "teacher" not in tags(cell)]
    return nb, resources


def scaffold_solutions(nb: nbformat.NotebookNode, resources: Resources) -> tuple[nbformat.NotebookNode, Resources]:
    """Replace solutions with prompts; the cell is re-tagged ``exercise`` so students see it is their turn."""
    lang = resources.get("lang", "en")
    for cell in nb.cells:
        if "solution" not in tags(cell):
            continue
        if cell.cell_type == "code":
            cell.source = scaffold_code(cell.source, CODE_PROMPT[lang])
            cell.outputs = []
            cell.execution_count = None
        else:
            cell.source = ANSWER_PROMPT[lang]
            cell.pop("attachments", None)
        cell.metadata = nbformat.NotebookNode({"tags": ["exercise", *[t for t in tags(cell) if t not in TEACHER_ONLY_TAGS]]})
    return nb, resources


def scaffold_code(source: str, prompt: str) -> str:
    """Keep the lines outside ``### BEGIN/END SOLUTION``; the region (or the whole cell) becomes ``prompt``."""
    lines = source.splitlines()
    if not any(BEGIN.match(line) for line in lines):
        return prompt
    out: list[str] = []
    inside = False
    for line in lines:
        if BEGIN.match(line):
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            out.append(indent + prompt)
        elif END.match(line):
            inside = False
        elif not inside:
            out.append(line)
    return "\n".join(out)


def strip_solution_markers(nb: nbformat.NotebookNode, resources: Resources) -> tuple[nbformat.NotebookNode, Resources]:
    """Teacher notebooks keep the solutions but not the marker comments."""
    for cell in nb.cells:
        if cell.cell_type == "code" and "solution" in tags(cell):
            cell.source = "\n".join(line for line in cell.source.splitlines() if not (BEGIN.match(line) or END.match(line)))
    return nb, resources


def clear_outputs(nb: nbformat.NotebookNode, resources: Resources) -> tuple[nbformat.NotebookNode, Resources]:
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb, resources


def drop_empty_tags(nb: nbformat.NotebookNode, resources: Resources) -> tuple[nbformat.NotebookNode, Resources]:
    for cell in nb.cells:
        if not cell.metadata.get("tags"):
            cell.metadata.pop("tags", None)
    return nb, resources
