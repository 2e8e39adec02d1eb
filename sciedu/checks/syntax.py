"""Code cells that are not Python, found without running anything, at the exact line of the mistake."""

from __future__ import annotations

import ast
import warnings
from collections.abc import Iterator
from typing import Any

from sciedu import sources
from sciedu.checks.context import Context
from sciedu.errors import Finding, error
from sciedu.model import Activity, SourceNotebook


def code_parses(activity: Activity, context: Context) -> Iterator[Finding]:
    for notebook in activity.notebooks.values():
        for cell in notebook.nb.cells:
            if cell.cell_type != "code" or "raises-exception" in cell.metadata.get("tags", []):
                continue
            problem = _syntax_error(cell.source)
            if problem is not None:
                offset, message = problem
                yield error(notebook.path, source_line(notebook, cell) + offset, "code-syntax",
                            f"this code is not valid Python: {message}")


def _python(source: str) -> str:
    """The cell as plain Python: IPython's magics (``%time``, ``!pip``) rewritten as IPython would."""
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        return TransformerManager().transform_cell(source)
    except Exception:  # noqa: BLE001 (IPython gives up on some inputs; then the plain text is parsed)
        return source


def parse_cell(source: str) -> ast.Module | None:
    """The cell's syntax tree, or None when it does not parse."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(_python(source))
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        return None


def _syntax_error(source: str) -> tuple[int, str] | None:
    """(0-based line in ``source``, message) of the first syntax error; IPython magics are allowed."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. invalid escape sequences: the kernel will say so
            ast.parse(_python(source))
    except SyntaxError as exc:
        return max((exc.lineno or 1) - 1, 0), f"{exc.msg} (column {exc.offset or 1})"
    except (RecursionError, MemoryError, ValueError) as exc:
        return 0, f"the code cannot be parsed ({type(exc).__name__})"
    return None


def source_line(notebook: SourceNotebook, cell: Any) -> int:
    """The file line of the cell's first source line: after the fence and its ``:tags:`` options."""
    start = notebook.line_of(cell.id)
    try:
        lines = sources.read_text(notebook.path).split("\n")
    except sources.SourceError:
        return start
    first = cell.source.split("\n", 1)[0]
    for number in range(start, min(start + 40, len(lines))):
        if lines[number] == first:
            return number + 1
    return start
