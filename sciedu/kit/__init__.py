"""sciedu.kit: what generated sciedu notebooks import to check students' answers, in Chinese and English.

Every check returns a :class:`Feedback` and never raises on a student's input, however odd; a mistake in
the teacher's own arguments (an unreadable expected answer, an unknown language) raises ValueError.

    from functools import partial
    from sciedu.kit import check_quantity, check_expression, answer_box

    check_quantity("980 cm/s²", "9.8 m/s^2").correct              # True
    check_quantity("36 m/s", "10 m/s", lang="en").kind           # "wrong_unit" (km/h vs m/s)
    check_expression("t*(v0 + g*t/2)", "v0*t + g*t**2/2").correct  # True
    answer_box(partial(check_quantity, expected="9.8 m/s^2"))     # a Text, a Check button, feedback

Names are imported on first use, so a notebook with only a multiple-choice question does not wait for SymPy
and pint to load, and one without widgets never needs ipywidgets.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciedu.kit.choice import MultipleChoice, Option
    from sciedu.kit.feedback import KINDS, Feedback
    from sciedu.kit.figures import sharp_figures
    from sciedu.kit.parser import ExpressionError, parse_expression
    from sciedu.kit.predict import Prediction
    from sciedu.kit.quantities import check_quantity
    from sciedu.kit.symbolic import check_expression, equivalent
    from sciedu.kit.units import QuantityError, read_quantity, unit_registry
    from sciedu.kit.seeded import Variant, VariantTable, variant_table, variants
    from sciedu.kit.widgets import answer_box

_EXPORTS = {
    "Feedback": "feedback", "KINDS": "feedback",
    "check_quantity": "quantities", "read_quantity": "units", "unit_registry": "units", "QuantityError": "units",
    "check_expression": "symbolic", "equivalent": "symbolic",
    "parse_expression": "parser", "ExpressionError": "parser",
    "MultipleChoice": "choice", "Option": "choice",
    "Prediction": "predict",
    "Variant": "seeded", "VariantTable": "seeded", "variants": "seeded", "variant_table": "seeded",
    "answer_box": "widgets",
    "sharp_figures": "figures",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        msg = f"module 'sciedu.kit' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(f"sciedu.kit.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
