"""Rules on what authors write as Markdown: no live HTML, images that work offline, text of sane shape.

Each rule reads the notebook's own text with ``mdscan``, so a finding names the offending line of the
file, not the first line of its cell, and code (cells, fenced blocks, code spans) is never read as prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sciedu import boundary, htmlsafety, mdscan, sources, yamlfile
from sciedu.checks.context import Context
from sciedu.errors import Finding, did_you_mean, error
from sciedu.model import Activity

#: Longer lines are refused: no reader needs them, and Markdown's inline rules are slow on them.
MAX_LINE = 10_000
#: Quotes and lists nested deeper than this are refused (Python-Markdown recurses per level).
MAX_NESTING = 20

MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*(<[^>\n]*>|[^)\n]*)\)")
TITLE = re.compile(r"\s+(\"[^\"]*\"|'[^']*')\s*$")
MD_IMAGE_REF = re.compile(r"!\[([^\]\n]*)\]\[([^\]\n]*)\]")
REF_DEF = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?([^\s>]+)")
HTML_IMG = re.compile(r"<img\b([^<>]*)>?", re.I)
ATTR = re.compile(r"([a-zA-Z:-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")


def _notebook_lines(path: Path) -> tuple[list[mdscan.Line], list[mdscan.Unclosed]]:
    try:
        return mdscan.scan(sources.read_text(path))
    except sources.SourceError:
        return [], []  # reported when the activity was loaded


def _prose(path: Path) -> Iterator[mdscan.Line]:
    lines, _ = _notebook_lines(path)
    return (line for line in lines if line.prose and len(line.text) <= MAX_LINE)


# --- unsafe HTML ---------------------------------------------------------------------------------

def unsafe_html(activity: Activity, context: Context) -> Iterator[Finding]:
    """Script, frames, styles, event handlers and ``javascript:`` links, in the notebooks and in activity.yaml."""
    for notebook in activity.notebooks.values():
        for line in _prose(notebook.path):
            for problem in htmlsafety.find_unsafe(mdscan.without_code_spans(line.text)):
                yield _unsafe(notebook.path, line.number, problem)
    located = yamlfile.load(activity.yaml_path)
    for key_path, value in _strings(located.data, ()):
        for problem in htmlsafety.find_unsafe(value):
            yield _unsafe(activity.yaml_path, located.line_of(key_path), problem)


def _unsafe(path: Path, line: int, problem: str) -> Finding:
    return error(path, line, "unsafe-html", f"{problem} is not allowed: the site is public and pages may not run "
                 "code or load other pages; show code in `backticks` or a ``` block")


def _strings(data: Any, key_path: yamlfile.KeyPath) -> Iterator[tuple[yamlfile.KeyPath, str]]:
    stack = [(key_path, data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            stack += [((*path, str(k)), v) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [((*path, i), v) for i, v in enumerate(value)]


# --- text shape ----------------------------------------------------------------------------------

def text_shape(activity: Activity, context: Context) -> Iterator[Finding]:
    """Overlong lines, too deep nesting and fences that swallow the cells after them."""
    for notebook in activity.notebooks.values():
        lines, unclosed = _notebook_lines(notebook.path)
        for line in lines:
            if len(line.text) > MAX_LINE:
                yield error(notebook.path, line.number, "line-too-long",
                            f"line of {len(line.text):,} characters (at most {MAX_LINE:,}); break it up, or put data in assets/")
            elif line.prose and mdscan.nesting_depth(line.text, MAX_NESTING) > MAX_NESTING:
                yield error(notebook.path, line.number, "markdown-too-deep",
                            f"quotes or lists nested more than {MAX_NESTING} levels deep; flatten the structure")
        for fence in unclosed:
            swallowed = f", so the {fence.swallowed_cells} code cell(s) after it become text" if fence.swallowed_cells else ""
            yield error(notebook.path, fence.number, "unclosed-fence",
                        f"this {fence.fence} block is never closed{swallowed}; close it with {fence.fence} on a line of its own")


# --- images --------------------------------------------------------------------------------------

def images(activity: Activity, context: Context) -> Iterator[Finding]:
    """Every image, Markdown or ``<img>``: has alt text, is a file in assets/, is not fetched from the web."""
    for notebook in activity.notebooks.values():
        prose = list(_prose(notebook.path))
        refs = {m.group(1).lower(): m.group(2) for line in prose if (m := REF_DEF.match(line.text))}
        for line in prose:
            text = mdscan.without_code_spans(line.text)
            found = [(m.group(1), TITLE.sub("", m.group(2)).strip().strip("<>")) for m in MD_IMAGE.finditer(text)]
            found += [(m.group(1), refs.get((m.group(2) or m.group(1)).lower(), "")) for m in MD_IMAGE_REF.finditer(text)]
            for tag in HTML_IMG.finditer(text):
                attrs = {k.lower(): v.strip("\"'") for k, v in ATTR.findall(tag.group(1))}
                found.append((attrs.get("alt", ""), attrs.get("src", "")))
            for alt, target in found:
                yield from _image(activity, notebook.path, line.number, alt, target)


def _image(activity: Activity, path: Path, line: int, alt: str, target: str) -> Iterator[Finding]:
    if not alt.strip():
        yield error(path, line, "image-alt", f"image {target or '(no address)'} has no alt text; describe it for readers "
                    "who cannot see it: ![what the image shows](assets/...)")
    if not target:
        yield error(path, line, "image-missing", "image without an address")
    elif re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//)", target):
        yield error(path, line, "image-remote", f"image {target[:80]} is fetched from outside the site, which must work "
                    "offline; save it in assets/ and link assets/<name>")
    else:
        relative = unquote(target.split("#", 1)[0].split("?", 1)[0])
        candidate = activity.folder / relative
        assets = activity.folder / "assets"
        if relative.startswith(("/", "\\")) or not boundary.inside(candidate, assets):
            yield error(path, line, "image-outside", f"image {target[:80]} is outside the activity's assets/ folder; "
                        "only files in assets/ are published: link assets/<name>")
        elif not candidate.is_file():
            names = [p.relative_to(activity.folder).as_posix() for p in activity.assets]
            yield error(path, line, "image-missing", f"image {target[:80]} not found in assets/{did_you_mean(relative, names)}")
