"""A line scanner for MyST notebooks and Markdown cells: which lines are Markdown prose, which are code.

Checks need the file's own line numbers (a finding points at the offending line, not at the cell's first
line) and must not read code as prose: ``<script>`` in a code block is text to show, not markup. The
scanner is one pass over the lines, with no recursion and no backtracking regex, so a 1 MB line or 10,000
nested quotes cost linear time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

#: A fence opener (CommonMark: up to 3 spaces, 3+ backticks or tildes, an info string).
FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
CELL_FENCE = re.compile(r"^\s*(`{3,})\{(code-cell|raw-cell)\}")
#: MyST directives whose body is Markdown (rendered as call-outs); other fences hold literal text.
PROSE_DIRECTIVES = re.compile(r"^\{(note|tip|warning|important|caution|hint|attention|danger|seealso|admonition)\}")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, in the scanned text
    text: str
    prose: bool  # Markdown prose (False: a code cell, a literal fence, front matter, a cell marker)


@dataclass(frozen=True)
class Unclosed:
    """A fence in Markdown that is never closed: it swallows everything after it."""

    number: int
    fence: str
    swallowed_cells: int


def scan(text: str, *, front_matter: bool = True) -> tuple[list[Line], list[Unclosed]]:
    """Every line of a MyST notebook (or, with ``front_matter=False``, of one Markdown cell) with its kind,
    and the unclosed fences."""
    lines = text.split("\n")
    out: list[Line] = []
    unclosed: list[Unclosed] = []
    i, n = 0, len(lines)
    if front_matter and lines and lines[0].strip() == "---":
        end = next((j for j in range(1, n) if lines[j].strip() == "---"), n - 1)
        out += [Line(j + 1, lines[j], False) for j in range(end + 1)]
        i = end + 1
    fence: tuple[int, str] | None = None  # (opener line index, fence chars) of an open Markdown fence
    while i < n:
        line = lines[i]
        if fence is not None:
            if _closes(line, fence[1]):
                fence = None
                out.append(Line(i + 1, line, False))
            elif CELL_FENCE.match(line) or line.startswith("+++"):
                # jupytext reads on as if the fence were open: report it here, then scan the rest normally
                unclosed.append(Unclosed(fence[0] + 1, fence[1], _cells_after(lines, i)))
                fence = None
                continue
            else:
                out.append(Line(i + 1, line, _prose_fence_body(lines[fence[0]])))
            i += 1
            continue
        cell = CELL_FENCE.match(line)
        if cell:
            closer = cell.group(1)
            out.append(Line(i + 1, line, False))
            i += 1
            while i < n and lines[i].strip() != closer:
                out.append(Line(i + 1, lines[i], False))
                i += 1
            if i < n:
                out.append(Line(i + 1, lines[i], False))
            i += 1
            continue
        opener = FENCE.match(line)
        if opener and not (opener.group(2)[0] == "`" and "`" in opener.group(3)):
            fence = (i, opener.group(2))
            out.append(Line(i + 1, line, False))
        else:
            out.append(Line(i + 1, line, not line.startswith("+++")))
        i += 1
    if fence is not None:
        unclosed.append(Unclosed(fence[0] + 1, fence[1], 0))
    return out, unclosed


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return (len(line) - len(line.lstrip(" ")) <= 3 and stripped.startswith(fence[0] * len(fence))
            and set(stripped) == {fence[0]})


def _prose_fence_body(opener: str) -> bool:
    match = FENCE.match(opener)
    return bool(match and PROSE_DIRECTIVES.match(match.group(3).strip()))


def _cells_after(lines: list[str], start: int) -> int:
    return sum(1 for line in lines[start:] if CELL_FENCE.match(line))


def without_code_spans(text: str) -> str:
    """``text`` with inline code spans blanked (same length, so columns stay right)."""
    if "`" not in text:
        return text
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)


def outside_code_spans(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to the parts that are not inline code spans."""
    parts, pos = [], 0
    for match in CODE_SPAN.finditer(text) if "`" in text else ():
        parts += [change(text[pos:match.start()]), match.group(0)]
        pos = match.end()
    return "".join([*parts, change(text[pos:])])


CONTAINER = re.compile(r" {0,3}(?:>|[-+*](?=\s)|\d{1,9}[.)](?=\s))\s?")


def nesting_depth(text: str, limit: int) -> int:
    """How many block containers (quotes, list items) a line opens, counting indentation; stops past ``limit``."""
    indent = len(text) - len(text.lstrip(" \t"))
    depth, pos = indent // 4, indent
    while depth <= limit:
        match = CONTAINER.match(text, pos)
        if not match or match.end() == pos:
            break
        depth += 1
        pos = match.end()
    return depth

