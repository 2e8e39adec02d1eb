"""A Python-Markdown extension: a source line break between two CJK characters joins them without a space.

Chinese is written without spaces, but Markdown turns every soft line break into a space, so a paragraph
wrapped in the source shows stray gaps between characters (``地球\\n绕着`` → ``地球 绕着``). This extension
removes such a break from the parsed text (never from code, maths or raw HTML, whose text the tree does not
hold as editable strings), after the inline patterns ran, including across inline elements
(``**地球**\\n绕着``). Breaks next to Latin text stay spaces, as in ``使用\\nPython``.

pymdownx-cjk-autojoin (PyPI) does this as a regular expression over the source lines, which also joins a
heading to the paragraph under it (``## 背景\\n正文`` → one heading) and leaves ``：？！`` unjoined; hence ours.

Usage: ``markdown_extensions: [sciedu.site.cjk_breaks]`` in mkdocs.yml.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

#: Han ideographs (with extension A and compatibility forms), kana, CJK punctuation, full-width forms.
CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
BREAK_INSIDE = re.compile(f"(?<=[{CJK}])[ \\t]*\\n[ \\t]*(?=[{CJK}])")
ENDS_WITH_BREAK = re.compile(f"(?<=[{CJK}])[ \\t]*\\n[ \\t]*$")
STARTS_WITH_CJK = re.compile(f"^[{CJK}]")
STARTS_WITH_BREAK = re.compile(f"^[ \\t]*\\n[ \\t]*(?=[{CJK}])")
#: Elements whose text is not prose.
VERBATIM = {"pre", "code", "kbd", "samp", "script", "style", "math"}


def join_cjk_breaks(text: str) -> str:
    """``text`` with each line break (and the spaces around it) between two CJK characters removed."""
    return BREAK_INSIDE.sub("", text)


class CjkBreaksTreeprocessor(Treeprocessor):
    """Joins CJK lines in every prose text and tail of the tree, and at the seams between inline elements."""

    def run(self, root: etree.Element) -> None:
        segments = list(_segments(root))
        for index, (node, attr) in enumerate(segments):
            text = getattr(node, attr)
            text = join_cjk_breaks(text)
            following = _next_text(segments, index)
            if following is not None and STARTS_WITH_CJK.match(following):
                text = ENDS_WITH_BREAK.sub("", text)
            if index and _previous_ends_cjk(segments, index):
                text = STARTS_WITH_BREAK.sub("", text)
            setattr(node, attr, text)


def _segments(element: etree.Element, inside_verbatim: bool = False) -> Iterator[tuple[etree.Element, str]]:
    """Every editable (node, "text"|"tail") in document order; verbatim and atomic text left out."""
    verbatim = inside_verbatim or element.tag in VERBATIM
    if not verbatim and _editable(element.text):
        yield element, "text"
    for child in element:
        yield from _segments(child, verbatim)
        if not verbatim and _editable(child.tail):
            yield child, "tail"


def _editable(text: Any) -> bool:
    return isinstance(text, str) and not isinstance(text, AtomicString) and bool(text)


def _next_text(segments: list[tuple[etree.Element, str]], index: int) -> str | None:
    return getattr(*segments[index + 1]) if index + 1 < len(segments) else None


def _previous_ends_cjk(segments: list[tuple[etree.Element, str]], index: int) -> bool:
    previous = getattr(*segments[index - 1])
    return bool(previous) and re.match(f"[{CJK}]", previous[-1]) is not None


class CjkBreaksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # after 'inline' (20), which builds the inline elements, before 'prettify' (10)
        md.treeprocessors.register(CjkBreaksTreeprocessor(md), "sciedu_cjk_breaks", 15)


def makeExtension(**kwargs: Any) -> CjkBreaksExtension:
    return CjkBreaksExtension(**kwargs)
