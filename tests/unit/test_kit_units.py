"""check_quantity: the spellings students use, the kinds of mistakes, Chinese units, and odd input."""

from __future__ import annotations

import pint
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciedu.kit import KINDS, Feedback, check_quantity, read_quantity, unit_registry
from sciedu.kit.dimensions import describe_dimension

FAST = settings(max_examples=50, deadline=None)
G = "9.8 m/s^2"


@pytest.mark.parametrize("answer", [
    "9.8 m/s^2", "9.8 m/s²", "980 cm/s**2", "9.8 m·s⁻²", "9.8 m*s^-2", "9.8 m s^-2", "9.8m/s2", "9.8 m.s-2",
    "９．８ ｍ／ｓ²", "9.8 m／s＾2", "0.98×10¹ m/s²", "9.8e0 m/s^2", "98e-1 m/s**2", "0.0098 km/s^2",
    "9.8 米/秒²", "9.8 米每二次方秒", "9.8 米每秒每秒", "9.8 N/kg", "9.8 牛/千克", "  9.8   m/s^2  ", "+9.8 m/s^2",
])
def test_spellings_of_the_same_acceleration_are_accepted(answer: str) -> None:
    assert check_quantity(answer, G) == Feedback(True, "correct", "正确！")


@pytest.mark.parametrize(("answer", "expected"), [
    ("5 千米", "5 km"), ("5 公里", "5000 m"), ("5 厘米", "50 mm"), ("3 毫米", "0.3 cm"), ("2 小时", "7200 s"),
    ("2 分钟", "120 s"), ("30 秒", "0.5 min"), ("3 公斤", "3000 g"), ("3 千克", "3 kg"), ("500 克", "0.5 kg"),
    ("10 牛", "10 N"), ("10 牛顿", "10 N"), ("100 焦耳", "0.1 kJ"), ("100 焦", "100 J"), ("60 瓦", "60 W"),
    ("60 瓦特", "0.06 kW"), ("20 米每秒", "72 km/h"), ("72 千米每小时", "20 m/s"), ("72 千米/时", "20 m/s"),
    ("1 年", "365.25 day"), ("1 平方米", "10000 cm^2"), ("1 立方厘米", "1 mL"), ("1000 千克每立方米", "1 g/cm^3"),
    ("25 摄氏度", "298.15 K"), ("25 ℃", "25 degC"), ("101 千帕", "101000 Pa"), ("1.5 伏", "1.5 V"),
    ("2 安", "2 A"), ("10 欧姆", "10 ohm"), ("50 赫兹", "50 Hz"), ("1 千瓦时", "3.6e6 J"),
    ("72 次/分", "72 1/min"), ("72 次每分钟", "1.2 Hz"),
])
def test_chinese_unit_names(answer: str, expected: str) -> None:
    assert check_quantity(answer, expected).kind == "correct"


@pytest.mark.parametrize(("answer", "expected", "kind"), [
    # 度 alone: a kWh on an electricity bill, a °C in a weather report, else a degree of angle
    ("5度", "5 kWh", "correct"), ("5 度", "18e6 J", "correct"), ("5度电", "5 kWh", "correct"),
    ("20度", "20 degC", "correct"), ("20度", "293.15 K", "correct"), ("30度", "30 degree", "correct"),
    ("5度", "5 m", "wrong_dimension"), ("5度", "6 kWh", "wrong_number"),
])
def test_du_reads_as_the_question_asks(answer: str, expected: str, kind: str) -> None:
    assert check_quantity(answer, expected).kind == kind


def test_du_keeps_its_angle_meaning_outside_a_question() -> None:
    assert read_quantity("30度").quantity == unit_registry().Quantity(30, "degree")


@pytest.mark.parametrize(("answer", "expected", "kind"), [
    ("9.8 m/s", G, "wrong_dimension"),
    ("9.8 kg", G, "wrong_dimension"),
    ("5 kg", "5 N", "wrong_dimension"),
    ("2 m", 0.5, "wrong_dimension"),
    ("9800 m/s^2", G, "wrong_unit"),        # 10^3
    ("0.098 m/s^2", G, "wrong_unit"),       # 10^-2
    ("98 m/s^2", G, "wrong_unit"),          # 10^1
    ("36 m/s", "10 m/s", "wrong_unit"),     # km/h vs m/s
    ("2.78 m/s", "10 m/s", "wrong_unit"),   # divided instead of multiplied by 3.6
    ("1.5 min", "90 min", "wrong_unit"),    # 60
    ("2 h", "2 min", "wrong_unit"),         # 60
    ("1 s", "1 h", "wrong_unit"),           # 3600
    ("293 degC", "20 degC", "wrong_unit"),  # K written as °C
    ("10.5 m/s^2", G, "wrong_number"),
    ("-9.8 m/s^2", G, "wrong_number"),
    ("2 m/s", "10 m/s", "wrong_number"),
    ("9.8", G, "missing_unit"),
    ("3", G, "missing_unit"),
    ("9.8 furlongs/fortnight**2x", G, "unparseable"),
    ("9.8 斤", G, "unparseable"),
    ("m/s^2", G, "unparseable"),
    ("", G, "empty"),
    ("   ", G, "empty"),
])
def test_kinds_of_mistakes_are_told_apart(answer: str, expected: object, kind: str) -> None:
    feedback = check_quantity(answer, expected)
    assert feedback.kind == kind
    assert feedback.correct is False


def test_wrong_dimension_names_both_kinds_in_words() -> None:
    assert check_quantity("9.8 m/s", G).message == "你给出的是速度，但题目要求的是加速度。检查一下单位。"
    assert check_quantity("9.8 m/s", G, lang="en").message == (
        "You gave a speed, but an acceleration was asked for. Check your unit.")
    assert "a mass" in check_quantity("5 kg", "5 N", lang="en").message


def test_wrong_unit_says_how_far_off_and_why() -> None:
    assert check_quantity("9800 m/s^2", G, lang="en").message.startswith("Your value is 1000 times too large.")
    assert "1/100" in check_quantity("0.098 m/s^2", G).message
    assert "3.6 km/h" in check_quantity("36 m/s", "10 m/s", lang="en").message


def test_missing_unit_says_whether_the_number_was_right() -> None:
    assert check_quantity("9.8", G, lang="en").message.startswith("The number is right")
    assert check_quantity("3", G, lang="en").message.startswith("The unit is missing")


def test_unknown_unit_is_named() -> None:
    assert "“blorp”" in check_quantity("3 blorp", "3 m", lang="en").message
    assert "“斤”" in check_quantity("3 斤", "3 kg").message


def test_default_tolerance_is_one_percent() -> None:
    assert check_quantity("9.89 m/s^2", G).correct
    assert not check_quantity("9.91 m/s^2", G).correct
    assert "1%" in check_quantity("9.91 m/s^2", G).message


def test_relative_and_absolute_tolerance() -> None:
    assert check_quantity("10.4 m", "10 m", rtol=0.05).correct
    assert not check_quantity("10.2 m", "10 m", atol=0.1).correct
    assert check_quantity("10.05 m", "10 m", atol=0.1).correct
    assert check_quantity("10.05 m", "10 m", atol="10 cm").correct
    assert "±0.1 m" in check_quantity("10.2 m", "10 m", atol=0.1, lang="en").message
    assert check_quantity("20.4 degC", "20 degC", atol=0.5).correct


def test_expected_may_be_a_quantity_a_pair_or_a_number() -> None:
    other = pint.UnitRegistry()
    assert check_quantity("980 cm/s^2", 9.8 * other.m / other.s**2).correct
    assert check_quantity("36 km/h", (10, "m/s")).correct
    assert check_quantity("0.5", 0.5).correct
    assert check_quantity("50 %", 0.5).correct


@pytest.mark.parametrize("kwargs", [
    {"expected": "9.8 bananas"}, {"expected": "fast"}, {"expected": G, "rtol": -1}, {"expected": G, "lang": "fr"},
    {"expected": "20 degC", "atol": "0.5 K"},
])
def test_mistakes_in_the_teachers_arguments_raise(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        check_quantity("9.8 m/s^2", **kwargs)


def test_the_kit_has_its_own_registry_created_once() -> None:
    registry = unit_registry()
    assert isinstance(registry, pint.UnitRegistry)
    assert registry is unit_registry()
    assert registry is not pint.get_application_registry().get()
    assert read_quantity("3 m").quantity._REGISTRY is registry


def test_dimension_without_a_name_is_described_by_its_si_unit() -> None:
    quantity = read_quantity("3 m^3/s").quantity
    assert describe_dimension(quantity, "zh") == "单位为 m³/s 的量"
    assert describe_dimension(quantity, "en") == "a quantity measured in m³/s"


@pytest.mark.parametrize("answer", [
    "__import__('os').system('echo hi')", "().__class__", "lambda: 1", "9.8 m/s^9**9**9", "10**10**10",
    "9" * 190, "1e999 m", "9.8 " + "(" * 100 + "m" + ")" * 100, "9.8 m/s^(1e9)", "\x00\x01", "💥", "9.8 m/s;rm -rf",
    "9,8 m/s^2", "9.8 m/s" * 50, "NaN m", "inf m", "9.8 m/s^-100", "9.8 [m]", "9.8 m/s ± 0.1",
])
def test_hostile_or_odd_input_gets_a_message_not_an_exception(answer: str) -> None:
    for lang in ("zh", "en"):
        feedback = check_quantity(answer, G, lang=lang)
        assert not feedback.correct
        assert feedback.kind in KINDS
        assert feedback.message


@FAST
@given(st.text(max_size=80))
def test_any_text_gives_feedback(answer: str) -> None:
    feedback = check_quantity(answer, G, lang="en")
    assert isinstance(feedback, Feedback) and feedback.kind in KINDS and feedback.message


@FAST
@given(st.text(alphabet="0123456789.eE+-*/^() msckgNh²³⁻¹·×米秒千克每", max_size=40))
def test_unit_like_text_gives_feedback(answer: str) -> None:
    feedback = check_quantity(answer, G)
    assert feedback.kind in KINDS


@FAST
@given(st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False))
def test_a_length_in_any_unit_is_accepted(metres: float) -> None:
    expected = f"{metres!r} m"
    for answer in (f"{metres!r} m", f"{metres * 100!r} cm", f"{metres / 1000!r} km", f"{metres * 1000!r} mm",
                   f"{metres * 100!r} 厘米", f"{metres / 1000!r} 公里"):
        assert check_quantity(answer, expected).kind == "correct", answer


@FAST
@given(st.floats(min_value=0.1, max_value=500, allow_nan=False, allow_infinity=False))
def test_a_speed_in_km_per_hour_or_metres_per_second(speed: float) -> None:
    assert check_quantity(f"{speed * 3.6!r} km/h", f"{speed!r} m/s").correct
    assert check_quantity(f"{speed * 3.6!r} m/s", f"{speed!r} m/s").kind == "wrong_unit"
