"""Raw HTML that must never reach a page as live markup, found in prose and removed from outputs.

The site is public and activities come from pull requests, so an activity must not be able to run script
in a reader's browser. Two lines of defence (documented on the authoring page):

- **Refuse** in sources: ``find_unsafe`` names each dangerous construct in a line of Markdown (or in a
  metadata text); ``sciedu check`` reports it as the error ``unsafe-html`` at that line, so it never builds.
- **Sanitise** what code produces: ``sanitize_html`` keeps an allow-list of tags and attributes of an
  HTML output (a pandas table stays a table) and drops everything else; ``neutralise`` escapes dangerous
  tags in Markdown, in case a page is built from a notebook that was never checked.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

#: Elements that run, load or restyle something: refused in sources, dropped (with their content) from outputs.
DANGEROUS_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "base", "meta",
                  "link", "form", "template", "noscript")
DANGEROUS_TAG = re.compile(r"<\s*/?\s*(" + "|".join(DANGEROUS_TAGS) + r")(?=[\s/>]|$)", re.I)
TAG_OR_ATTR_LIST = re.compile(r"<[a-zA-Z][^<>]*|\{[^{}\n]*\}")
HANDLER = re.compile(r"(?:^|[\s\"'/;{])(on[a-z]+)\s*=", re.I)
URL_ATTR = re.compile(r"(?:^|[\s\"'/{])(href|src|action|formaction|xlink:href|background|poster|data|srcdoc)\s*=\s*"
                      r"(\"[^\"]*\"?|'[^']*'?|[^\s>}]+)", re.I)
MD_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+)")
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:application", "data:image/svg")


def bad_url(value: str) -> bool:
    """Whether a link or source address would run code: ``javascript:`` however it is spelt or encoded."""
    decoded = html.unescape(value.strip("\"'"))
    compact = re.sub(r"[\x00-\x20]", "", decoded).lower()
    return compact.startswith(BAD_SCHEMES)


def find_unsafe(line: str) -> list[str]:
    """What is dangerous in one line of Markdown prose (code spans already blanked), in plain words."""
    problems = [f"<{m.group(1).lower()}> element" for m in DANGEROUS_TAG.finditer(line)]
    for part in TAG_OR_ATTR_LIST.finditer(line):
        problems += [f"event handler {m.group(1).lower()}=" for m in HANDLER.finditer(part.group(0))]
        problems += [f"{m.group(1).lower()}={m.group(2)[:40]}" for m in URL_ATTR.finditer(part.group(0)) if bad_url(m.group(2))]
    for match in MD_LINK_TARGET.finditer(line):
        target = match.group(1) or match.group(2) or ""
        if bad_url(target):
            problems.append(f"link to {target[:40]}")
    return list(dict.fromkeys(problems))


def neutralise(line: str) -> str:
    """The line with every dangerous construct made inert text: tags escaped, handlers and bad links renamed."""
    line = DANGEROUS_TAG.sub(lambda m: "&lt;" + m.group(0)[1:], line)

    def tame(part: re.Match[str]) -> str:
        text = HANDLER.sub(lambda m: m.group(0).replace(m.group(1), "data-removed-" + m.group(1)), part.group(0))
        return URL_ATTR.sub(lambda m: m.group(0).replace(m.group(2), '"#"') if bad_url(m.group(2)) else m.group(0), text)

    line = TAG_OR_ATTR_LIST.sub(tame, line)
    return MD_LINK_TARGET.sub(lambda m: m.group(0).replace(m.group(1) or m.group(2) or "", "#")
                              if bad_url(m.group(1) or m.group(2) or "") else m.group(0), line)


# --- outputs: an allow-list sanitiser ------------------------------------------------------------

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div", "dl",
    "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
}
ALLOWED_ATTRS = {"class", "title", "alt", "width", "height", "colspan", "rowspan", "align", "border", "scope",
                 "href", "src", "lang", "dir", "open"}
VOID = {"br", "col", "hr", "img"}
#: Their text is code or CSS, not content: dropped with the element.
DROP_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "applet", "noscript", "frameset", "svg", "math"}


class _Sanitiser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping or tag in DROP_CONTENT:
            if tag in DROP_CONTENT and tag not in VOID:
                self.skipping.append(tag)
            return
        if tag not in ALLOWED_TAGS:
            return
        kept = "".join(f' {name}="{html.escape(value or "", quote=True)}"' for name, value in attrs
                       if name in ALLOWED_ATTRS and not (name in ("href", "src") and _unsafe_address(value or "")))
        self.out.append(f"<{tag}{kept}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in self.skipping[-1:]:
            self.skipping.pop()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in ALLOWED_TAGS and tag not in VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(html.escape(data, quote=False))


def _unsafe_address(value: str) -> bool:
    """Outputs may link relatively or to the web, and show images from the page's folder or inline."""
    compact = re.sub(r"[\x00-\x20]", "", value).lower()
    return bad_url(value) or compact.startswith("//") or (":" in compact.split("/", 1)[0] and not compact.startswith(("http:", "https:", "data:image/png", "data:image/jpeg", "data:image/gif")))


def sanitize_html(markup: str) -> str:
    """``markup`` rebuilt from an allow-list: no script, no styles, no handlers, no ``javascript:``."""
    parser = _Sanitiser()
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)
