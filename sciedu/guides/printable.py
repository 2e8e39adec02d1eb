"""A standalone printable page (A4, no navigation, a page break before each section) from Markdown.

Uses the same Markdown dialect as the site (Python-Markdown with the pymdownx extensions mkdocs
installs) and the site's bundled KaTeX, so nothing is fetched from outside.
"""

from __future__ import annotations

import html
import re

import markdown as md

EXTENSIONS = ["tables", "admonition", "attr_list", "md_in_html", "pymdownx.superfences", "pymdownx.details", "pymdownx.arithmatex", "pymdownx.tasklist",
              "sciedu.site.task_labels", "sciedu.site.cjk_breaks"]
EXTENSION_CONFIGS = {"pymdownx.arithmatex": {"generic": True}}

#: The printouts' fonts: ℃ and ℉ from a local font that draws them (WenQuanYi Micro Hei's are blank, see
#: sciedu.css), then the Chinese fonts of Linux, Windows and macOS. Shared by the guides and the worksheets.
PRINT_FONTS = """@font-face { font-family: "sciedu-symbols"; src: local("DejaVu Sans"), local("Noto Sans"), local("Segoe UI Symbol"), local("Arial Unicode MS"); unicode-range: U+2103, U+2109; }
html { font-family: "sciedu-symbols", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif; color: #111; }
"""

PRINT_CSS = PRINT_FONTS + """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
html { font-size: 10.5pt; line-height: 1.5; }
body { margin: 0 auto; max-width: 180mm; }
h1 { font-size: 18pt; margin: 0 0 4mm; }
h2 { font-size: 13.5pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; break-before: page; }
h1 + h2, main > h2:first-of-type { break-before: auto; }
h3, h4, h5, h6 { font-size: 11pt; break-after: avoid; }
h2 { break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; table-layout: fixed; }
th, td { border: 1px solid #aaa; padding: 1.2mm 1.8mm; vertical-align: top; overflow-wrap: anywhere; text-align: left; }
th { background: #eee; }
/* numbers (minutes, counts) are right-aligned columns: narrow, so the text columns get the width */
th[style*="text-align: right"] { width: 17mm; }
tr, li, .admonition, pre { break-inside: avoid; }
pre, code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f5f5f5; padding: 2mm; border-radius: 1mm; }
img, svg { max-width: 100%; height: auto; }
.admonition { border-left: 3px solid #888; padding: 1mm 3mm; margin: 2mm 0; }
.admonition-title { font-weight: bold; margin: 0; }
.sciedu-controls { display: flex; flex-wrap: wrap; gap: 2mm 6mm; }
.sciedu-widget-note, .sciedu-source { color: #555; font-size: 8.5pt; }
a { color: inherit; text-decoration: none; }
@media screen { body { padding: 10mm; } }
"""


def render(title: str, body_markdown: str, *, lang: str, assets: str, source: str = "") -> str:
    """``assets``: the relative path to the site's ``assets/`` folder (for KaTeX)."""
    body = md.markdown(body_markdown, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    # links between site pages are written to the Markdown sources; the built pages are .html files
    body = re.sub(r'href="((?![a-z]+:)[^"#]*?)\.md(#[^"]*)?"', r'href="\1.html\2"', body)
    footer = f'<footer><p class="sciedu-source">{html.escape(source)}</p></footer>' if source else ""
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{assets}katex/katex.min.css">
<style>{PRINT_CSS}</style>
</head>
<body>
<main>
{body}
</main>
{footer}
<script src="{assets}katex/katex.min.js"></script>
<script src="{assets}katex/auto-render.min.js"></script>
<script>
document.querySelectorAll(".arithmatex").forEach(function (el) {{
  renderMathInElement(el, {{delimiters: [{{left: "\\\\(", right: "\\\\)", display: false}}, {{left: "\\\\[", right: "\\\\]", display: true}}], throwOnError: false}});
}});
</script>
</body>
</html>
"""
