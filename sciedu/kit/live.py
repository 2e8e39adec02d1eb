"""What a web page needs to run a kit widget without a kernel: small JSON "live specs".

Each kit widget (answer box, multiple choice, prediction) adds one extra entry to its notebook display bundle,
under the MIME type :data:`LIVE_MIME`. Jupyter shows the widget view and ignores a MIME type it does not know;
the site converter (``sciedu/site/live.py``) finds the spec in the executed notebook's output and renders a
live HTML control that ``sciedu-live.js`` drives in the browser. Everything the browser needs to give the same
feedback as the notebook is here, in the page's language, computed by the same Python code the notebook uses:

- answer box with ``check_quantity``: the expected value and unit (with its factor to SI base units and its
  dimension), the tolerance, every feedback text (filled in where the text does not depend on the answer),
  the conversion-slip factors, and the accepted spellings of units of that dimension;
- multiple choice: the option labels and, per option, the exact feedback ``MultipleChoice.check`` gives;
- prediction: the prompt, the observation when it is text, and the step messages;
- an answer box whose expected value is the latest ``variants(...)`` answer: that variant's table for seeds
  1 to :data:`VARIANT_SEEDS`, computed here by the same ``variants`` function (the page never runs Python).

Checkers the page cannot mirror (``check_expression`` needs SymPy, or the teacher's own function) get a
``notebook-only`` spec, and the page says so. :func:`unit_table` is the unit data ``sciedu-live.js`` parses
units with, generated from the kit's pint registry and its Chinese unit names; the site build writes it out
once per site. The kit stays self-contained: nothing here imports from ``sciedu`` outside ``sciedu.kit``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from typing import Any

from sciedu.kit.lang import catalogued_languages, pick, resolve_lang
from sciedu.kit.messages import MESSAGES, message

LIVE_MIME = "application/vnd.sciedu.live+json"
SPEC_VERSION = 1
VARIANT_SEEDS = 200

# Messages an answer box may show, looked up by the browser with the page's language.
QUANTITY_MESSAGES = (
    "correct", "empty", "too_long", "internal", "q_wrong_number", "q_wrong_dimension", "q_too_large",
    "q_too_small", "q_hint_prefix", "q_hint_speed", "q_hint_time", "q_hint_days", "q_hint_temperature",
    "q_missing_unit", "q_missing_unit_number_ok", "q_no_number", "q_unknown_unit", "q_bad_unit", "q_bad_char",
    "q_bad_exponent", "q_number_too_large", "q_decimal_comma",
)
WIDGET_MESSAGES = ("w_answer", "w_check", "w_check_tooltip", "w_placeholder", "w_choice", "w_prediction",
                   "w_prediction_placeholder", "w_record", "w_reveal", "w_explanation",
                   "w_explanation_placeholder", "w_explain", "v_seed", "v_answer")
PREDICTION_MESSAGES = ("r_recorded", "r_no_prediction", "r_empty_prediction", "r_reveal", "r_explain",
                       "r_explain_first", "r_explained", "r_empty_explanation", "too_long")

# The latest variants(...) call in this kernel: (params, answer, constraints, key, the Variant it returned).
_LAST_VARIANT: list[tuple[Any, ...]] = []


def remember_variant(params: Mapping[str, Any], answer: Any, constraints: list[Any], key: str,
                     variant: Any) -> None:
    """Called by :func:`sciedu.kit.seeded.variants`: an answer box built next may follow this variant."""
    _LAST_VARIANT[:] = [(dict(params), answer, list(constraints), key, variant)]


def answer_spec(checker: Callable[..., Any], lang: str) -> dict[str, Any]:
    """The live spec of an answer box around ``checker``; ``notebook-only`` unless it is ``check_quantity``."""
    from sciedu.kit.quantities import check_quantity

    lang = resolve_lang(lang)
    if isinstance(checker, functools.partial) and checker.func is check_quantity and not checker.args:
        keywords = dict(checker.keywords)
        keywords.pop("lang", None)
        if set(keywords) <= {"expected", "rtol", "atol"} and "expected" in keywords:
            try:
                spec = quantity_spec(keywords["expected"], keywords.get("rtol"), keywords.get("atol"), lang)
                return spec | {"call": _call(keywords)}
            except Exception:  # noqa: BLE001 -- an odd expected value: leave this box to the notebook
                pass
    func = checker.func if isinstance(checker, functools.partial) else checker
    reason = "symbolic" if getattr(func, "__name__", "") == "check_expression" else "custom"
    return _base("notebook-only", lang) | {"reason": reason}


def _call(keywords: Mapping[str, Any]) -> dict[str, Any]:
    """The notebook's own arguments, when they are plain JSON (for tests that re-run the Python check)."""
    plain = (str, int, float, type(None))
    return {k: v if isinstance(v, plain) else None for k, v in keywords.items()}


def quantity_spec(expected: object, rtol: float | None, atol: object, lang: str) -> dict[str, Any]:
    """Everything ``check_quantity(answer, expected, rtol=rtol, atol=atol, lang=lang)`` needs, as JSON."""
    from sciedu.kit.dimensions import describe_dimension
    from sciedu.kit.quantities import CONVERSION_FACTORS, _format_factor, expected_quantity, make_tolerance
    from sciedu.kit.units import MAX_LENGTH, unit_meanings

    lang = resolve_lang(lang)
    target = expected_quantity(expected)
    tolerance = make_tolerance(target, rtol, atol)
    unit = str(target.units)
    factor, offset, dims = _unit_entry(unit)
    texts = {key: MESSAGES[key][lang] for key in QUANTITY_MESSAGES}
    texts["too_long"] = message("too_long", lang, limit=MAX_LENGTH)
    texts["q_wrong_number"] = message("q_wrong_number", lang, tolerance=tolerance.describe(target))
    texts["unnamed_dimension"] = _unnamed_dimension_template(lang)
    spec = _base("quantity", lang) | {
        "expected": {"value": float(target.magnitude), "unit": unit, "text": f"{target:~P}",
                     "factor": factor, "offset": offset, "dims": dims,
                     "has_unit": bool(dict(target.unit_items())),
                     "dimension": describe_dimension(target, lang)},
        "rtol": tolerance.rtol, "atol": tolerance.atol, "default_rtol": _default_rtol(),
        "factors": [[f, hint, _format_factor(f)] for f, hint in CONVERSION_FACTORS],
        "messages": texts,
        "accepted": accepted_spellings(dims, factor),
        "meanings": unit_meanings(target),
    }
    variant = _variant_for(target, lang)
    if variant is not None:
        spec["variant"] = variant
    return spec


def choice_spec(question: Any, lang: str) -> dict[str, Any]:
    """A multiple-choice question: its labels and the exact feedback ``check`` gives for each option."""
    lang = resolve_lang(lang)
    options = []
    for index, label in enumerate(question.labels(lang)):
        feedback = question.check(index, lang=lang)
        options.append({"label": label, "correct": feedback.correct, "kind": feedback.kind,
                        "message": feedback.message, "misconception": feedback.misconception})
    return _base("choice", lang) | {
        "question": pick(question.question, lang), "options": options,
        "none": message("c_none", lang),
    }


def prediction_spec(prediction: Any, lang: str) -> dict[str, Any]:
    """Predict → observe → explain. The observation is included only when it is text, not a callable."""
    lang = resolve_lang(lang)
    reveal = getattr(prediction, "_reveal", None)
    observation = None if reveal is None or callable(reveal) else pick(reveal, lang)
    return _base("prediction", lang) | {
        "id": prediction.prompt_id, "prompt": pick(prediction.prompt, lang), "observation": observation,
        "explain": pick(prediction.explain_prompt, lang) or message("r_explain", lang),
        "messages": {key: MESSAGES[key][lang] for key in PREDICTION_MESSAGES} | {
            "too_long": message("too_long", lang, limit=5000)},
    }


def unit_table() -> dict[str, Any]:
    """Every unit name of the kit's pint registry with its factor (and offset) to SI base units and its
    dimension; prefixes; the Chinese unit names the kit reads; the named dimensions in every catalogued language."""
    from sciedu.kit.dimensions import NAMED_DIMENSIONS
    from sciedu.kit.units import CHINESE_UNITS, MAX_DECIMAL_EXPONENT, MAX_LENGTH, MAX_UNIT_EXPONENT, \
        unit_registry

    registry = unit_registry()
    units: dict[str, list[Any]] = {}
    for name in sorted(_defined_unit_names()):
        try:
            factor, offset, dims = _unit_entry(name)
        except Exception:  # noqa: BLE001 -- a few pint units have no base form; the browser defers on them
            continue
        units[name] = [factor, offset, dims] if offset else [factor, dims]
    # in pint's own order: for a name with several readings ("mins": minute+s or milli-inch+s) pint takes the first
    prefixes = [[name, float(definition.converter.scale)]
                for name, definition in registry._prefixes.items() if name]  # noqa: SLF001 -- no public list
    named = []
    for unit, name in NAMED_DIMENSIONS:
        named.append([_unit_entry(unit)[2], {lang: name[lang] for lang in catalogued_languages()}])
    return {
        "version": SPEC_VERSION, "dims": list(_base_dimensions()), "units": units, "prefixes": prefixes,
        "suffixes": list(registry._suffixes),  # noqa: SLF001
        "base_symbols": _base_symbols(),
        "chinese": CHINESE_UNITS, "named": named,
        "limits": {"length": MAX_LENGTH, "unit_exponent": MAX_UNIT_EXPONENT, "decimal_exponent": MAX_DECIMAL_EXPONENT},
        "temperature_scales": ["K", "degC", "degF"],
    }


def accepted_spellings(dims: list[float], factor: float) -> dict[str, float]:
    """The kit's Chinese unit names and their pint symbols for one dimension: spelling → value in the
    expected unit of 1 of that spelling (for the page's "you can write" line and for tests)."""
    from sciedu.kit.units import CHINESE_UNITS

    found: dict[str, float] = {}
    for chinese, symbol in CHINESE_UNITS.items():
        try:
            unit_factor, offset, unit_dims = _unit_entry(symbol)
        except Exception:  # noqa: BLE001
            continue
        if unit_dims == dims and not offset:
            found.setdefault(symbol, unit_factor / factor)
            found[chinese] = unit_factor / factor
    return found


def _unnamed_dimension_template(lang: str) -> str:
    """How ``describe_dimension`` names a kind of quantity without a name, with ``{base}`` for its SI units."""
    from sciedu.kit.dimensions import describe_dimension

    sample = unit_registry_().Quantity(1, "m*s")
    return describe_dimension(sample, lang).replace(f"{sample.units:~P}", "{base}", 1)


def _base(kind: str, lang: str) -> dict[str, Any]:
    return {"v": SPEC_VERSION, "type": kind, "lang": lang,
            "labels": {key: MESSAGES[key][lang] for key in WIDGET_MESSAGES}}


def _default_rtol() -> float:
    from sciedu.kit.quantities import DEFAULT_RTOL

    return DEFAULT_RTOL


@functools.cache
def _base_dimensions() -> tuple[str, ...]:
    registry = unit_registry_()
    names = set()
    for name in _defined_unit_names():
        try:
            names.update(registry.Quantity(1, name).dimensionality)
        except Exception:  # noqa: BLE001
            continue
    return tuple(sorted(names))


def _base_symbols() -> list[str]:
    """The SI base unit symbol of each base dimension, as pint prints it (for "a quantity measured in m·s")."""
    registry = unit_registry_()
    symbols = []
    for dimension in _base_dimensions():
        symbol = ""
        for name in sorted(_defined_unit_names()):
            try:
                quantity = registry.Quantity(1, name)
            except Exception:  # noqa: BLE001
                continue
            if dict(quantity.dimensionality) == {dimension: 1}:
                symbol = f"{quantity.to_base_units().units:~P}"
                break
        symbols.append(symbol)
    return symbols


def unit_registry_() -> Any:
    from sciedu.kit.units import unit_registry

    return unit_registry()


@functools.cache
def _defined_unit_names() -> frozenset[str]:
    """Names, symbols and aliases pint defines (not the prefixed names it adds to ``_units`` as it parses)."""
    registry = unit_registry_()
    names: set[str] = set()
    for definition in registry._units.values():  # noqa: SLF001
        names.add(definition.name)
        if definition.defined_symbol:
            names.add(definition.defined_symbol)
        names.update(definition.aliases)
    return frozenset(n for n in names if n and n in registry._units)  # noqa: SLF001


@functools.cache
def _unit_entry(unit: str) -> tuple[float, float, list[float]]:
    """(factor, offset, dimension exponents): ``value_in_base = value * factor + offset``."""
    registry = unit_registry_()
    zero = registry.Quantity(0.0, unit).to_base_units()
    one = registry.Quantity(1.0, unit).to_base_units()
    offset = float(zero.magnitude)
    factor = float(one.magnitude) - offset
    if not math.isfinite(factor) or factor == 0:
        msg = f"unit {unit!r} has no usable factor"
        raise ValueError(msg)
    if offset == 0:
        factor = float(registry.Quantity(1.0, unit).to_base_units().magnitude)
    dimensionality = one.dimensionality
    dims = [float(dimensionality.get(name, 0)) for name in _base_dimensions()]
    return factor, offset, dims


def _variant_for(target: Any, lang: str) -> dict[str, Any] | None:
    """The variant table when ``target`` is the answer of the latest ``variants(...)`` call not yet followed by an
    answer box (matched by value): ``answer_box(partial(check_quantity, expected=f"{mine.answer} m"))``."""
    if not _LAST_VARIANT:
        return None
    params, answer, constraints, key, variant = _LAST_VARIANT[0]
    value = variant.answer
    if isinstance(value, bool) or not isinstance(value, (int, float)) or float(value) != float(target.magnitude):
        return None
    from sciedu.kit.seeded import format_value, variants

    try:
        rows = [variants(params, answer, seed, constraints, key=key) for seed in range(1, VARIANT_SEEDS + 1)]
    finally:
        _LAST_VARIANT.clear()  # one variant, one answer box: a later box with the same number follows no table
    unit = f"{target.units:~P}"
    return {"key": key, "first": 1, "unit": unit,
            "rows": [[row.to_markdown(lang), format_value(row.answer), float(row.answer), dict(row.params)]
                     for row in rows]}
