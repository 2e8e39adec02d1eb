"""Kit widgets that work on the page without a kernel: live spec (from the notebook output) → HTML.

The kit puts a JSON spec next to each widget's view in the notebook output, under
:data:`sciedu.kit.live.LIVE_MIME` (see that module). :func:`render` turns one spec into real HTML controls
(a labelled text box and button, radio buttons in a fieldset, text areas) with the spec inlined as a
``<script type="application/json">`` block; ``sciedu-live.js`` wires them up. No data file is fetched, so the
page works from ``file://`` as well as from a server. :func:`write_assets` writes the script, its CSS and the
unit table (generated from the kit's pint registry) into the site's assets folder.

Nothing here runs Python in the browser, and nothing a student types leaves the page: predictions are kept
in the browser's localStorage only.
"""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path
from typing import Any

from sciedu.kit.live import LIVE_MIME, unit_table
from sciedu.languages import N_

HERE = Path(__file__).parent
SCRIPT = "sciedu-live.js"
STYLE = "sciedu-live.css"
UNITS = "sciedu-units.js"
#: Registered in the per-language mkdocs config (``sciedu/site/config.py``); the unit table loads on demand.
EXPLORE_SCRIPT = "sciedu-explore.js"  # precomputed interact states (sciedu/site/explore.py)
EXTRA_JAVASCRIPT = (f"assets/{SCRIPT}", f"assets/{EXPLORE_SCRIPT}")
EXTRA_CSS = (f"assets/{STYLE}",)

__all__ = ["LIVE_MIME", "render", "write_assets", "units_script"]

_TEXT = {
    "notebook_only": N_("This answer is checked in the notebook (it needs symbolic maths, which the page cannot do)."),
    "download": N_("Download the notebook"),
    "you_can_write": N_("Units you can write, for example: "),
    "seed_help": N_("Enter your seed (student number, 1–{last}) to get your own numbers; for other numbers, run the notebook."),
    "seed_first": N_("Enter your seed (1–{last}) first."),
    "saved_here": N_("Your prediction is kept only in this browser on this device; it is not sent anywhere."),
    "no_observation": N_("Run the notebook to see this result."),
}


def render(spec: dict[str, Any], lang: str, name: str) -> str:
    """The HTML block for one live spec; ``name`` makes the element ids unique on the page."""
    kind = spec.get("type") if isinstance(spec, dict) else None
    uid = "sl-" + re.sub(r"[^A-Za-z0-9_-]", "-", name)
    if kind == "quantity":
        body = _quantity(spec, lang, uid)
    elif kind == "choice":
        body = _choice(spec, uid)
    elif kind == "prediction":
        body = _prediction(spec, lang, uid)
    else:
        body = _notebook_only(lang)
    data = _json_script(spec) if kind in ("quantity", "choice", "prediction") else ""
    return f'<div class="sciedu-live sciedu-live-{_e(kind or "unknown")}" id="{uid}" data-sciedu-live="{_e(kind or "")}">\n{data}{body}\n</div>'


def _quantity(spec: dict[str, Any], lang: str, uid: str) -> str:
    labels = spec["labels"]
    parts = []
    variant = spec.get("variant")
    if variant:
        last = variant["first"] + len(variant["rows"]) - 1
        parts.append(
            f'<p class="sciedu-live-seed" data-seed-first="{_e(_TEXT["seed_first"][lang].format(last=last))}">'
            f'<label for="{uid}-seed">{_e(labels["v_seed"])}</label> '
            f'<input id="{uid}-seed" type="number" inputmode="numeric" min="{variant["first"]}" max="{last}" step="1" '
            f'aria-describedby="{uid}-seedhelp"> '
            f'<output id="{uid}-numbers" aria-live="polite"></output></p>'
            f'<p class="sciedu-live-help" id="{uid}-seedhelp">{_e(_TEXT["seed_help"][lang].format(last=last))}</p>')
    parts.append(
        f'<p class="sciedu-live-row"><label for="{uid}-in">{_e(labels["w_answer"])}</label> '
        f'<input id="{uid}-in" type="text" autocomplete="off" autocapitalize="off" spellcheck="false" '
        f'placeholder="{_e(labels["w_placeholder"])}" aria-describedby="{uid}-units"> '
        f'<button type="button" class="md-button" title="{_e(labels["w_check_tooltip"])}">{_e(labels["w_check"])}</button></p>')
    # a pure number (no unit expected) gets no unit hint: "degree, rad" would only confuse
    shown = list(spec.get("accepted", {}))[:12] if spec.get("expected", {}).get("has_unit", True) else []
    if shown:
        parts.append(f'<p class="sciedu-live-help" id="{uid}-units">{_e(_TEXT["you_can_write"][lang])}{_e(", ".join(shown))}</p>')
    parts.append('<div class="sciedu-live-feedback" role="status" aria-live="polite"></div>')
    return "\n".join(parts)


def _choice(spec: dict[str, Any], uid: str) -> str:
    labels = spec["labels"]
    options = "\n".join(
        f'<label class="sciedu-live-option"><input type="radio" name="{uid}-choice" value="{i}"> '
        f'<span>{_e(option["label"])}</span></label>' for i, option in enumerate(spec["options"]))
    return (f'<fieldset><legend>{_e(spec["question"])}</legend>\n{options}\n</fieldset>\n'
            f'<p class="sciedu-live-row"><button type="button" class="md-button">{_e(labels["w_check"])}</button></p>\n'
            '<div class="sciedu-live-feedback" role="status" aria-live="polite"></div>')


def _prediction(spec: dict[str, Any], lang: str, uid: str) -> str:
    labels = spec["labels"]
    observation = "" if spec.get("observation") else f' data-missing="{_e(_TEXT["no_observation"][lang])}"'
    return (f'<p class="sciedu-live-prompt">{_e(spec["prompt"])}</p>\n'
            f'<p><label for="{uid}-p">{_e(labels["w_prediction"])}</label><br>'
            f'<textarea id="{uid}-p" rows="3" placeholder="{_e(labels["w_prediction_placeholder"])}"></textarea></p>\n'
            f'<p class="sciedu-live-row"><button type="button" class="md-button" data-step="record">{_e(labels["w_record"])}</button> '
            f'<button type="button" class="md-button" data-step="reveal"{observation}>{_e(labels["w_reveal"])}</button></p>\n'
            '<div class="sciedu-live-feedback" role="status" aria-live="polite"></div>\n'
            f'<p><label for="{uid}-e">{_e(labels["w_explanation"])}</label><br>'
            f'<textarea id="{uid}-e" rows="3" placeholder="{_e(labels["w_explanation_placeholder"])}"></textarea></p>\n'
            f'<p class="sciedu-live-row"><button type="button" class="md-button" data-step="explain">{_e(labels["w_explain"])}</button></p>\n'
            f'<p class="sciedu-live-help">{_e(_TEXT["saved_here"][lang])}</p>')


def _notebook_only(lang: str) -> str:
    return (f'<p>{_e(_TEXT["notebook_only"][lang])} '
            f'<a class="sciedu-live-notebook" href="#">{_e(_TEXT["download"][lang])}</a></p>')


def _json_script(data: object) -> str:
    """JSON that cannot end the script element early or be read as HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" class="sciedu-live-spec">{text}</script>\n'


@functools.lru_cache(maxsize=1)
def units_script() -> str:
    """``sciedu-units.js``: the unit table as a script that sets ``window.SCIEDU_UNITS`` (no fetch: file://)."""
    table = unit_table() | {"logarithmic": logarithmic_units()}
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"/* generated by sciedu from the kit's pint registry: do not edit */\nwindow.SCIEDU_UNITS={text};\n"


def logarithmic_units() -> list[str]:
    """Names of the registry's logarithmic units (dB, Np, octave): the page leaves answers in them to the notebook."""
    from sciedu.kit.units import unit_registry

    registry = unit_registry()
    return sorted(name for name, definition in registry._units.items()  # noqa: SLF001 -- no public list
                  if getattr(definition, "is_logarithmic", False))


def write_assets(assets: Path) -> list[Path]:
    """Write the script, its CSS and the generated unit table into ``assets``."""
    assets.mkdir(parents=True, exist_ok=True)
    written = []
    for name in (SCRIPT, EXPLORE_SCRIPT, STYLE):
        target = assets / name
        target.write_bytes((HERE / name).read_bytes())
        written.append(target)
    units = assets / UNITS
    units.write_text(units_script(), encoding="utf-8")
    written.append(units)
    return written


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)
