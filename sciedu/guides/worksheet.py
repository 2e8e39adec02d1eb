"""The printable student worksheet (学习单) of one activity in one language: A4, answer-free.

Its parts come from the activity itself: the predictions and the exercises from the student's text of the
notebook (cells tagged ``teacher`` or ``solution`` are never read), the data table and the self-check from
``worksheet:`` in ``activity.yaml``, and each student's numbers from ``variants:`` through the same seeded
draw the notebook uses (``sciedu.kit.variants`` with the variant's id as key), so the sheet and the
notebook agree for the same student number. A class set is one page per student.
"""

from __future__ import annotations

import ast
import html
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import markdown as md

from sciedu.guides.printable import PRINT_FONTS
from sciedu.guides.text import printed_unit
from sciedu.kit.seeded import format_value, variants
from sciedu.languages import COLON, COMMA, N_
from sciedu.model import Activity

HIDDEN_TAGS = {"teacher", "solution", "remove-cell"}
EXERCISE = re.compile(r"^\*\*(?:Exercise|练习)")
NUMBERED = re.compile(r"^\d+\.\s+")
#: Up to this many predictions and exercises together, each prediction gets two lines to write on, else one,
#: so that a sheet stays on one A4 page (exercises always get two).
ROOMY = 6

TEXT = {
    "worksheet": N_("Student worksheet"),
    "name": N_("Name"),
    "class": N_("Class"),
    "number": N_("Student no."),
    "date": N_("Date"),
    "predict": N_("1 My predictions (answer and give a reason before you start)"),
    "record": N_("2 Record your data"),
    "exercises": N_("3 Exercises"),
    "self_check": N_("4 Self-check (tick what you can do)"),
    "your_numbers": N_("Your numbers (student no. {seed}): "),
    "blank_numbers": N_("Your numbers: set SEED to your student number in the notebook and copy them here: "),
    "download": N_("Worksheet (A4, printable)"),
    "footer": N_("This worksheet has no answers on it."),
    "handout": N_("Handout (large print)"),
    "handout_predict": N_("1 Your guess first (write down what you think)"),
    "handout_record": N_("2 What we found"),
    "handout_exercises": N_("3 Think it over"),
    "handout_self_check": N_("4 To take home (tick what is clear to you)"),
    "handout_download": N_("Handout (large print, printable)"),
    "handout_footer": N_("This handout has no answers on it. It is for learning, not a substitute for advice from a doctor or other professional."),
}

CSS = PRINT_FONTS + """
@page { size: A4; margin: 10mm 13mm 10mm 13mm; }
html { font-size: 9pt; line-height: 1.35; }
body { margin: 0 auto; max-width: 182mm; }
.sheet { break-after: page; }
.sheet:last-child { break-after: auto; }
h1 { font-size: 14pt; margin: 0 0 1.5mm; }
h2 { font-size: 10pt; margin: 2.5mm 0 1mm; border-bottom: 1px solid #888; break-after: avoid; }
.who { display: flex; gap: 4mm; margin-bottom: 1mm; }
.who span { flex: 1; border-bottom: 1px solid #555; white-space: nowrap; }
ol { margin: 0; padding-left: 5mm; }
li { break-inside: avoid; margin: 0 0 1mm; }
p { margin: 0.5mm 0; }
.line { border-bottom: 1px solid #bbb; height: 6mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 1mm 0; }
th, td { border: 1px solid #777; padding: 0.8mm 1.5mm; text-align: left; overflow-wrap: anywhere; }
th { background: #eee; font-weight: 600; }
td { height: 5.5mm; }
.numbers { font-weight: 600; }
.check { list-style: none; padding-left: 0; }
.check li::before { content: "☐ "; }
.options { margin: 0.5mm 0 1mm 2mm; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
.foot { color: #555; font-size: 8pt; margin-top: 2mm; }
/* large print for public sessions (older adults): 16 pt text, roomy lines, high contrast */
body.large { max-width: 180mm; }
.large { font-size: 16pt; line-height: 1.5; }
.large h1 { font-size: 22pt; margin-bottom: 3mm; }
.large h2 { font-size: 17pt; margin: 5mm 0 2mm; border-bottom: 2px solid #111; }
.large li { margin-bottom: 3mm; }
.large .line { height: 11mm; border-bottom: 1px solid #555; }
.large td { height: 11mm; }
.large th, .large td { border: 1.5px solid #111; padding: 1.5mm 2mm; }
.large th { background: #fff; font-weight: 700; }
.large code { font-size: 15pt; }
.large .foot { font-size: 12pt; color: #222; }
@media screen { body { padding: 8mm; } .sheet { border-bottom: 2px dashed #999; padding-bottom: 6mm; margin-bottom: 6mm; } }
"""


@dataclass(frozen=True)
class Parts:
    """What the sheet asks: each entry is Markdown from the notebook or activity.yaml."""

    predictions: tuple[str, ...]
    exercises: tuple[str, ...]
    #: the options of an exercise answered by a multiple choice, by the exercise's index
    choices: dict[int, tuple[str, ...]] = field(default_factory=dict)


def x(key: str, lang: str, **values: object) -> str:
    return TEXT[key][lang].format(**values)


def parts(activity: Activity, lang: str) -> Parts:
    """The predictions (numbered items of the first section) and the exercises (``**Exercise N**`` paragraphs)."""
    sections: list[tuple[str, list[str]]] = []
    for cell in activity.notebooks[lang].nb.cells:
        if cell.cell_type != "markdown" or HIDDEN_TAGS & set(cell.metadata.get("tags", [])):
            continue
        for line in cell.source.splitlines():
            if line.startswith("## "):
                sections.append((line[3:].strip(), []))
            elif sections:
                sections[-1][1].append(line)
        if sections:
            sections[-1][1].append("")  # a cell ends its paragraph
    predictions = _numbered(sections[0][1]) if sections else ()
    exercises = tuple(_one_line(p) for _, lines in sections for p in _paragraphs(lines) if EXERCISE.match(p))
    return Parts(predictions, exercises, _choices(activity, lang))


def _choices(activity: Activity, lang: str) -> dict[int, tuple[str, ...]]:
    """For an exercise followed (in its section) by a code cell that asks a ``MultipleChoice``, the options'
    texts, read from the code without running it; the paper sheet lists them to tick."""
    found: dict[int, tuple[str, ...]] = {}
    count, current, started = 0, None, False
    for cell in activity.notebooks[lang].nb.cells:
        if HIDDEN_TAGS & set(cell.metadata.get("tags", [])):
            continue
        if cell.cell_type == "code":
            if current is not None and current not in found:
                labels = choice_labels(cell.source, lang)
                if labels:
                    found[current] = labels
            continue
        paragraph: list[str] = []
        for line in [*cell.source.splitlines(), ""]:
            if line.startswith("## "):
                started, current, paragraph = True, None, []
            elif not line.strip():
                if started and paragraph and EXERCISE.match("\n".join(paragraph).strip()):
                    current, count = count, count + 1
                paragraph = []
            else:
                paragraph.append(line)
    return found


def choice_labels(code: str, lang: str) -> tuple[str, ...]:
    """The texts of the ``Option(...)`` of the first ``MultipleChoice(...)`` in ``code``, when written as
    literals (a string, or a ``{"zh": ..., "en": ...}`` mapping); () otherwise."""
    try:
        tree = ast.parse(code)
    except SyntaxError:  # IPython magics and the like: no options to print
        return ()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called(node) == "MultipleChoice":
            options = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "options"), None)
            if not isinstance(options, (ast.List, ast.Tuple)):
                return ()
            labels = [_literal_text(o.args[0], lang) for o in options.elts
                      if isinstance(o, ast.Call) and _called(o) == "Option" and o.args]
            return tuple(labels) if labels and all(labels) else ()
    return ()


def _called(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else call.func.attr if isinstance(call.func, ast.Attribute) else ""


def _literal_text(node: ast.expr, lang: str) -> str:
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return ""
    if isinstance(value, dict):
        value = value.get(lang, "")
    return value if isinstance(value, str) else ""


def _paragraphs(lines: list[str]) -> list[str]:
    return [p.strip() for p in "\n".join(lines).split("\n\n") if p.strip()]


def _numbered(lines: list[str]) -> tuple[str, ...]:
    items: list[str] = []
    for line in lines:
        if NUMBERED.match(line):
            items.append(NUMBERED.sub("", line).strip())
        elif items and line.startswith("   ") and line.strip():
            items[-1] = _join(items[-1], line.strip())
    return tuple(items)


def _inline(text: str) -> str:
    """Markdown to inline HTML; ``$...$`` is kept for KaTeX's auto-render."""
    body = md.markdown(text, extensions=["pymdownx.arithmatex"], extension_configs={"pymdownx.arithmatex": {"generic": True}})
    return body.removeprefix("<p>").removesuffix("</p>")


def student_numbers(activity: Activity, seed: int | None, lang: str) -> str:
    """The student's own parameters for every seeded variant (never the answer); blanks without a seed."""
    lines = []
    for spec in activity.metadata.variants:
        if seed is None:
            values = COMMA[lang].join(f"{p.name} = ____ {printed_unit(p.unit)}".strip() for p in spec.parameters)
            lines.append(x("blank_numbers", lang) + values)
            continue
        drawn = variants(spec.kit_params, lambda **_: None, seed, key=spec.id).params
        values = COMMA[lang].join(f"{p.name} = {format_value(drawn[p.name])} {printed_unit(p.unit)}".strip() for p in spec.parameters)
        lines.append(x("your_numbers", lang, seed=seed) + values)
    return "".join(f'<p class="numbers">{html.escape(line)}</p>' for line in lines)


def sheet(activity: Activity, lang: str, seed: int | None = None) -> str:
    """One student's page as an HTML fragment."""
    m = activity.metadata
    if m.public:
        return handout(activity, lang)
    found = parts(activity, lang)
    colon = COLON[lang]
    who = "".join(f"<span>{x(k, lang)}{colon.rstrip()}</span>" for k in ("name", "class", "number", "date"))
    if seed is not None:
        who = who.replace(f"{x('number', lang)}{colon.rstrip()}", f"{x('number', lang)}{colon}{seed}")
    roomy = len(found.predictions) + len(found.exercises) <= ROOMY
    body = _sections(activity, found, lang, headings="", prediction_lines=2 if roomy else 1,
                     numbers=lambda text: student_numbers(activity, seed, lang) if "SEED" in text else "")
    return (f'<section class="sheet"><h1>{html.escape(m.title[lang])} · {x("worksheet", lang)}</h1><div class="who">{who}</div>'
            f'{body}<p class="foot">sciedu · {activity.key} · {m.licence} · {x("footer", lang)}</p></section>')


def handout(activity: Activity, lang: str) -> str:
    """A public session's large-print handout: the same parts as a worksheet, addressed to adults (no class or
    student number, no seeded numbers), every question with room to write."""
    m = activity.metadata
    colon = COLON[lang]
    body = _sections(activity, parts(activity, lang), lang, headings="handout_", prediction_lines=2, numbers=lambda _: "")
    return (f'<section class="sheet large"><h1>{html.escape(m.title[lang])}</h1><p>{x("handout", lang)} · '
            f'{x("date", lang)}{colon}__________</p>{body}'
            f'<p class="foot">sciedu · {activity.key} · {m.licence} · {x("handout_footer", lang)}</p></section>')


def _sections(activity: Activity, found: Parts, lang: str, *, headings: str, prediction_lines: int,
              numbers: Callable[[str], str]) -> str:
    """Predictions, the data table, the exercises and the self-check, under the headings ``TEXT[headings + key]``
    (the worksheet's, or the handout's words for adults); ``numbers`` gives an exercise's own numbers."""
    m = activity.metadata
    colon = COLON[lang]
    out = []
    if found.predictions:
        items = "".join(f"<li>{_inline(p)}{_lines(prediction_lines)}</li>" for p in found.predictions)
        out.append(f'<h2>{x(headings + "predict", lang)}</h2><ol>{items}</ol>')
    table = m.worksheet.table
    if table:
        head = "".join(f"<th>{html.escape(c[lang])}</th>" for c in table.columns)
        rows = "".join("<tr>" + "<td></td>" * len(table.columns) + "</tr>" for _ in range(table.rows))
        out.append(f'<h2>{x(headings + "record", lang)}{colon}{html.escape(table.title[lang])}</h2>')
        out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    if found.exercises:
        items = "".join(f"<li>{_inline(_plain_exercise(text))}{numbers(text)}"
                        f"{_options(found.choices[i]) if i in found.choices else _lines(2)}</li>"
                        for i, text in enumerate(found.exercises))
        out.append(f'<h2>{x(headings + "exercises", lang)}</h2><ol class="exercises">{items}</ol>')
    if m.worksheet.self_check:
        checks = "".join(f"<li>{html.escape(c[lang])}</li>" for c in m.worksheet.self_check)
        out.append(f'<h2>{x(headings + "self_check", lang)}</h2><ul class="check">{checks}</ul>')
    return "".join(out)


def _options(labels: tuple[str, ...]) -> str:
    """A multiple choice on paper: lettered options, each with a box to tick."""
    items = "".join(f"<li>{chr(ord('A') + i)}. {_inline(label)}</li>" for i, label in enumerate(labels))
    return f'<ul class="check options">{items}</ul>'


def _lines(count: int) -> str:
    return '<div class="line"></div>' * count


def _one_line(text: str) -> str:
    """A wrapped paragraph as one line."""
    joined = ""
    for line in text.split("\n"):
        joined = _join(joined, line.strip()) if joined else line.strip()
    return joined


def _plain_exercise(text: str) -> str:
    """The exercise with one space after its bold lead (the list numbers it)."""
    return re.sub(r"^\*\*(.+?)\*\*\s*", r"**\1** ", text)


CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _join(before: str, after: str) -> str:
    """Join wrapped source lines: no space between Chinese characters, one space otherwise."""
    if before and after and (CJK.match(before[-1]) or CJK.match(after[0])):
        return before + after
    return f"{before} {after}"


def render(activity: Activity, lang: str, *, katex: str, seeds: list[int] | None = None) -> str:
    """A whole HTML document: one page, or one page per seed. ``katex``: URL prefix of the KaTeX files."""
    pages = [sheet(activity, lang, seed) for seed in seeds] if seeds else [sheet(activity, lang)]
    title = f"{activity.metadata.title[lang]} · {x('handout' if activity.metadata.public else 'worksheet', lang)}"
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<link rel="stylesheet" href="{katex}katex.min.css">
<style>{CSS}</style>
</head>
<body{' class="large"' if activity.metadata.public else ''}>
{"".join(pages)}
<script src="{katex}katex.min.js"></script>
<script src="{katex}auto-render.min.js"></script>
<script>
document.querySelectorAll(".arithmatex").forEach(function (el) {{
  renderMathInElement(el, {{delimiters: [{{left: "\\\\(", right: "\\\\)", display: false}}, {{left: "\\\\[", right: "\\\\]", display: true}}], throwOnError: false}});
}});
</script>
</body>
</html>
"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def to_pdf(document: str, output: Path, browser: str) -> None:
    """Print ``document`` to ``output`` with headless Chromium (A4 from the page's CSS, no header or footer)."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "worksheet.html"
        page.write_text(document, encoding="utf-8")
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                   "--virtual-time-budget=5000", f"--print-to-pdf={output.resolve()}", page.as_uri()]
        subprocess.run(command, check=True, capture_output=True, timeout=120)


PAGE = "worksheet.html"


def write_page(folder: Path, activity: Activity, lang: str) -> tuple[str, str]:
    """The site's worksheet beside the activity page (``activities/<subject>/<id>/``); its (link, label)."""
    (folder / PAGE).write_text(render(activity, lang, katex="../../../assets/katex/"), encoding="utf-8")
    return PAGE, x("handout_download" if activity.metadata.public else "download", lang)
