"""Where the parts of a cell are in its MyST file, so a finding can point at the exact line.

``sources`` records the line where each cell starts (the code fence, or a Markdown cell's first line).
The functions here go further: the line of a cell's header (``:tags:`` options, ``+++ {...}``) and the
line of any line of a cell's source. The core functions work on the file's lines; ``file_lines`` reads
them once per file version.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Sequence
from pathlib import Path

import nbformat

from sciedu.model import SourceNotebook


def file_lines(path: Path) -> tuple[str, ...]:
    """The lines of ``path`` (empty when it cannot be read: locating then falls back to the cell's line)."""
    try:
        stat = path.stat()
    except OSError:
        return ()
    return _read(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _read(path: Path, mtime_ns: int, size: int) -> tuple[str, ...]:
    try:
        return tuple(path.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


def body_start(lines: Sequence[str], cell_line: int, source: str) -> int | None:
    """The 1-based line where ``source`` begins at or after ``cell_line``, or None when it is not found."""
    wanted = source.splitlines()
    if not wanted:
        return None
    first = wanted[0]
    for index in range(max(cell_line - 1, 0), len(lines)):
        if lines[index] == first and list(lines[index:index + len(wanted)]) == wanted:
            return index + 1
    return None


def header_lines(lines: Sequence[str], cell: nbformat.NotebookNode, cell_line: int) -> range:
    """The lines holding a cell's metadata: a code cell's options, or a Markdown cell's ``+++ {...}``."""
    if cell.cell_type == "markdown":
        index = cell_line - 2  # the line before the cell's first line, 0-based
        while index >= 0 and not lines[index].strip():
            index -= 1
        if index >= 0 and lines[index].startswith("+++"):
            return range(index + 1, index + 2)
        return range(cell_line, cell_line)
    start = body_start(lines, cell_line + 1, cell.source) or cell_line + 1
    return range(cell_line, start)


def line_mentioning(notebook: SourceNotebook, cell: nbformat.NotebookNode, text: str) -> int:
    """The header line of ``cell`` that mentions ``text`` (a tag, a key), else the cell's first line."""
    cell_line = notebook.line_of(cell.id)
    lines = file_lines(notebook.path)
    if not lines:
        return cell_line
    for line in header_lines(lines, cell, cell_line):
        if 0 < line <= len(lines) and text in lines[line - 1]:
            return line
    return cell_line


def source_line(notebook: SourceNotebook, cell: nbformat.NotebookNode, index: int) -> int:
    """The file line of line ``index`` (0-based) of ``cell``'s source; the cell's line when unknown."""
    cell_line = notebook.line_of(cell.id)
    start = body_start(file_lines(notebook.path), cell_line, cell.source)
    if start is None or not 0 <= index < len(cell.source.splitlines()):
        return cell_line
    return start + index


def matching_line(original: str, derived: str, index: int) -> int | None:
    """The 0-based line of ``original`` that line ``index`` of ``derived`` came from, or None.

    ``derived`` is ``original`` after a transform that drops or replaces lines (solution markers removed,
    a solution scaffolded), so equal lines are matched in order.
    """
    a, b = original.splitlines(), derived.splitlines()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, a0, _a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal" and b0 <= index < b1:
            return a0 + (index - b0)
    return None
