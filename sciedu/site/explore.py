"""An ``interact`` whose every state the build computed (``sciedu/kit/states.py``) → real controls on the page.

The page gets enabled controls (a range input per slider, a ``<select>`` per dropdown, a checkbox), the
output of the initial state rendered like any other output, and a script file beside the page holding the
other states: figures, HTML and text, each stored once. ``sciedu-explore.js`` loads that file on the first
touch of a control (with a ``<script>`` element, so it works from ``file://``) and swaps in the state the
controls now select. Nothing is computed in the browser and nothing is fetched from outside the site.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Callable
from typing import Any

from sciedu import htmlsafety
from sciedu.languages import N_

SCRIPT = "sciedu-explore.js"

_TEXT = {
    "live": N_("Live: move the sliders or change the options and the result below follows (every result was computed in advance; no connection needed)."),
    "loading": N_("Loading…"),
    "failed": N_("The precomputed results could not be loaded; download the notebook and run it."),
}


def is_live(spec: object) -> bool:
    return isinstance(spec, dict) and isinstance(spec.get("controls"), list) and isinstance(spec.get("states"), list)


def state_count(spec: dict[str, Any]) -> int:
    return math.prod(len(control["values"]) for control in spec["controls"])


def render(spec: dict[str, Any], lang: str, name: str, alt: str,
           render_output: Callable[[dict[str, Any], str], str]) -> tuple[str, dict[str, bytes]]:
    """The widget's HTML and the files it needs: ``{name}-states.js``. ``render_output(data, name)`` renders
    one output of the initial state (figures become files, as for any other output)."""
    controls = spec["controls"]
    initial = [int(control.get("initial", 0)) for control in controls]
    state = spec["states"][_index(initial, controls)]
    shown = [render_output({spec["blobs"][blob]["mime"]: spec["blobs"][blob]["data"]}, f"{name}-s{number}")
             for number, blob in enumerate(state)]
    states_file = f"figures/{name}-states.js"
    widget_id = f"sciedu-explore-{name}"
    parts = [f'<div class="sciedu-widget sciedu-explore" id="{widget_id}" data-states="{html.escape(states_file)}" '
             f'data-states-id="{html.escape(name)}" data-alt="{html.escape(alt)}" '
             f'data-loading="{html.escape(_TEXT["loading"][lang])}" data-failed="{html.escape(_TEXT["failed"][lang])}" markdown>',
             f'<p class="sciedu-explore-note">{html.escape(_TEXT["live"][lang])}</p>',
             '<div class="sciedu-controls">\n' + "\n".join(_control(c, i, widget_id) for i, c in enumerate(controls)) + "\n</div>",
             '<div class="sciedu-explore-output" aria-live="polite" markdown>', *shown, "</div>", "</div>"]
    return "\n\n".join(parts), {states_file: states_script(name, spec).encode()}


def states_script(name: str, spec: dict[str, Any]) -> str:
    """``window.SCIEDU_STATES[name] = {blobs, states, sizes}``: blobs as the page shows them."""
    blobs = [_page_blob(blob) for blob in spec["blobs"]]
    data = {"blobs": blobs, "states": spec["states"], "sizes": [len(c["values"]) for c in spec["controls"]],
            "labels": [c["labels"] for c in spec["controls"]]}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"(window.SCIEDU_STATES=window.SCIEDU_STATES||{{}})[{json.dumps(name)}]={text};\n"


def _page_blob(blob: dict[str, str]) -> list[str]:
    """[kind, data]: "svg" (the SVG text), "img" (a data: address), "html" (sanitised) or "text"."""
    mime, data = blob["mime"], blob["data"]
    if mime == "image/svg+xml":
        return ["svg", data]
    if mime in ("image/png", "image/jpeg"):
        return ["img", f"data:{mime};base64,{data.strip()}"]
    if mime == "text/html":
        return ["html", htmlsafety.sanitize_html(data)]
    if mime == "text/markdown":  # display(Markdown(...)) in a callback: rendered here, as the page renders Markdown
        import markdown

        return ["html", htmlsafety.sanitize_html(markdown.markdown(data, extensions=["tables"]))]
    return ["text", data.rstrip("\n")]


def _index(positions: list[int], controls: list[dict[str, Any]]) -> int:
    """Row-major: the first control varies slowest, as itertools.product made the states."""
    index = 0
    for position, control in zip(positions, controls, strict=True):
        index = index * len(control["values"]) + position
    return index


def _control(control: dict[str, Any], number: int, widget_id: str) -> str:
    label = html.escape(str(control.get("label") or control.get("name", "")))
    labels = [str(x) for x in control["labels"]]
    initial = int(control.get("initial", 0))
    control_id = f"{widget_id}-c{number}"
    if control["kind"] == "range":
        return (f'<label class="sciedu-control" for="{control_id}">{label} '
                f'<input type="range" id="{control_id}" data-control="{number}" min="0" max="{len(labels) - 1}" step="1" '
                f'value="{initial}" aria-valuetext="{html.escape(labels[initial])}"> '
                f'<output for="{control_id}">{html.escape(labels[initial])}</output></label>')
    if control["kind"] == "select":
        options = "".join(f'<option value="{i}"{" selected" if i == initial else ""}>{html.escape(text)}</option>'
                          for i, text in enumerate(labels))
        return (f'<label class="sciedu-control" for="{control_id}">{label} '
                f'<select id="{control_id}" data-control="{number}">{options}</select></label>')
    checked = " checked" if initial else ""
    return (f'<label class="sciedu-control" for="{control_id}"><input type="checkbox" id="{control_id}" '
            f'data-control="{number}"{checked}> {label}</label>')
