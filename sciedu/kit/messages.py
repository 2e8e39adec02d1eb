"""Every sentence the kit shows a student, keyed by a message id: written in English here, translated in the kit's
catalogues (``sciedu/kit/locale/<lang>/LC_MESSAGES/kit.po``).

One table lets a reviewer read all the English in one place; the catalogue tests check that every language has
every message with the same ``{placeholders}``.
"""

from __future__ import annotations

from typing import Any

from sciedu.kit.lang import Message, N_, resolve_lang

MESSAGES: dict[str, Message] = {
    "correct": N_("Correct!"),
    "empty": N_("You haven't entered an answer yet."),
    "too_long": N_("That answer is too long (at most {limit} characters)."),
    "internal": N_("This answer couldn't be checked. Try writing it another way."),
    "q_wrong_number": N_("The kind of quantity is right, but the number is off (outside the allowed error of {tolerance}). Check your calculation."),
    "q_wrong_dimension": N_("You gave {given}, but {expected} was asked for. Check your unit."),
    "q_too_large": N_("Your value is {factor} times too large. {hint}"),
    "q_too_small": N_("Your value is {factor} times too small. {hint}"),
    "q_hint_prefix": N_("Check the unit prefix (k, c, m, …) and your unit conversion."),
    "q_hint_speed": N_("Mind the conversion between km/h and m/s: 1 m/s = 3.6 km/h."),
    "q_hint_time": N_("Mind the conversion between seconds, minutes and hours."),
    "q_hint_days": N_("Mind the conversion between hours, days and years."),
    "q_hint_temperature": N_("Your number looks like it is on another temperature scale. Mind the conversion between °C and K."),
    "q_missing_unit": N_("The unit is missing: write a unit after the number, like the “m” in “3.0 m”."),
    "q_missing_unit_number_ok": N_("The number is right, but the unit is missing. Write a unit after the number."),
    "q_no_number": N_("Start with the number, then the unit, for example “9.8 m/s^2”."),
    "q_unknown_unit": N_("Unknown unit “{unit}”. Use symbols such as m, s, kg and N, or names such as metre."),
    "q_bad_unit": N_("The unit “{unit}” couldn't be read. A unit may contain only unit names, * /, brackets and small powers."),
    "q_bad_char": N_("“{char}” can't appear in a unit."),
    "q_bad_exponent": N_("The power in the unit is too large: “{text}”."),
    "q_number_too_large": N_("That number is too large or too small to check."),
    "q_decimal_comma": N_("Use a decimal point “.”, not a comma."),
    "e_not_equivalent": N_("This expression is not equal to the expected answer."),
    "e_sign": N_("Close, but the sign is wrong."),
    "e_factor": N_("Close: it differs from the answer by a constant factor. Check the coefficients."),
    "p_unexpected_char": N_("“{token}” (character {position}) can't appear in an expression."),
    "p_unexpected_token": N_("“{token}” at character {position} doesn't belong there."),
    "p_unexpected_end": N_("The expression is incomplete: something is missing at the end."),
    "p_unclosed": N_("A bracket is not closed: a “)” is missing."),
    "p_unmatched_close": N_("There is an extra “)” at character {position}."),
    "p_unknown_name": N_("Unknown name “{token}”. The variables you can use are: {names}."),
    "p_function_call": N_("Put brackets after {token}, for example {token}(x)."),
    "p_too_deep": N_("The expression is nested too deeply (at most {limit} levels)."),
    "p_too_large": N_("A number or power near character {position} is too large to work with."),
    "p_equals": N_("Write only the expression, without “=”."),
    "p_tip": N_("You can use numbers, the variables {names}, sin cos tan exp log sqrt abs, pi, + - * / ^ and brackets."),
    "c_incorrect": N_("Not quite. Think again."),
    "c_misconception": N_("This is a common misconception: {misconception}"),
    "c_invalid": N_("There is no such option: choose one of {first} to {last}."),
    "c_none": N_("Choose an option first."),
    "r_recorded": N_("Your prediction is recorded. Now see what happens."),
    "r_not_saved": N_("(This couldn't be saved to the file, but it is kept for this session.)"),
    "r_no_prediction": N_("Write down your prediction before you look at the result."),
    "r_empty_prediction": N_("Write down your prediction first: what do you think will happen, and why?"),
    "r_reveal": N_("Your prediction: {prediction}\n\nWhat happened: {observation}\n\n{explain}"),
    "r_explain": N_("Now explain: does the result match your prediction? Why or why not?"),
    "r_explain_first": N_("Look at the result before you explain it."),
    "r_explained": N_("Your explanation is recorded."),
    "r_empty_explanation": N_("Write down your explanation."),
    "w_answer": N_("Answer"),
    "w_check": N_("Check"),
    "w_check_tooltip": N_("Check the answer (or press Enter)"),
    "w_placeholder": N_("Type your answer, press Enter to check"),
    "w_choice": N_("Choose"),
    "w_prediction": N_("My prediction"),
    "w_prediction_placeholder": N_("I predict … because …"),
    "w_record": N_("Record prediction"),
    "w_reveal": N_("Show the result"),
    "w_explanation": N_("My explanation"),
    "w_explanation_placeholder": N_("What happened was … because …"),
    "w_explain": N_("Record explanation"),
    "v_seed": N_("Seed"),
    "v_answer": N_("Answer"),
}


def message(key: str, lang: str, **params: Any) -> str:
    """The ``lang`` wording of message ``key`` with ``params`` filled in."""
    return MESSAGES[key][resolve_lang(lang)].format(**params)
