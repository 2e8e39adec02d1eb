"""Cell tags and cell metadata keys must be ones sciedu knows: a typo is an error, never a silent no-op.

A code cell tagged ``solutions`` (for ``solution``) would otherwise ship its worked answer in the student
notebook. ``TAGS`` and ``CELL_KEYS`` are the one list of what authors may write; the authoring guide's
table of cell roles describes the same tags.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping

import nbformat

from sciedu import locate
from sciedu.checks.context import Context
from sciedu.errors import Finding, error
from sciedu.model import Activity, SourceNotebook

#: Every tag an author may put on a cell, with what it does.
TAGS: dict[str, str] = {
    # sciedu's roles
    "solution": "replaced by a prompt (code) or an empty answer box (Markdown) in the student notebook",
    "teacher": "teacher notebook and teacher pages only",
    "hide-input": "web page: the code is folded under 'Show code'",
    "remove-input": "web page: only the output is shown",
    "remove-cell": "web page: the cell is not shown",
    "raises-exception": "the cell's error is expected (Jupyter's and nbval's convention)",
    # nbval's markers (https://nbval.readthedocs.io/)
    "nbval-ignore-output": "nbval runs the cell but does not compare its output",
    "nbval-skip": "nbval does not run the cell",
    "nbval-check-output": "nbval compares the output even when nbval runs with --nbval-lax",
    "nbval-raises-exception": "nbval expects the cell to raise",
}

#: Every key a cell's metadata may hold. jupytext reads ``:key: value`` options of a code cell, the YAML
#: header of a code cell and ``+++ {...}`` of a Markdown cell into the cell's metadata, and adds no key
#: of its own; the library uses ``tags`` only. Any other key would be copied into the student notebook.
CELL_KEYS: dict[str, str] = {
    "tags": "the cell's roles, a list of the tags above",
    "alt": "a code cell's figures: the alternative text a screen reader speaks (what the figure shows), in the file's language",
}


def known_tags_and_keys(activity: Activity, context: Context) -> Iterator[Finding]:
    return check_notebooks(activity.notebooks)


def check_notebooks(notebooks: Mapping[str, SourceNotebook]) -> Iterator[Finding]:
    """The rule on the notebooks alone: it also runs when the activity's metadata has errors."""
    for notebook in notebooks.values():
        for cell in notebook.nb.cells:
            yield from _unknown_keys(notebook, cell)
            yield from _unknown_tags(notebook, cell)


def _unknown_keys(notebook: SourceNotebook, cell: nbformat.NotebookNode) -> Iterator[Finding]:
    for key in cell.metadata:
        if key not in CELL_KEYS:
            line = locate.line_mentioning(notebook, cell, str(key))
            yield error(notebook.path, line, "unknown-cell-key",
                        f"unknown key in this {cell.cell_type} cell's metadata: {suggest(str(key), CELL_KEYS)} "
                        f"Known keys: {', '.join(CELL_KEYS)}")


def _unknown_tags(notebook: SourceNotebook, cell: nbformat.NotebookNode) -> Iterator[Finding]:
    for tag in cell.metadata.get("tags", []):
        if tag not in TAGS:
            line = locate.line_mentioning(notebook, cell, str(tag))
            yield error(notebook.path, line, "unknown-tag",
                        f"unknown tag on this {cell.cell_type} cell: {suggest(str(tag), TAGS)} Known tags: {', '.join(TAGS)}")


def suggest(word: str, known: dict[str, str]) -> str:
    """``'solutions' → did you mean 'solution'?``, or ``'x'.`` when no known word is close."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"{word!r} → did you mean {close[0]!r}?" if close else f"{word!r}."
