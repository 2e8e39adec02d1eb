"""Both languages must teach the same lesson: the same code, with the same tags, in the same order.

Code cells are compared as Python token streams: comments, blank lines and line breaks inside brackets
are dropped, and every string (f-strings included) is one placeholder, so only what students read may
differ. A different number, name, operator or line is an error reported in both files, each at its own
differing line.
"""

from __future__ import annotations

import difflib
import io
import tokenize
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import nbformat

from sciedu import locate
from sciedu.checks.context import Context
from sciedu.errors import Finding, error
from sciedu.model import Activity, SourceNotebook

STRING = '"…"'
#: Tokens that do not change what the code does.
_NOISE = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING, tokenize.ENDMARKER}
#: Tokens compared by kind only (their text is whitespace).
_LAYOUT = {tokenize.NEWLINE: "end of line", tokenize.INDENT: "indent", tokenize.DEDENT: "dedent"}
#: Python 3.12+ splits f-strings (3.14: t-strings) into parts; a whole one becomes one placeholder.
_STRING_START = {getattr(tokenize, name) for name in ("FSTRING_START", "TSTRING_START") if hasattr(tokenize, name)}
_STRING_END = {getattr(tokenize, name) for name in ("FSTRING_END", "TSTRING_END") if hasattr(tokenize, name)}
_MAX_PER_CELL = 3


@dataclass(frozen=True)
class Token:
    """What is compared (``text``) and where it is: the 0-based line in the cell's source."""

    text: str
    line: int


class Untokenizable(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line  # 0-based, in the cell's source


def code_tokens(source: str) -> tuple[Token, ...]:
    """The tokens of ``source`` that carry meaning; raises ``Untokenizable`` with the line at fault."""
    python, magics = _without_magics(source)
    try:
        raw = list(tokenize.generate_tokens(io.StringIO(python).readline))
    except tokenize.TokenError as exc:
        message, (line, _col) = exc.args
        raise Untokenizable(str(message), max(line - 1, 0)) from None
    except SyntaxError as exc:  # IndentationError too
        raise Untokenizable(exc.msg, max((exc.lineno or 1) - 1, 0)) from None
    return tuple(Token(magics.get(t.text, t.text), t.line) for t in _meaningful(raw))


def _without_magics(source: str) -> tuple[str, dict[str, str]]:
    """IPython's ``%magic`` and ``!shell`` lines (which tokenize cannot read) as placeholder names.

    Returns the Python text and, for each placeholder, the line it stands for, compared as a whole.
    """
    lines, magics = [], {}
    for line in source.splitlines():
        stripped = line.strip()
        if stripped[:1] in ("%", "!"):
            name = f"__sciedu_magic_{len(magics)}__"
            magics[name] = stripped
            line = line[: len(line) - len(line.lstrip())] + name
        lines.append(line)
    return "\n".join(lines) + "\n", magics


def _meaningful(raw: Sequence[tokenize.TokenInfo]) -> Iterator[Token]:
    depth = 0
    previous = ""
    for tok in raw:
        if tok.type in _STRING_START:
            depth += 1
            if depth == 1 and previous != STRING:
                previous = STRING
                yield Token(STRING, tok.start[0] - 1)
            continue
        if tok.type in _STRING_END:
            depth -= 1
            continue
        if depth or tok.type in _NOISE:
            continue
        if tok.type == tokenize.ERRORTOKEN and tok.string.strip():  # Python < 3.12: an unclosed quote, a stray '$'
            raise Untokenizable(f"unexpected {tok.string.strip()!r} (an unclosed string?)", tok.start[0] - 1)
        if tok.type == tokenize.STRING:
            if previous != STRING:  # "a" "b" is one string, however a translation splits it
                yield Token(STRING, tok.start[0] - 1)
            previous = STRING
            continue
        text = _LAYOUT.get(tok.type, tok.string)
        previous = text
        yield Token(text, tok.start[0] - 1)


def code_cells_match(activity: Activity, context: Context) -> Iterator[Finding]:
    return compare(activity.notebooks)


def compare(notebooks: Mapping[str, SourceNotebook]) -> Iterator[Finding]:
    """The rule on the notebooks alone: it also runs when the activity's metadata has errors. Every language's
    notebook is compared with the first language's."""
    cells = {lang: _code_cells(notebook) for lang, notebook in notebooks.items()}
    streams = {}
    for lang, notebook in notebooks.items():
        for number, cell in enumerate(cells[lang], start=1):
            try:
                streams[cell.id, lang] = code_tokens(cell.source)
            except Untokenizable as exc:
                streams[cell.id, lang] = None
                yield error(notebook.path, locate.source_line(notebook, cell, exc.line), "code-untokenizable",
                            f"code cell {number} is not valid Python, so it cannot be compared with the other language: {exc.message}")
    first, *others = notebooks
    for other in others:
        yield from _compare_pair(notebooks[first], cells[first], notebooks[other], cells[other], streams)
    yield from _markdown_roles_differ(notebooks)


def _compare_pair(zh_nb: SourceNotebook, zh: list, en_nb: SourceNotebook, en: list, streams: dict) -> Iterator[Finding]:
    """Code cells of two languages' notebooks, aligned and compared token by token (named for the usual pair)."""
    zh_streams = [streams[c.id, zh_nb.lang] for c in zh]
    en_streams = [streams[c.id, en_nb.lang] for c in en]
    for i, j, near in _align(zh_streams, en_streams):
        if i is None or j is None:
            yield from _extra_cell(zh_nb, zh, en_nb, en, (i, j), near)
            continue
        if zh_streams[i] is not None and en_streams[j] is not None:
            yield from _token_differences(zh_nb, zh[i], i + 1, zh_streams[i], en_nb, en[j], j + 1, en_streams[j])
        yield from _tags_differ(zh_nb, zh[i], i + 1, en_nb, en[j], j + 1)


def _code_cells(notebook: SourceNotebook) -> list[nbformat.NotebookNode]:
    return [c for c in notebook.nb.cells if c.cell_type == "code"]


def _align(zh: Sequence[tuple[Token, ...] | None], en: Sequence[tuple[Token, ...] | None]) -> list[tuple[int | None, int | None, int]]:
    """Code cells paired as (zh index, en index, _); a cell the other file lacks has None on that side and,
    third, the index in the other file where it would go."""
    if len(zh) == len(en):
        return [(i, i, i) for i in range(len(zh))]
    keys = [[tuple(t.text for t in s) if s is not None else None for s in side] for side in (zh, en)]
    pairs: list[tuple[int | None, int | None, int]] = []
    for _tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=keys[0], b=keys[1], autojunk=False).get_opcodes():
        common = min(i2 - i1, j2 - j1)
        pairs += [(i1 + k, j1 + k, j1 + k) for k in range(common)]
        pairs += [(i, None, j1 + common) for i in range(i1 + common, i2)]
        pairs += [(None, j, i1 + common) for j in range(j1 + common, j2)]
    return pairs


def _extra_cell(zh_nb: SourceNotebook, zh: list, en_nb: SourceNotebook, en: list,
                pair: tuple[int | None, int | None], near_index: int) -> Iterator[Finding]:
    """A code cell one file has and the other lacks: at the cell, and where it would go in the other file."""
    (has_nb, has, lacks_nb, lacks), index = ((zh_nb, zh, en_nb, en), pair[0]) if pair[0] is not None else ((en_nb, en, zh_nb, zh), pair[1])
    assert index is not None
    cell = has[index]
    near = lacks[min(near_index, len(lacks) - 1)] if lacks else None
    near_line = lacks_nb.line_of(near.id) if near is not None else 1
    here = has_nb.line_of(cell.id)
    yield error(has_nb.path, here, "parity-code-cells",
                f"code cell {index + 1} has no counterpart in {lacks_nb.path.name} (near {lacks_nb.path.name}:{near_line}); "
                f"{len(has)} code cells here, {len(lacks)} there")
    yield error(lacks_nb.path, near_line, "parity-code-cells",
                f"missing a code cell that {has_nb.path.name}:{here} has (its code cell {index + 1}); {len(lacks)} code cells here, {len(has)} there")


def _token_differences(zh_nb: SourceNotebook, zh_cell: nbformat.NotebookNode, zh_number: int, a: tuple[Token, ...],
                       en_nb: SourceNotebook, en_cell: nbformat.NotebookNode, en_number: int, b: tuple[Token, ...]) -> Iterator[Finding]:
    for zh_span, en_span in differences(a, b)[:_MAX_PER_CELL]:
        zh_line = locate.source_line(zh_nb, zh_cell, _line_of(zh_span, a))
        en_line = locate.source_line(en_nb, en_cell, _line_of(en_span, b))
        zh_text, en_text = describe(a[zh_span]), describe(b[en_span])
        yield error(zh_nb.path, zh_line, "parity-code",
                    f"code cell {zh_number} differs from {en_nb.path.name}:{en_line}: {zh_text} here, {en_text} there")
        yield error(en_nb.path, en_line, "parity-code",
                    f"code cell {en_number} differs from {zh_nb.path.name}:{zh_line}: {en_text} here, {zh_text} there")


def differences(a: tuple[Token, ...], b: tuple[Token, ...]) -> list[tuple[slice, slice]]:
    """The differing spans of two token streams: whole logical lines first, then tokens within a line.

    Comparing lines first makes an extra line one difference (the line), not a shifted run of tokens.
    """
    lines_a, lines_b = _logical_lines(a), _logical_lines(b)
    keys_a = [tuple(t.text for t in a[span]) for span in lines_a]
    keys_b = [tuple(t.text for t in b[span]) for span in lines_b]
    out: list[tuple[slice, slice]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=keys_a, b=keys_b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 - i1 == j2 - j1:
            for la, lb in zip(lines_a[i1:i2], lines_b[j1:j2], strict=True):
                out += _within_line(a, la, b, lb)
        else:
            out.append((_join(lines_a, i1, i2, len(a)), _join(lines_b, j1, j2, len(b))))
    return out


def _logical_lines(tokens: tuple[Token, ...]) -> list[slice]:
    """Each logical line as a slice of ``tokens``, ending with its ``end of line``."""
    out, start = [], 0
    for index, token in enumerate(tokens):
        if token.text == _LAYOUT[tokenize.NEWLINE]:
            out.append(slice(start, index + 1))
            start = index + 1
    if start < len(tokens):
        out.append(slice(start, len(tokens)))
    return out


def _join(lines: list[slice], first: int, last: int, total: int) -> slice:
    """Lines ``first``..``last`` as one slice; an empty slice where lines would be inserted."""
    if first == last:
        at = lines[first].start if first < len(lines) else total
        return slice(at, at)
    return slice(lines[first].start, lines[last - 1].stop)


def _within_line(a: tuple[Token, ...], la: slice, b: tuple[Token, ...], lb: slice) -> list[tuple[slice, slice]]:
    texts_a, texts_b = [t.text for t in a[la]], [t.text for t in b[lb]]
    ops = difflib.SequenceMatcher(a=texts_a, b=texts_b, autojunk=False).get_opcodes()
    return [(slice(la.start + i1, la.start + i2), slice(lb.start + j1, lb.start + j2)) for tag, i1, i2, j1, j2 in ops if tag != "equal"]


def _line_of(span: slice, tokens: tuple[Token, ...]) -> int:
    """The line of the span's first meaningful token; for an empty span, where the tokens would go."""
    inside = [t for t in tokens[span] if t.text not in _LAYOUT.values()] or list(tokens[span])
    if inside:
        return inside[0].line
    if span.start < len(tokens):
        return tokens[span.start].line
    return tokens[-1].line if tokens else 0


_NO_SPACE_BEFORE = {")", "]", "}", ",", ":", "."}
_NO_SPACE_AFTER = {"(", "[", "{", "."}


def describe(tokens: Sequence[Token], limit: int = 50) -> str:
    """Tokens as readable code in quotes, e.g. ``'0.8'`` or ``'print("…")'``; ``nothing`` when empty."""
    words = [t.text for t in tokens if t.text not in _LAYOUT.values()] or [t.text for t in tokens]
    if not words:
        return "nothing"
    if all(w in _LAYOUT.values() for w in words):
        return f"a different line structure ({', '.join(dict.fromkeys(words))})"
    out = words[0]
    for before, word in zip(words, words[1:]):
        call = word in ("(", "[") and (before.isidentifier() or before in (")", "]", STRING))
        out += word if word in _NO_SPACE_BEFORE or before in _NO_SPACE_AFTER or call else " " + word
    return repr(out if len(out) <= limit else out[: limit - 1] + "…")


def _tags_differ(zh_nb: SourceNotebook, zh_cell: nbformat.NotebookNode, zh_number: int,
                 en_nb: SourceNotebook, en_cell: nbformat.NotebookNode, en_number: int) -> Iterator[Finding]:
    zh_tags, en_tags = sorted(zh_cell.metadata.get("tags", [])), sorted(en_cell.metadata.get("tags", []))
    if zh_tags == en_tags:
        return
    zh_line, en_line = zh_nb.line_of(zh_cell.id), en_nb.line_of(en_cell.id)
    yield error(zh_nb.path, zh_line, "parity-tags", f"code cell {zh_number} has tags {zh_tags} but {en_nb.path.name}:{en_line} has {en_tags}")
    yield error(en_nb.path, en_line, "parity-tags", f"code cell {en_number} has tags {en_tags} but {zh_nb.path.name}:{zh_line} has {zh_tags}")


def _markdown_roles_differ(notebooks: Mapping[str, SourceNotebook]) -> Iterator[Finding]:
    """Markdown cells are not paired (the texts differ), but both languages need the same answer boxes and
    teacher notes; code cells' tags are compared cell by cell above."""
    roles = {lang: _role_cells(notebook) for lang, notebook in notebooks.items()}
    first, *others = notebooks
    for here, there in [pair for other in others if roles[other] != roles[first] for pair in ((first, other), (other, first))]:
        cells = [c for c in notebooks[here].nb.cells if c.cell_type == "markdown" and set(_ROLES) & set(c.metadata.get("tags", []))]
        line = notebooks[here].line_of(cells[0].id) if cells else 1
        yield error(notebooks[here].path, line, "parity-roles",
                    f"Markdown cells tagged solution/teacher: {_counts(roles[here])} here but {_counts(roles[there])} in {there}.md")


_ROLES = ("solution", "teacher")


def _role_cells(notebook: SourceNotebook) -> dict[str, int]:
    markdown = [set(c.metadata.get("tags", [])) for c in notebook.nb.cells if c.cell_type == "markdown"]
    return {role: sum(role in tags for tags in markdown) for role in _ROLES}


def _counts(roles: dict[str, int]) -> str:
    return ", ".join(f"{count} {role}" for role, count in roles.items())
