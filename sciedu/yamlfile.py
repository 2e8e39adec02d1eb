"""Read YAML and remember the line of every key, so that errors can point at it.

``load(path)`` returns ``LocatedYAML``: the plain data plus ``line_of(key_path)``.
A syntax error becomes a ``Finding`` with the line PyYAML reports, never a traceback.
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
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise YAMLSyntaxError(error(path, line, "yaml-encoding", "the file is not UTF-8 text; save it as UTF-8")) from None
    try:
        loader = Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or "invalid YAML"
        raise YAMLSyntaxError(error(path, line, "yaml-syntax", f"malformed YAML: {problem}")) from None
    except yaml.YAMLError as exc:
        raise YAMLSyntaxError(error(path, 1, "yaml-syntax", f"malformed YAML: {exc}")) from None
    located = LocatedYAML(path, data)
    if node is not None:
        _record_lines(node, (), located.lines)
    return located


def _record_lines(node: yaml.Node, key_path: KeyPath, lines: dict[KeyPath, int]) -> None:
    lines[key_path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*key_path, str(key_node.value))
            _record_lines(value_node, child, lines)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*key_path, index), lines)
