"""Read YAML and remember the line of every key, so that errors can point at it.

``load(path)`` returns ``LocatedYAML``: the plain data plus ``line_of(key_path)``.
A syntax error becomes a ``Finding`` with the line PyYAML reports, never a traceback.

Sources come from strangers' pull requests, so the reader is strict where YAML is lax:
aliases (``&a``/``*a``) are refused before anything is built (a "billion laughs" file expands
exponentially), a key given twice is an error at its second occurrence (YAML would keep the last one
silently), and nesting deeper than ``MAX_DEPTH`` is refused. A UTF-8 byte-order mark is accepted.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sciedu.errors import Finding, error

KeyPath = tuple[str | int, ...]


@dataclass
class LocatedYAML:
    path: Path
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line_of(self, key_path: KeyPath) -> int:
        """The line of ``key_path`` or of its nearest located ancestor (1 for the whole file)."""
        while key_path:
            if key_path in self.lines:
                return self.lines[key_path]
            key_path = key_path[:-1]
        return 1


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it: ~10x faster


class Loader(_Base):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader, except that dates stay text: the schema validates them, so an impossible
    date such as 2024-02-30 becomes a located finding instead of a ValueError."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


#: No activity or curriculum file needs more; deeper files are refused before they are built.
MAX_DEPTH = 50


class YAMLSyntaxError(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.format())
        self.finding = finding


def load(path: Path) -> LocatedYAML:
    """Parsed once per file version: checks that look at the same file share the result."""
    stat = path.stat()
    return _load_cached(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _load_cached(path: Path, mtime_ns: int, size: int) -> LocatedYAML:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YAMLSyntaxError(error(path, line, "yaml-encoding",
                                    f"the file is not UTF-8 text (byte {exc.start} is 0x{raw[exc.start]:02x}); save it as UTF-8")) from None
    lines: dict[KeyPath, int] = {}
    try:
        _refuse_aliases(path, text)
        loader = Loader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _record_lines(path, node, lines)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or "invalid YAML"
        hint = _colon_hint(text, mark, exc.context or "") if mark else ""
        raise YAMLSyntaxError(error(path, line, "yaml-syntax", f"malformed YAML: {problem}{hint}")) from None
    except yaml.YAMLError as exc:
        raise YAMLSyntaxError(error(path, 1, "yaml-syntax", f"malformed YAML: {exc}")) from None
    except RecursionError:  # the depth check below makes this unreachable in practice; never a traceback
        raise YAMLSyntaxError(error(path, 1, "yaml-too-deep", f"nesting is deeper than {MAX_DEPTH} levels")) from None
    return LocatedYAML(path, data, lines)


def _refuse_aliases(path: Path, text: str) -> None:
    """Aliases are refused from the event stream, before any node is composed: linear in the text."""
    loader = Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else 1
                raise YAMLSyntaxError(error(path, line, "yaml-alias",
                                            f"YAML aliases (*{event.anchor}) are not allowed in sciedu files: "
                                            "write the value out in full (aliases can make a small file expand without bound)"))
    finally:
        loader.dispose()


def _record_lines(path: Path, root: yaml.Node, lines: dict[KeyPath, int]) -> None:
    """The line of every key path; duplicate keys and too deep nesting are refused (iterative: no recursion limit)."""
    stack: list[tuple[yaml.Node, KeyPath]] = [(root, ())]
    while stack:
        node, key_path = stack.pop()
        lines.setdefault(key_path, node.start_mark.line + 1)
        if len(key_path) > MAX_DEPTH:
            raise YAMLSyntaxError(error(path, node.start_mark.line + 1, "yaml-too-deep",
                                        f"nesting is deeper than {MAX_DEPTH} levels"))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key_node, value_node in node.value:
                key, line = str(key_node.value), key_node.start_mark.line + 1
                if key in first:
                    raise YAMLSyntaxError(error(path, line, "yaml-duplicate-key",
                                                f"key {key!r} is given twice (first at line {first[key]}); keep one"))
                first[key] = line
                child = (*key_path, key)
                lines[child] = line
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*key_path, index)) for index, item in enumerate(node.value))


def _colon_hint(text: str, mark: yaml.Mark, context: str) -> str:
    """Plain words for the commonest YAML mistake: ``key: text: more`` needs the text in quotes."""
    lines = text.splitlines()
    if mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    col = mark.column
    if col >= len(line) or line[col] != ":":
        return ""
    fixed = _quoted(line, col, in_flow="flow" in context)
    if fixed is None:
        return ""
    return (f"; the text contains ': ', which YAML reads as a new key. Put the text in double quotes: "
            f"{fixed.strip()}")


def _quoted(line: str, col: int, in_flow: bool) -> str | None:
    """``line`` with the value that holds the stray ``:`` at ``col`` in double quotes, or None."""
    start = max(line.rfind("{", 0, col), line.rfind(",", 0, col)) + 1 if in_flow else 0
    sep = line.find(": ", start, col)
    if sep < 0:
        sep = line.find(":", start, col)  # e.g. "- Note: ..." where the stray colon is the first one
        if sep < 0 or not line[:sep].strip().startswith("-"):
            return None
        value_start = len(line) - len(line.lstrip(" -"))
    else:
        value_start = sep + 2
    value_start += len(line[value_start:]) - len(line[value_start:].lstrip())
    ends = [i for i in (line.find(",", col), line.find("}", col)) if i >= 0] if in_flow else []
    value_end = min(ends) if ends else len(line)
    value = line[value_start:value_end].strip()
    if not value or value[0] in "\"'":
        return None
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{line[:value_start]}"{escaped}"{line[value_end:].rstrip() if in_flow else ""}'
