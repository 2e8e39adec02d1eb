"""An executed notebook → one Markdown page plus its figure files. Our own converter, for light pages:

- cells by role: ``remove-cell`` hidden, ``hide-input`` folded, ``remove-input`` output only,
  ``teacher`` and ``solution`` (teacher pages) in call-outs;
- outputs: text, errors, LaTeX (KaTeX on the page), HTML, and images written as files;
- saved widgets: the controls' saved values and the figures their Output widget holds, read from the
  notebook's widget state, so nothing is blank and nothing is fetched from a CDN;
- nothing live: HTML that code produced is rebuilt from an allow-list (``htmlsafety.sanitize_html``), and
  script, frames, handlers and ``javascript:`` links in Markdown are escaped (``sciedu check`` refuses them
  in sources already; this is the second line of defence).
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass, field
from typing import Any

import nbformat
from nbconvert.filters import strip_ansi

from sciedu import htmlsafety, mdscan
from sciedu.checks import figures
from sciedu.kit.states import STATES_KEY
from sciedu.mime import WIDGET_STATE, WIDGET_VIEW
from sciedu.site import explore, live
from sciedu.site.i18n import t

MYST_ADMONITION = re.compile(r"^```\{(note|tip|warning|important|caution|hint|attention|danger|seealso)\}\s*(.*?)\n(.*?)^```\s*$", re.M | re.S)


@dataclass
class Page:
    """The Markdown text and the files (figures) it links to, by relative path."""

    markdown: str
    files: dict[str, bytes] = field(default_factory=dict)


@dataclass
class _Context:
    lang: str
    teacher: bool
    figure_prefix: str
    widget_state: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    code_number: int = 0
    alt: str = ""  # the current code cell's author-written alternative text for its figures
    cell_id: str = ""
    states: dict[str, Any] = field(default_factory=dict)  # precomputed interact states by cell id


def tags(cell: nbformat.NotebookNode) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def convert(nb: nbformat.NotebookNode, lang: str, *, teacher: bool = False, figure_prefix: str = "figures/",
            states: dict[str, Any] | None = None) -> Page:
    """``states``: precomputed interact states by cell id (default: the notebook's own, if the build made them)."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    ctx = _Context(lang=lang, teacher=teacher, figure_prefix=figure_prefix, widget_state=state,
                   states=states if states is not None else nb.metadata.get(STATES_KEY, {}))
    blocks = [_cell(cell, ctx) for cell in nb.cells]
    text = "\n\n".join(b for b in blocks if b.strip())
    return Page(markdown=text.strip() + "\n", files=ctx.files)


def _cell(cell: nbformat.NotebookNode, ctx: _Context) -> str:
    cell_tags = tags(cell)
    if cell.cell_type == "code":
        ctx.code_number += 1
        ctx.alt = figures.alt_text(cell)
        ctx.cell_id = cell.get("id", "")
    if "remove-cell" in cell_tags or cell.cell_type == "raw":
        return ""
    body = _markdown_cell(cell.source) if cell.cell_type == "markdown" else _code_cell(cell, ctx)
    if "teacher" in cell_tags:
        return _callout("info", t("teacher_note", ctx.lang), body)
    if "solution" in cell_tags:
        return _callout("success", t("solution", ctx.lang), body)
    if "exercise" in cell_tags:
        return _callout("question", t("exercise", ctx.lang), body)
    return body


def _markdown_cell(source: str) -> str:
    def admonition(match: re.Match[str]) -> str:
        kind, title, body = match.group(1), match.group(2).strip(), match.group(3)
        return _callout(kind, title, body.strip())

    return MYST_ADMONITION.sub(admonition, _inert(source))


def _inert(markdown: str) -> str:
    """Markdown with every dangerous construct in its prose escaped; code blocks and spans unchanged."""
    lines, _ = mdscan.scan(markdown, front_matter=False)
    return "\n".join(mdscan.outside_code_spans(line.text, htmlsafety.neutralise)
                     if line.prose and htmlsafety.find_unsafe(mdscan.without_code_spans(line.text)) else line.text
                     for line in lines)


def _callout(kind: str, title: str, body: str) -> str:
    title_part = f' "{title}"' if title else ""
    return f"!!! {kind}{title_part}\n\n" + _indent(body)


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


def _code_cell(cell: nbformat.NotebookNode, ctx: _Context) -> str:
    cell_tags = tags(cell)
    parts = []
    code = f"```python\n{cell.source}\n```" if cell.source.strip() else ""
    if code and "remove-input" not in cell_tags:
        parts.append(f'??? note "{t("show_code", ctx.lang)}"\n\n' + _indent(code) if "hide-input" in cell_tags else code)
    for index, output in enumerate(cell.get("outputs", [])):
        rendered = _output(output, ctx, f"{cell.get('id', 'cell')}-{index}")
        if rendered:
            parts.append(rendered)
    return "\n\n".join(parts)


def _output(output: nbformat.NotebookNode, ctx: _Context, name: str) -> str:
    kind = output.get("output_type")
    if kind == "stream":
        return _text_block(output.get("text", ""))
    if kind == "error":
        return _text_block(strip_ansi("\n".join(output.get("traceback", [])) or f"{output.ename}: {output.evalue}"))
    data = output.get("data", {})
    if live.LIVE_MIME in data:  # a kit widget that runs in the browser (sciedu/site/live.py)
        return live.render(data[live.LIVE_MIME], ctx.lang, name)
    if WIDGET_VIEW in data and explore.is_live(ctx.states.get(ctx.cell_id)):
        return _explorable(ctx.states[ctx.cell_id], ctx, name)
    if WIDGET_VIEW in data:
        widget = _widget(data[WIDGET_VIEW].get("model_id", ""), ctx, name)
        if widget:
            return widget
    if "image/png" in data:
        return _image(base64.b64decode(data["image/png"]), "png", ctx, name)
    if "image/svg+xml" in data:
        svg = data["image/svg+xml"]
        return _image((svg if isinstance(svg, str) else "".join(svg)).encode(), "svg", ctx, name)
    if "text/latex" in data:
        return _latex(data["text/latex"])
    if "text/markdown" in data:
        return _inert(_joined(data["text/markdown"]))
    if "text/html" in data:
        return f'<div class="sciedu-output">\n{htmlsafety.sanitize_html(_joined(data["text/html"]))}\n</div>'
    if "text/plain" in data:
        return _text_block(data["text/plain"])
    return ""


def _joined(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


def _text_block(text: str) -> str:
    text = text.rstrip("\n")
    return f'```text\n{text}\n```' if text.strip() else ""


def _latex(latex: str) -> str:
    body = latex.strip()
    for opener, closer in (("$$", "$$"), ("$", "$"), (r"\[", r"\]")):
        if body.startswith(opener) and body.endswith(closer) and len(body) > len(opener) + len(closer):
            body = body[len(opener): -len(closer)]
            break
    body = body.replace(r"\displaystyle", "").strip()
    return f"$$\n{body}\n$$"


def _image(data: bytes, ext: str, ctx: _Context, name: str) -> str:
    path = f"{ctx.figure_prefix}{name}.{ext}"
    ctx.files[path] = data
    alt = ctx.alt or t("figure", ctx.lang, n=ctx.code_number)
    alt = " ".join(alt.split()).replace("<", "‹").replace(">", "›")  # one line, no HTML
    alt = re.sub(r"([\\\[\]*_`])", r"\\\1", alt)  # Markdown-inert
    return f"![{alt}]({path})"


def _explorable(spec: dict[str, Any], ctx: _Context, name: str) -> str:
    def render_output(data: dict[str, Any], part: str) -> str:
        return _output(nbformat.from_dict({"output_type": "display_data", "data": data, "metadata": {}}), ctx, part)

    alt = ctx.alt or t("figure", ctx.lang, n=ctx.code_number)
    body, files = explore.render(spec, ctx.lang, name, alt, render_output)
    ctx.files.update({f"{ctx.figure_prefix}{path.removeprefix('figures/')}": data for path, data in files.items()})
    return body


# --- saved widgets -------------------------------------------------------------------------------

SLIDERS = {"FloatSliderModel", "IntSliderModel", "FloatLogSliderModel"}
SELECTIONS = {"DropdownModel", "ToggleButtonsModel", "RadioButtonsModel", "SelectModel", "SelectionSliderModel"}
CONTAINERS = {"VBoxModel", "HBoxModel", "BoxModel", "GridBoxModel"}
TEXTUAL = {"LabelModel", "HTMLModel", "TextModel", "HTMLMathModel"}


def _widget(model_id: str, ctx: _Context, name: str) -> str:
    controls: list[str] = []
    outputs: list[str] = []
    _walk(model_id, ctx, name, controls, outputs, depth=0)
    if not controls and not outputs:
        return ""
    parts = ['<div class="sciedu-widget" markdown>']
    if controls:
        parts.append('<div class="sciedu-controls">\n' + "\n".join(controls) + "\n</div>")
    parts += outputs
    parts.append(f'<p class="sciedu-widget-note">{html.escape(t("widget_note", ctx.lang))}</p>')
    parts.append("</div>")
    return "\n\n".join(parts)


def _walk(model_id: str, ctx: _Context, name: str, controls: list[str], outputs: list[str], depth: int) -> None:
    model = ctx.widget_state.get(model_id)
    if model is None or depth > 20:
        return
    kind, state = model.get("model_name", ""), model.get("state", {})
    if kind in CONTAINERS:
        for child in state.get("children", []):
            _walk(str(child).removeprefix("IPY_MODEL_"), ctx, name, controls, outputs, depth + 1)
    elif kind == "OutputModel":
        for index, output in enumerate(state.get("outputs", [])):
            rendered = _output(nbformat.from_dict(output), ctx, f"{name}-w{len(outputs)}-{index}")
            if rendered:
                outputs.append(rendered)
    else:
        control = _control(kind, state)
        if control:
            controls.append(control)


def _control(kind: str, state: dict[str, Any]) -> str:
    label = html.escape(str(state.get("description", "")))
    if kind in SLIDERS:
        value, low, high, step = (state.get(k) for k in ("value", "min", "max", "step"))
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        return (f'<label class="sciedu-control">{label} <input type="range" disabled min="{low}" max="{high}" '
                f'step="{step}" value="{value}" aria-label="{label}"> <output>{html.escape(shown)}</output></label>')
    if kind in SELECTIONS:
        labels, index = state.get("_options_labels", []), state.get("index")
        chosen = labels[index] if isinstance(index, int) and 0 <= index < len(labels) else ""
        return f'<span class="sciedu-control">{label} <output>{html.escape(str(chosen))}</output></span>'
    if kind == "CheckboxModel":
        return f'<span class="sciedu-control">{label} <output>{"☑" if state.get("value") else "☐"}</output></span>'
    if kind in TEXTUAL:
        value = str(state.get("value", ""))
        return f'<span class="sciedu-control">{label} {htmlsafety.sanitize_html(value) if kind.startswith("HTML") else html.escape(value)}</span>'
    if kind == "ButtonModel":
        return f'<span class="sciedu-control sciedu-button">{label}</span>'
    return ""
