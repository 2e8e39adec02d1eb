"""The live specs the kit exports for the site, the unit table generated from pint, and their HTML."""

from __future__ import annotations

import json
import re
from functools import partial

import nbformat
import pytest

from sciedu.kit import MultipleChoice, Option, Prediction, answer_box, check_expression, check_quantity, variants
from sciedu.kit.live import LIVE_MIME, VARIANT_SEEDS, accepted_spellings, answer_spec, choice_spec, \
    prediction_spec, quantity_spec, unit_table
from sciedu.kit.messages import message
from sciedu.kit.units import CHINESE_UNITS, unit_registry
from sciedu.site import live, markdown

QUESTION = MultipleChoice(
    {"zh": "哪个更快？", "en": "Which is faster?"},
    [Option({"zh": "甲", "en": "A car"}, feedback={"zh": "再想想。", "en": "Think again."},
            misconception={"zh": "重的更快。", "en": "Heavier is faster."}),
     Option({"zh": "乙", "en": "A bike"}, correct=True)])


def test_an_answer_box_with_check_quantity_exports_what_the_checker_needs() -> None:
    spec = answer_spec(partial(check_quantity, expected="21.3 m", rtol=0.02), "en")
    assert spec["type"] == "quantity" and spec["lang"] == "en"
    assert spec["expected"]["value"] == 21.3 and spec["expected"]["unit"] == "meter"
    assert spec["expected"]["factor"] == 1.0 and spec["expected"]["dimension"] == "a length"
    assert (spec["rtol"], spec["atol"]) == (0.02, 0.0)
    assert spec["call"] == {"expected": "21.3 m", "rtol": 0.02}
    assert spec["messages"]["q_wrong_number"] == check_quantity("30 m", "21.3 m", rtol=0.02, lang="en").message
    assert spec["messages"]["q_missing_unit"] == message("q_missing_unit", "en")
    assert spec["messages"]["q_hint_prefix"] == message("q_hint_prefix", "en")
    assert [10.0, "q_hint_prefix", "10"] in spec["factors"] and [3.6, "q_hint_speed", "3.6"] in spec["factors"]
    assert spec["accepted"]["千米"] == 1000 and spec["accepted"]["cm"] == pytest.approx(0.01)
    assert "kg" not in spec["accepted"]


def test_km_per_hour_and_a_temperature() -> None:
    speed = quantity_spec("36 km/h", None, None, "zh")
    assert speed["expected"]["factor"] == pytest.approx(1000 / 3600)
    assert speed["expected"]["dimension"] == "速度" and speed["rtol"] == 0.01
    kelvin = quantity_spec("300 K", None, 0.5, "en")
    assert (kelvin["rtol"], kelvin["atol"]) == (0.0, 0.5)
    celsius = quantity_spec("20 degC", None, 1, "en")
    assert celsius["expected"]["offset"] == pytest.approx(273.15)


def test_symbolic_and_custom_checkers_are_notebook_only() -> None:
    assert answer_spec(partial(check_expression, expected="d/t"), "zh")["reason"] == "symbolic"
    assert answer_spec(len, "en")["type"] == "notebook-only" and answer_spec(len, "en")["reason"] == "custom"


def test_the_widget_bundle_carries_the_spec_next_to_the_widget_view() -> None:
    bundle = answer_box(partial(check_quantity, expected="9.8 m/s^2"), lang="zh")._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle[LIVE_MIME]["expected"]["dimension"] == "加速度"
    assert QUESTION.widget("en")._repr_mimebundle_()[LIVE_MIME]["type"] == "choice"
    json.dumps(bundle[LIVE_MIME])  # plain JSON, as a notebook output must be


def test_choice_spec_has_the_kits_own_feedback_for_every_option() -> None:
    spec = choice_spec(QUESTION, "en")
    assert [o["label"] for o in spec["options"]] == QUESTION.labels("en")
    for index, option in enumerate(spec["options"]):
        feedback = QUESTION.check(index, lang="en")
        assert (option["correct"], option["kind"], option["message"]) == (feedback.correct, feedback.kind, feedback.message)
    assert "Heavier is faster." in spec["options"][0]["message"]
    assert spec["none"] == message("c_none", "en")


def test_prediction_spec_includes_a_text_observation_but_never_runs_a_callable() -> None:
    ran = []
    text = prediction_spec(Prediction("Guess?", {"zh": "变慢", "en": "slower"}, prompt_id="p1"), "en")
    assert (text["id"], text["observation"], text["prompt"]) == ("p1", "slower", "Guess?")
    call = prediction_spec(Prediction("Guess?", lambda: ran.append(1)), "en")
    assert call["observation"] is None and ran == []
    assert text["messages"]["r_reveal"] == message("r_reveal", "en", prediction="{prediction}",
                                                   observation="{observation}", explain="{explain}")


def test_a_box_after_variants_carries_the_variant_table() -> None:
    params = {"v": (30, 60, 5), "mu": [0.7, 0.4]}
    answer = lambda v, mu: round((v / 3.6) ** 2 / (2 * mu * 9.81), 1)  # noqa: E731
    mine = variants(params, answer, seed=1, key="braking")
    spec = answer_spec(partial(check_quantity, expected=f"{mine.answer} m"), "en")
    table = spec["variant"]
    assert table["key"] == "braking" and len(table["rows"]) == VARIANT_SEEDS and table["first"] == 1
    for seed in (1, 2, 57, VARIANT_SEEDS):
        row = variants(params, answer, seed=seed, key="braking")
        assert table["rows"][seed - 1] == [row.to_markdown("en"), f"{row.answer:.6g}", float(row.answer), row.params]
    again = answer_spec(partial(check_quantity, expected=f"{mine.answer} m"), "en")
    assert "variant" not in again  # one variant, one box: a later box with the same number is a fixed question
    variants(params, answer, seed=1, key="braking")
    other = answer_spec(partial(check_quantity, expected="1.38 m"), "en")
    assert "variant" not in other  # a box whose answer is not the variant's follows no table


def test_unit_table_is_generated_from_the_kits_pint_registry() -> None:
    table = unit_table()
    registry = unit_registry()
    dims = table["dims"]
    assert "[length]" in dims and "[time]" in dims
    metre = table["units"]["m"]
    assert metre[0] == 1.0 and metre[1][dims.index("[length]")] == 1
    assert table["units"]["hour"][0] == 3600.0
    assert table["units"]["degC"][1] == pytest.approx(273.15)
    assert ["kilo", 1000.0] in table["prefixes"] and ["k", 1000.0] in table["prefixes"]
    assert table["chinese"] == CHINESE_UNITS
    for symbol in set(CHINESE_UNITS.values()):  # every Chinese name's unit is readable by the page
        name = symbol if symbol in table["units"] else None
        prefixed = any(symbol.startswith(p) and symbol[len(p):] in table["units"] for p, _ in table["prefixes"])
        assert name or prefixed, symbol
    assert len(table["units"]) > 900
    for name in ("inch", "mile", "calorie", "electron_volt", "light_year"):
        factor = table["units"][name][0]
        assert factor == pytest.approx(registry.Quantity(1, name).to_base_units().magnitude)
    assert table["base_symbols"][dims.index("[length]")] == "m"
    assert table["base_symbols"][dims.index("[mass]")] == "kg"


def test_accepted_spellings_for_a_dimension() -> None:
    speed = quantity_spec("10 m/s", None, None, "en")
    spellings = accepted_spellings(speed["expected"]["dims"], speed["expected"]["factor"])
    assert spellings == {}  # the kit's Chinese names are single units; a speed is written as 米每秒
    lengths = quantity_spec("2 km", None, None, "zh")["accepted"]
    assert lengths["米"] == pytest.approx(0.001) and lengths["公里"] == 1.0 and lengths["km"] == 1.0


def test_render_escapes_the_spec_and_gives_labelled_controls() -> None:
    spec = choice_spec(MultipleChoice("Which </script><b>?", [Option("x <i>", correct=True), Option("y")]), "en")
    html = live.render(spec, "en", "cell-1")
    assert "</script><b>" not in html and "\\u003c/script\\u003e" in html
    assert html.count('type="radio"') == 2 and "<legend>Which &lt;/script&gt;&lt;b&gt;?</legend>" in html
    data = re.search(r'<script type="application/json" class="sciedu-live-spec">(.*?)</script>', html).group(1)
    assert json.loads(data) == json.loads(json.dumps(spec))
    box = live.render(quantity_spec("2 m", None, None, "zh"), "zh", "c/2")
    assert 'id="sl-c-2-in"' in box and '<label for="sl-c-2-in">答案</label>' in box
    assert "notebook" in live.render({"type": "notebook-only"}, "en", "x")


def test_the_converter_shows_a_live_block_instead_of_the_frozen_widget() -> None:
    spec = answer_spec(partial(check_quantity, expected="2 m"), "en")
    cell = nbformat.v4.new_code_cell("answer_box(...)", id="c1")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "text/plain": "VBox()", "application/vnd.jupyter.widget-view+json": {"model_id": "m1"}, LIVE_MIME: spec})]
    nb = nbformat.v4.new_notebook(cells=[cell])
    page = markdown.convert(nb, "en")
    assert 'data-sciedu-live="quantity"' in page.markdown and "Answer Check" not in page.markdown


def test_assets_and_config_registration(tmp_path) -> None:
    written = live.write_assets(tmp_path)
    assert {p.name for p in written} == {"sciedu-live.js", "sciedu-explore.js", "sciedu-live.css", "sciedu-units.js"}
    text = (tmp_path / "sciedu-units.js").read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith("window.SCIEDU_UNITS={")
    table = json.loads(text.splitlines()[1].removeprefix("window.SCIEDU_UNITS=").removesuffix(";"))
    assert {"dB", "neper", "octave"} <= set(table["logarithmic"])  # the page defers on these
    assert "degC" not in table["logarithmic"] and table["units"]["degC"][1] == pytest.approx(273.15)
    script = (tmp_path / "sciedu-live.js").read_text(encoding="utf-8")
    assert "fetch(" not in script and "XMLHttpRequest" not in script and "http" not in script
    import yaml

    from sciedu.site.config import write_config

    project = tmp_path / "mkdocs.yml"
    project.write_text("extra_javascript: [assets/a.js]\nextra_css: [assets/a.css]\n", encoding="utf-8")
    config = write_config(tmp_path / "out.yml", project_mkdocs=project, docs_dir=tmp_path, site_dir=tmp_path,
                          overrides=tmp_path, lang="en", nav=[])
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert data["extra_javascript"] == ["assets/a.js", "assets/sciedu-live.js", "assets/sciedu-explore.js"]
    assert data["extra_css"] == ["assets/a.css", "assets/sciedu-live.css"]
