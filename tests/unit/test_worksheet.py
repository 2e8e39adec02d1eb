"""The student worksheet: parts taken from the notebook and activity.yaml, seeded numbers, never an answer."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from sciedu import sources
from sciedu.guides.worksheet import parts, render, sheet
from sciedu.kit.seeded import format_value, variants

REPO = Path(__file__).parents[2]
BUNDLED, _ = sources.load_library(REPO / "activities")
IDS = [a.id for a in BUNDLED]


def visible(document: str) -> str:
    """The text a reader sees: tags, and the content of style and script elements, removed."""
    document = re.sub(r"<(style|script)\b.*?</\1>", " ", document, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", document))


@pytest.mark.parametrize("activity", BUNDLED, ids=IDS)
def test_parts_come_from_the_notebook_in_both_languages(activity) -> None:
    zh, en = parts(activity, "zh"), parts(activity, "en")
    assert len(zh.predictions) == len(en.predictions) >= 3
    assert len(zh.exercises) == len(en.exercises) >= 3
    assert all(e.startswith("**练习") for e in zh.exercises) and all(e.startswith("**Exercise") for e in en.exercises)
    assert not any(re.search("[\u4e00-\u9fff] [\u4e00-\u9fff]", p) for p in zh.predictions + zh.exercises)  # lines joined


def shows(key: str, text: str) -> bool:
    """Whether the answer ``key`` is in ``text`` as a number of its own, not inside a longer one (400 in 4000)."""
    return re.search(rf"(?<![\d.]){re.escape(key)}(?!\d|\.\d)", text) is not None


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("activity", BUNDLED, ids=IDS)
def test_the_worksheet_has_no_answers(activity, lang: str) -> None:
    text = visible(render(activity, lang, katex="k/", seeds=[1, 2, 3]))
    assert "BEGIN SOLUTION" not in text and "answer_box" not in text
    hidden = [c for c in activity.notebooks[lang].nb.cells if {"teacher", "solution"} & set(c.metadata.get("tags", []))]
    for cell in hidden:
        for line in cell.source.splitlines():
            if len(line.strip()) > 25 and not line.startswith(("#", "```", ":")) and "=" not in line:
                assert line.strip() not in text, line
    m = activity.metadata
    # the sheet's own words ("4 Self-check", "CC-BY-4.0") are not an author's text that could give a key away
    from sciedu.guides.worksheet import TEXT

    for fixed in [*(t[lang].split("{")[0] for t in TEXT.values()), m.licence]:
        text = text.replace(fixed, " ") if fixed.strip() else text
    for answer in m.answers:
        assert not shows(answer.key, text), answer.key
    for spec in m.variants:
        for seed in (1, 2, 3):
            drawn = variants(spec.kit_params, lambda **_: None, seed, key=spec.id).params
            assert f"{format_value(spec.compute(**drawn))} {spec.unit}".strip() not in text
    for prompt in m.discussion:
        assert prompt.expected[lang][:30] not in text


def test_an_answer_inside_a_longer_number_is_not_shown() -> None:
    assert not shows("400", "长满草的土地要4000年才冲光表土")
    assert not shows("1.78", "约11.78厘米")
    assert shows("400", "是裸地的400倍")
    assert shows("1.78 cm", "about 1.78 cm a year")


def test_each_student_gets_the_numbers_the_notebook_gives_them() -> None:
    activity = next(a for a in BUNDLED if a.id == "noon-shadows")
    spec = activity.metadata.variants[0]
    for seed in (1, 17, 40):
        mine = variants(spec.kit_params, lambda **_: None, seed, key="flagpole-shadow")  # as the notebook calls it
        page = visible(sheet(activity, "en", seed))
        assert f"Your numbers (student no. {seed}): H = {format_value(mine['H'])} m, L1 = {format_value(mine['L1'])} m" in page
    blank = visible(sheet(activity, "zh"))
    assert "H = ____ m" in blank and "学号：" in blank


def test_the_data_table_and_self_check_come_from_activity_yaml() -> None:
    activity = next(a for a in BUNDLED if a.id == "stopping-distance")
    document = sheet(activity, "zh")
    table = activity.metadata.worksheet.table
    assert document.count("<th>") == len(table.columns) and document.count("<tr>") == table.rows + 1
    assert all(c.zh in document for c in activity.metadata.worksheet.self_check)


def test_a_class_set_is_one_sheet_per_student() -> None:
    document = render(BUNDLED[0], "zh", katex="k/", seeds=list(range(1, 41)))
    assert document.count('<section class="sheet">') == 40 and "学号：40" in document


@pytest.mark.parametrize(("worksheet", "message"), [
    ({"table": {"title": {"zh": "表", "en": "T"}, "columns": [], "rows": 3}}, "worksheet.table.columns: expected at least one entry"),
    ({"table": {"title": {"zh": "表", "en": "T"}, "columns": [{"zh": "列", "en": "C"}], "rows": 0}}, "worksheet.table.rows: expected a number of rows from 1 to 30, found 0"),
    ({"self_check": [{"zh": "我能"}]}, "worksheet.self_check[0]: missing the 'en' text"),
    ({"tabel": {}}, "worksheet: unknown key 'tabel' (did you mean 'table'?)"),
])
def test_bad_worksheet_keys_are_located_findings(tmp_path: Path, worksheet: dict, message: str) -> None:
    import yaml

    from sciedu import metadata, yamlfile

    data = yaml.safe_load((REPO / "tests" / "data" / "library" / "physics" / "tiny-speed" / "activity.yaml").read_text(encoding="utf-8"))
    data["worksheet"] = worksheet
    path = tmp_path / "activity.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    findings = metadata.validate(yamlfile.load(path))[1]
    rule = "metadata-unknown-key" if "unknown key" in message else "metadata-invalid"
    assert [f.rule for f in findings] == [rule] and message in findings[0].message


def test_a_multiple_choice_exercise_is_printed_with_its_options_to_tick() -> None:
    from sciedu.guides.worksheet import choice_labels

    activity, _ = sources.load_activity(REPO / "activities" / "physics" / "speed-and-stopping")
    for lang, first in (("zh", "2倍"), ("en", "2 times")):
        found = parts(activity, lang)
        [(index, labels)] = found.choices.items()
        assert found.exercises[index].startswith(("**练习2", "**Exercise 2")) and labels[0] == first and len(labels) == 4
        page = sheet(activity, lang)
        assert f"<li>A. {first}</li>" in page and '<ul class="check options">' in page


@pytest.mark.parametrize(("code", "labels"), [
    ('q = MultipleChoice("Q?", [Option("yes", correct=True), Option("no")])', ("yes", "no")),
    ('q = kit.MultipleChoice({"zh": "问", "en": "Q"}, options=[Option({"zh": "是", "en": "yes"}), Option({"zh": "否", "en": "no"})])', ("是", "否")),
    ('q = MultipleChoice("Q?", OPTIONS)', ()),  # not literal: nothing to print
    ('q = MultipleChoice("Q?", [Option(make_label(1))])', ()),
    ("%matplotlib inline\nq = 1", ()),  # not Python: no options, no error
])
def test_options_are_read_from_literal_code_only(code: str, labels: tuple) -> None:
    from sciedu.guides.worksheet import choice_labels

    assert choice_labels(code, "zh") == labels
