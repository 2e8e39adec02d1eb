"""Inputs a student might type into an answer box, for the Python ↔ browser agreement test and benchmark.

Built from the box's expected value and unit: right answers in other units and spellings (Chinese names,
superscripts, full-width digits, ×10ⁿ forms), prefix and speed/time slips, missing units, wrong dimensions,
and malformed text (decimal commas, stray characters, huge powers, garbage).
"""

from __future__ import annotations

from typing import Any

GENERIC = [
    "", "   ", "abc", "m", "9,8 m", "1,000 m", "5 m/", "5 m**9", "5 m$", "5 foo", "5 (m", "5 m)", "5 ((((m))))",
    "9.8 m/s^2", "9.8 m/s²", "980 cm/s**2", "9.8 米每二次方秒", "36 千米每小时", "10 m/s", "5 kg", "3 s", "20 °C",
    "1e500 m", "1e999 m", "5 m m/m", "5 N*m/kg/(m/s**2)", "5 m s-1", "5 m·s⁻¹", "5 squared m", "5 ％",
    "5 度", "5 m**0.5", "5 sm", "x" * 201, "5 m/s/s", "5 1/s", "5 /s", "5 kph", "5 metres per second",
    "，5 m", "5。5 m", "5.5.5 m", "- 5 m", "++5 m", "5e m", "5 e3 m", "5×10^1000 m", "五米", "5 个",
    "5 m² ", "5 J/N", "5 hectare/m", "5 ㎞", "5 µm", "5 μm", "5 Mm", "5 mN m", "5 mins", "5 hr",
    # more spellings and slips: pint's words, offset units, odd operators, other scripts' digits
    "5 m squared", "5 sq m", "5 cubic m", "5 KM", "5 Km", "5 m//s", "5 m**2**3", "5 degC/s", "5 ℃", "5 mdegC",
    "5 m.s-1", "5 m⋅s⁻¹", "5 m÷s", "5 mper s", "5\u200b m", "٣ m", "5 Å", "5 ft", "5 in", "5 mph", "5 1/min",
    "1/2 m", "5 m 2", "5 m2s", "5 x m", "5x10-2 m", "12,34 m", "-.5 m", "5 — m", "5 平方米", "5 千克米每二次方秒",
    "5 m/ (s*s)", "5 (m/s)/s", "5 m ^ -2", "5 m^-2.5", "1.8e308 m", "5 Qm",
    "\ufeff", "\u3000", "\x1c5 m", "\u00a05\u3000m", "5 dB", "5 degC m", "5 degC**2",
]


def inputs_for(value: float, unit_symbol: str, chinese: dict[str, float], lang: str = "en") -> list[str]:
    """About 90 inputs around ``value unit_symbol``; ``chinese`` maps accepted spellings to factors."""
    v = _fmt(value)
    full_width = v.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    derived = [
        f"{v} {unit_symbol}", f"{v}{unit_symbol}", f" {v}   {unit_symbol} ", f"{full_width} {unit_symbol}",
        f"{full_width}{unit_symbol}", f"{v}", f"{full_width}", f"-{v} {unit_symbol}", f"0 {unit_symbol}",
        f"{_fmt(value * 1.5)} {unit_symbol}", f"{_fmt(value * 1.005)} {unit_symbol}",
        f"{_fmt(value * 1.03)} {unit_symbol}", f"{_fmt(value * 0.97)} {unit_symbol}",
        f"{_fmt(value * 1000)} {unit_symbol}", f"{_fmt(value / 1000)} {unit_symbol}",
        f"{_fmt(value * 100)} {unit_symbol}", f"{_fmt(value / 10)} {unit_symbol}",
        f"{_fmt(value * 3.6)} {unit_symbol}", f"{_fmt(value / 3.6)} {unit_symbol}",
        f"{_fmt(value * 60)} {unit_symbol}", f"{_fmt(value * 3600)} {unit_symbol}",
        f"{_fmt(value * 365)} {unit_symbol}", f"{_fmt(value / 10)}×10¹ {unit_symbol}",
        f"{_fmt(value / 10)} × 10^1 {unit_symbol}", f"{_fmt(value / 10)}x10**(1) {unit_symbol}",
        f"{_fmt(value / 10)}e1 {unit_symbol}", f"{_fmt(value * 10)}E-1 {unit_symbol}",
        f"{v} {unit_symbol}²", f"{v} {unit_symbol}/s", f"{v} {unit_symbol}*s", f"{v} s", f"{v} kg", f"{v} m/s",
        f"{v} {unit_symbol} {unit_symbol}", f"{v} ({unit_symbol})", f"{v} {unit_symbol}^1", f"{v} {unit_symbol}⁻¹",
        f"{v},5 {unit_symbol}", f"{v} {unit_symbol}.", f"{v}{unit_symbol}!", f"{v} {unit_symbol}{unit_symbol}",
    ]
    for spelling, factor in list(chinese.items())[:14]:
        derived.append(f"{_fmt(value / factor)} {spelling}")
        derived.append(f"{_fmt(value / factor * 1000)}{spelling}")
    return _unique(derived + GENERIC)


def _fmt(x: float) -> str:
    return f"{x:.6g}"


def _unique(items: list[Any]) -> list[Any]:
    return list(dict.fromkeys(items))


def python_verdict(text: str, spec: dict[str, Any], expected_value: float | None = None) -> tuple[str, str]:
    """(kind, message) of the kit's ``check_quantity`` called as the notebook called it (``spec["call"]``)."""
    from sciedu.kit import check_quantity

    call = dict(spec.get("call") or {})
    expected: Any = call.get("expected")
    if expected_value is not None or expected is None:  # a seeded box: the seed's answer in the box's unit
        value = spec["expected"]["value"] if expected_value is None else expected_value
        expected = (value, spec["expected"]["unit"])
    feedback = check_quantity(text, expected, rtol=call.get("rtol"), atol=call.get("atol"), lang=spec["lang"])
    return feedback.kind, feedback.message


def page_verdicts(box: Any, texts: list[str]) -> list[tuple[str, str]]:
    """Type each text into a live answer box (a Playwright locator), press Enter, read the verdict shown.

    All texts in one round trip to the page: for each, the box's value is set, an ``input`` event and an
    Enter ``keydown`` are dispatched to it (the handlers a student's typing reaches), and the feedback the
    page then shows is read. One call per box instead of five per text keeps the check at 50+ inputs per
    activity affordable for a library of 100 activities. Typing key by key is tested in test_live.py."""
    return [(kind, message) for kind, message in box.evaluate("""(root, texts) => {
        const field = root.querySelector('input[type="text"]');
        const feedback = root.querySelector('.sciedu-live-feedback');
        return texts.map(text => {
            feedback.removeAttribute('data-kind');
            feedback.removeAttribute('data-message');
            field.value = text;
            field.dispatchEvent(new Event('input', {bubbles: true}));
            field.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true}));
            return [feedback.getAttribute('data-kind') || '(nothing shown)', feedback.getAttribute('data-message') || ''];
        });
    }""", texts)]


def agreement(box: Any, spec: dict[str, Any], expected_value: float | None = None) -> dict[str, Any]:
    """Counts for one box: inputs, identical verdicts, honest "check in the notebook" deferrals, mismatches."""
    value = spec["expected"]["value"] if expected_value is None else expected_value
    symbol = spec["expected"]["text"].split(" ", 1)[1] if " " in spec["expected"]["text"] else ""
    texts = inputs_for(value, symbol, spec.get("accepted", {}), spec["lang"])
    page = page_verdicts(box, texts)
    same, deferred, different = 0, [], []
    for text, shown in zip(texts, page):
        python = python_verdict(text, spec, expected_value)
        if shown == python:
            same += 1
        elif shown[0] == "defer":
            deferred.append((text, python))
        else:
            different.append((text, shown, python))
    return {"inputs": len(texts), "same": same, "deferred": deferred, "different": different}
