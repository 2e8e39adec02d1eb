"""The site's search index: one script per language, read from the finished pages.

The page loads ``search/index.js`` with a ``<script>`` element the first time a reader opens the search
(``sciedu-search.js``), so the index is not part of any page's first view, and it loads from a USB stick
(``file://``) where a ``fetch`` or a web worker would be refused. The index is built from the built HTML, not
from a theme's plugin, so it survives a change of theme or site generator.

What goes in: each page's title and, section by section (``h1``–``h3`` with an ``id``), the heading and the
prose under it. Code, figures, maths markup, navigation and the live widgets' controls stay out. A page with
``<meta name="sciedu-search" content="exclude">`` (front matter ``search: {exclude: true}``) and the print
copies stay out whole. Pages under the teacher area are marked, so the page can keep them apart.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

#: Where the indexes of one language's site live, relative to that language's root: the pages for everyone,
#: and the teacher area's pages (loaded only by pages of the teacher area).
INDEX_PATH = Path("search") / "index.js"
TEACHER_INDEX_PATH = Path("search") / "teacher.js"
#: Each index script pushes itself onto this global list (a script element cannot return a value).
GLOBAL = "__scieduSearch"
#: Folders of one language's site whose pages are for teachers.
TEACHER_AREA = ("teacher/",)
#: Pages indexed by their title and headings only: a session plan retells its activity, which is indexed whole.
OUTLINE_ONLY = ("sessions/",)
#: Printable copies repeat a page that is already in the index.
PRINT_COPIES = ("guide-print.html", "worksheet.html", "handout.html")
#: Elements whose content is not prose a reader searches for.
SKIPPED_ELEMENTS = {"script", "style", "svg", "pre", "nav", "button", "select", "option", "textarea",
                    "template", "noscript", "math", "form"}
#: Classes whose element's content stays out: permalinks (¶), raw maths, widgets, code output, and an
#: activity page's facts line and download buttons (labels run together, and the catalogue has them).
SKIPPED_CLASSES = {"headerlink", "arithmatex", "sciedu-live", "sciedu-explore", "sciedu-output", "katex",
                   "sciedu-meta", "sciedu-downloads"}
BLOCK_ELEMENTS = {"p", "li", "td", "th", "div", "br", "dt", "dd", "tr", "table", "section", "blockquote",
                  "figcaption", "summary", "details", "h1", "h2", "h3", "h4", "h5", "h6"}
SECTION_HEADINGS = {"h1", "h2", "h3"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _PageText(HTMLParser):
    """Sections of one page's ``<article>``: ``[anchor, heading, text]``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list[str]] = [["", "", ""]]
        self._parts: list[str] = []
        self._heading: list[str] | None = None
        self._heading_tag = ""
        self._skip_depth = 0  # >0 inside a skipped element (counts nested open elements from there)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_ELEMENTS:
            if tag == "br" and not self._skip_depth:
                self._parts.append(" ")
            return
        if self._skip_depth:
            self._skip_depth += 1
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag in SKIPPED_ELEMENTS or classes & SKIPPED_CLASSES:
            self._skip_depth = 1
            return
        if tag in SECTION_HEADINGS and dict(attrs).get("id"):
            self._close_section()
            self.sections.append([dict(attrs)["id"] or "", "", ""])
            self._heading, self._heading_tag = [], tag
        elif tag in BLOCK_ELEMENTS:
            self._parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        if self._skip_depth:
            self._skip_depth -= 1
            return
        if self._heading is not None and tag == self._heading_tag:
            self.sections[-1][1] = _squeeze("".join(self._heading))
            self._heading = None
        elif tag in BLOCK_ELEMENTS:
            self._parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        (self._heading if self._heading is not None else self._parts).append(data)

    def _close_section(self) -> None:
        self.sections[-1][2] = _squeeze("".join(self._parts))
        self._parts = []

    def result(self) -> list[list[str]]:
        self._close_section()
        return [s for s in self.sections if s[1] or s[2]]


def _squeeze(text: str) -> str:
    return " ".join(text.split())


ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
EXCLUDED = re.compile(r'<meta\s+name="sciedu-search"\s+content="exclude"', re.S)


def page_entry(html: str, location: str) -> dict | None:
    """The index entry of one page, or None for a page that stays out of the search."""
    if EXCLUDED.search(html):
        return None
    article = ARTICLE.search(html)
    if not article:
        return None
    parser = _PageText()
    parser.feed(article.group(1))
    parser.close()
    sections = parser.result()
    if not sections:
        return None
    title = sections[0][1] if sections[0][0] else ""
    if not title:
        match = TITLE.search(html)
        title = _squeeze(re.sub(r"<[^>]+>", "", match.group(1))).rsplit(" - ", 1)[0] if match else location
    if location.startswith(OUTLINE_ONLY):
        sections = [[anchor, heading, ""] for anchor, heading, _ in sections if heading]
    entry = {"u": location, "t": title, "s": sections}
    if location.startswith(TEACHER_AREA):
        entry["a"] = "teacher"
    return entry


def language_pages(root: Path, other_roots: set[Path]) -> list[tuple[str, Path]]:
    """The HTML pages of one language's site, with their locations; other languages' folders are skipped."""
    pages = []
    for path in sorted(root.rglob("*.html")):
        if any(other == path.parent or other in path.parents for other in other_roots):
            continue
        location = path.relative_to(root).as_posix()
        if location == "404.html" or path.name in PRINT_COPIES:
            continue
        pages.append((location, path))
    return pages


def write_index(root: Path, lang: str, *, other_roots: set[Path] = frozenset()) -> list[Path]:
    """Write ``root/search/index.js`` and ``root/search/teacher.js`` for the language whose site is ``root``."""
    everyone, teachers = [], []
    for location, path in language_pages(root, set(other_roots)):
        entry = page_entry(path.read_text(encoding="utf-8"), location)
        if entry:
            (teachers if entry.get("a") == "teacher" else everyone).append(entry)
    written = []
    for relative, entries in ((INDEX_PATH, everyone), (TEACHER_INDEX_PATH, teachers)):
        data = json.dumps({"lang": lang, "pages": entries}, ensure_ascii=False, separators=(",", ":"))
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"(window.{GLOBAL}=window.{GLOBAL}||[]).push({data});\n", encoding="utf-8")
        written.append(target)
    return written


def read_index(path: Path) -> list[dict]:
    """The page entries of an index script written by :func:`write_index` (for tests and tools)."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(".push(") + 6: text.rindex(");")])["pages"]
