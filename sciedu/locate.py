"""Where the parts of a cell are in its MyST file, so a finding can point at the exact line.

``sources`` records the line where each cell starts (the code fence, or a Markdown cell's first line).
The functions here go further: the line of a cell's header (``:tags:`` options, ``+++ {...}``) and the
line of any line of a cell's source. The core functions work on the file's lines; ``file_lines`` reads
them once per file version.
"""

from __future__ import annotations

import difflib
import functools
import re
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
    header = sorted(header_lines(lines, cell, cell_line), key=lambda line: line == cell_line)  # options before the fence
    for line in header:
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


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: IPython ≥ 8.4 writes "Cell In[3], line 2"; 8.0–8.3 "Input In [3], in <cell line: 2>()"; 7 "<ipython-input-3-…> in <module>\n----> 2".
_CELL_FRAME = re.compile(r"(?:Cell In ?\[\d*\], line (\d+)|Input In ?\[\d*\].*?<cell line: (\d+)>|<ipython-input-[^>]*>.*?\n-+> ?(\d+))", re.S)


def traceback_line(traceback: str | Sequence[str]) -> int | None:
    """The 1-based line, within the failing cell, of the failure in an IPython traceback.

    The first cell frame is the failing cell's own (later frames are functions it called, possibly
    defined in other cells). nbclient's error text starts with the cell's source, which is skipped.
    """
    text = _ANSI.sub("", traceback if isinstance(traceback, str) else "\n".join(traceback))
    if text.startswith("An error occurred while executing the following cell:"):
        parts = text.split("\n------------------\n", 2)
        text = parts[2] if len(parts) == 3 else text
    match = _CELL_FRAME.search(text)
    if match is None:
        return None
    return int(next(group for group in match.groups() if group))


def failure_line(notebook: SourceNotebook, cell_id: str, executed_source: str, traceback: str | Sequence[str]) -> int:
    """The line in zh.md/en.md of the line that failed; the cell's first line when it cannot be told.

    ``executed_source`` is the cell as it ran (solution markers stripped, or a solution scaffolded):
    its lines are matched back to the source cell's.
    """
    cell_line = notebook.line_of(cell_id)
    cell = next((c for c in notebook.nb.cells if c.get("id") == cell_id), None)
    line = traceback_line(traceback)
    if cell is None or line is None:
        return cell_line
    index = matching_line(cell.source, executed_source, line - 1)
    return cell_line if index is None else source_line(notebook, cell, index)
