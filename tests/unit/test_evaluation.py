"""Evaluation records: reading YAML and CSV, located findings for bad records, exact statistics, rendering.

The fixture folder tests/data/evaluations/ holds eight good records, labelled A to I in the files' comments
(there is no G in YAML: G is the CSV's last row), and six bad ones spread over the same files.
"""

from __future__ import annotations

import json
import re
from fractions import Fraction as F
from pathlib import Path

import pytest

from sciedu import evaluation
from sciedu.errors import Severity, UsageError
from sciedu.evaluation import Record
from sciedu.evaluation import render

DATA = Path(__file__).parents[1] / "data" / "evaluations"
EXAMPLE = Path(__file__).parents[2] / "site" / "evaluations"


@pytest.fixture(scope="module")
def loaded() -> tuple[list[Record], list]:
    return evaluation.load_records(DATA)


def _line(name: str, number: int) -> str:
    return (DATA / name).read_text(encoding="utf-8").splitlines()[number - 1].strip()


def _only(findings: list, name: str, rule: str) -> list:
    return [f for f in findings if Path(f.path).name == name and f.rule == rule]


# --- the good records are counted ------------------------------------------------------------------

def test_every_good_record_is_read_even_next_to_bad_ones(loaded) -> None:
    records, _ = loaded
    where = sorted((Path(r.source).name, r.line) for r in records)
    # good.yaml A, B, C; single.yaml D; sessions.csv E (row at line 2) and G (line 5, after the bad row);
    # mixed.yaml H (before four bad records); 2024/autumn.yml I. broken.yaml and notes.txt give none.
    assert where == [("autumn.yml", 3), ("good.yaml", 3), ("good.yaml", 16), ("good.yaml", 27),
                     ("mixed.yaml", 3), ("sessions.csv", 2), ("sessions.csv", 5), ("single.yaml", 1)]


def test_records_hold_exact_typed_values(loaded) -> None:
    records, _ = loaded
    by_place = {(Path(r.source).name, r.line): r for r in records}
    a = by_place[("good.yaml", 3)]
    assert (a.grade, a.students, a.rural, a.region, a.max_score) == ("8", 30, True, "Gansu", 5)
    assert a.pre_scores == (2, 3, 1, 2) and a.date == "2024-03-12"
    e = by_place[("sessions.csv", 2)]  # CSV: "1;2;3" and "3 4 4"; a multi-line quoted feedback cell
    assert e.pre_scores == (1, 2, 3) and e.post_scores == (3, 4, 4)
    assert e.teacher_feedback == "Lively discussion.\nTwo students asked to visit the lab."
    assert e.region is None and e.rural is None and e.max_score == 5
    g = by_place[("sessions.csv", 5)]  # rural "yes" in CSV is true; no scores at all
    assert g.rural is True and g.pre_scores == () and g.gain is None


def test_totals_computed_by_hand(loaded) -> None:
    report = evaluation.aggregate(loaded[0])
    assert report.sessions == 8
    # A 30 + B 25 + C 28 + D 22 + E 40 + G 32 + H 35 + I 26
    assert report.students == 238
    # A 45 + B 40 + C 60 + D 40 + E 90 + G 45 + H 90 + I 35
    assert report.minutes == 445
    # in-person A, D, E; online B, H, I; series C, G
    assert dict(report.by_format) == {"in-person": 3, "online": 3, "series": 2}
    # rural: A (30 students) and G (32); D is rural: false, the others do not say
    assert (report.rural_sessions, report.rural_students) == (2, 62)
    assert dict(report.by_region) == {"Gansu": 2}
    assert (report.first_date, report.last_date) == ("2024-03-12", "2024-09-23")
    # ratings: A 5, B 4, H 3 -> 12/3
    assert (report.rated_sessions, report.mean_rating) == (3, 4)


def test_per_activity_means_and_gains_computed_by_hand(loaded) -> None:
    stats = {a.activity: a for a in evaluation.aggregate(loaded[0]).activities}
    assert list(stats) == ["earth-space/noon-shadows", "physics/radiocarbon-dating", "physics/stopping-distance"]

    stop = stats["physics/stopping-distance"]
    # A pre 8/4 = 2, post 16/4 = 4; B pre 5/2, post 13/3; G has no scores
    assert (stop.sessions, stop.students, stop.max_score) == (3, 30 + 25 + 32, 5)
    assert stop.mean_pre == (F(2) + F(5, 2)) / 2 == F(9, 4)
    assert stop.mean_post == (F(4) + F(13, 3)) / 2 == F(25, 6)
    # gains: A 4 - 2 = 2; B 13/3 - 5/2 = 11/6
    assert stop.mean_gain == (2 + F(11, 6)) / 2 == F(23, 12)
    # normalised: A 2/(5-2) = 2/3; B (11/6)/(5-5/2) = 11/15; mean (10/15 + 11/15)/2 = 7/10
    assert stop.normalised_gain == F(7, 10)
    assert (stop.pre_sessions, stop.post_sessions, stop.paired_sessions) == (2, 2, 2)

    noon = stats["earth-space/noon-shadows"]  # full marks 10 throughout
    # pre: C 10/2 = 5, D 8/2 = 4, I 19/3; post: C 24/3 = 8, I 17/2 (D has no post-test)
    assert (noon.sessions, noon.students, noon.max_score) == (3, 28 + 22 + 26, 10)
    assert noon.mean_pre == (5 + 4 + F(19, 3)) / 3 == F(46, 9)
    assert noon.mean_post == (8 + F(17, 2)) / 2 == F(33, 4)
    # gains only for the paired C and I: 8 - 5 = 3; 17/2 - 19/3 = 13/6; mean 31/12
    assert noon.mean_gain == (3 + F(13, 6)) / 2 == F(31, 12)
    # so the gain is NOT mean post - mean pre (33/4 - 46/9 = 113/36), because D has a pre-test only
    assert noon.mean_gain != noon.mean_post - noon.mean_pre
    # normalised: C 3/(10-5) = 3/5; I (13/6)/(10-19/3) = 13/22; mean (66 + 65)/110/2 = 131/220
    assert noon.normalised_gain == F(131, 220)
    assert (noon.pre_sessions, noon.post_sessions, noon.paired_sessions) == (3, 2, 2)

    carbon = stats["physics/radiocarbon-dating"]
    # E pre 6/3 = 2, post 11/3; H pre 2, post 7/2
    assert (carbon.sessions, carbon.students) == (2, 40 + 35)
    assert carbon.mean_pre == 2
    assert carbon.mean_post == (F(11, 3) + F(7, 2)) / 2 == F(43, 12)
    # gains: E 5/3, H 3/2 -> 19/12; normalised: E (5/3)/3 = 5/9, H (3/2)/3 = 1/2 -> 19/36
    assert carbon.mean_gain == F(19, 12)
    assert carbon.normalised_gain == F(19, 36)


def test_overall_gain_is_weighted_by_sessions(loaded) -> None:
    report = evaluation.aggregate(loaded[0])
    # six paired sessions (A, B, C, I, E, H), each counts once. Noon shadows is out of 10, the others out of 5,
    # so the gain in points cannot be averaged; as a share of full marks:
    # A 2/5, B (11/6)/5 = 11/30, C 3/10, I (13/6)/10 = 13/60, E (5/3)/5 = 1/3, H (3/2)/5 = 3/10
    # = (24 + 22 + 18 + 13 + 20 + 18)/60 / 6 = 115/360 = 23/72
    assert report.paired_sessions == 6
    assert (report.mean_gain, report.gain_max_score) == (None, None)
    assert report.mean_gain_share == F(23, 72)
    assert report.normalised_gain == (F(2, 3) + F(11, 15) + F(3, 5) + F(13, 22) + F(5, 9) + F(1, 2)) / 6


def test_overall_gain_in_points_when_full_marks_agree(loaded) -> None:
    out_of_5 = evaluation.aggregate([r for r in loaded[0] if r.max_score == 5])
    # A 2, B 11/6, E 5/3, H 3/2 -> (12 + 11 + 10 + 9)/6 / 4 = 7/4 points out of 5, i.e. 7/20 of full marks
    assert (out_of_5.mean_gain, out_of_5.gain_max_score, out_of_5.mean_gain_share) == (F(7, 4), 5, F(7, 20))
    assert "Mean gain (each session counts once): +1.75 points out of 5, +35% of full marks" in evaluation.render_text(out_of_5)


def test_different_full_marks_are_rescaled_to_the_common_one() -> None:
    common = dict(activity="physics/stopping-distance", date="2024-01-01", school="S", grade="8", students=20,
                  scientist="X", format="in-person", minutes=45)
    records = [
        Record(**common, pre_scores=(F(2),), post_scores=(F(4),)),                      # out of 5
        Record(**common, pre_scores=(F(3),), post_scores=(F(4),)),                      # out of 5
        Record(**common, pre_scores=(F(6),), post_scores=(F(10),), max_score=F(10)),    # out of 10: 3 and 5 out of 5
    ]
    [stats] = evaluation.aggregate(records).activities
    assert stats.max_score == 5  # two of the three sessions use 5
    assert stats.mean_pre == (2 + 3 + 3) / F(3) and stats.mean_post == (4 + 4 + 5) / F(3)
    # normalised gain does not depend on the scale: 2/3, 1/2 and (10-6)/(10-6) = 1
    assert stats.normalised_gain == (F(2, 3) + F(1, 2) + 1) / 3


def test_a_class_at_full_marks_has_no_normalised_gain() -> None:
    record = Record("physics/stopping-distance", "2024-01-01", "S", "8", 20, "X", "online", 40,
                    pre_scores=(F(5), F(5)), post_scores=(F(5),))
    assert record.gain == 0 and record.normalised_gain is None
    report = evaluation.aggregate([record])
    assert (report.paired_sessions, report.normalised_sessions, report.normalised_gain) == (1, 0, None)


def test_no_records_gives_an_empty_report(tmp_path: Path) -> None:
    report = evaluation.aggregate([])
    assert (report.sessions, report.students, report.mean_gain, report.activities) == (0, 0, None, ())
    assert "暂无活动记录" in evaluation.render_text(report, "zh")
    assert evaluation.render_markdown(report, "en").startswith("# Scientist-in-school sessions\n")


# --- the bad records are located -------------------------------------------------------------------

def test_unknown_key_suggests_the_known_one(loaded) -> None:
    [finding] = _only(loaded[1], "mixed.yaml", "evaluation-unknown-key")
    assert finding.severity is Severity.ERROR
    assert "records[1].teacher_feedbak: unknown key 'teacher_feedbak'" in finding.message
    assert "did you mean 'teacher_feedback'" in finding.message
    assert _line("mixed.yaml", finding.line).startswith("teacher_feedbak:")


def test_score_above_full_marks_points_at_the_score(loaded) -> None:
    [finding] = [f for f in _only(loaded[1], "mixed.yaml", "evaluation-invalid") if "post_scores" in f.message]
    assert finding.message == "records[2].post_scores[1]: expected a number from 0 to 5, found 6"
    assert _line("mixed.yaml", finding.line) == "- 6"


def test_negative_students_and_impossible_date(loaded) -> None:
    invalid = {f.message.split(":")[0]: f for f in _only(loaded[1], "mixed.yaml", "evaluation-invalid")}
    students = invalid["records[3].students"]
    assert "expected a whole number greater than 0, found -3" in students.message
    assert _line("mixed.yaml", students.line) == "students: -3"
    # unquoted, PyYAML cannot even build this date; the record is still reported alone, not the whole file
    date = invalid["records[4].date"]
    assert "expected a date YYYY-MM-DD, found '2024-02-30'" in date.message
    assert _line("mixed.yaml", date.line) == "date: 2024-02-30"


def test_malformed_yaml_loses_only_that_file(loaded) -> None:
    records, findings = loaded
    [finding] = [f for f in findings if Path(f.path).name == "broken.yaml"]
    assert finding.rule == "yaml-syntax" and "malformed YAML" in finding.message
    assert finding.line in (4, 5)  # the unclosed '[' is on line 4; PyYAML notices on line 5
    assert not [r for r in records if Path(r.source).name == "broken.yaml"]


def test_csv_row_with_a_non_number_points_at_its_row(loaded) -> None:
    [finding] = [f for f in loaded[1] if Path(f.path).name == "sessions.csv"]
    assert finding.message == "pre_scores[1]: expected a number from 0 to 5, found 'three'"
    # line 4, not 3: the row before it has a quoted cell over two lines
    assert finding.line == 4
    assert _line("sessions.csv", 4).startswith("physics/radiocarbon-dating,2024-04-17,")


def test_exactly_the_six_bad_records_are_reported(loaded) -> None:
    findings = loaded[1]
    assert [(Path(f.path).name, f.line) for f in findings] == [
        ("broken.yaml", 5), ("mixed.yaml", 22), ("mixed.yaml", 33), ("mixed.yaml", 38), ("mixed.yaml", 43),
        ("sessions.csv", 4)]
    assert all(f.severity is Severity.ERROR for f in findings)
    assert all(len(f.message) < 120 for f in findings)  # one short line each


@pytest.mark.parametrize(("header", "expected"), [
    ("activty,date\n", "unknown column 'activty' (did you mean 'activity'?); the rows of this file were not read"),
    ("activity;date;school\n", "expected columns separated by commas, found ';'; the rows were not read"),
])
def test_csv_header_problems_are_reported_once_at_line_1(tmp_path: Path, header: str, expected: str) -> None:
    (tmp_path / "a.csv").write_text(header + "physics/stopping-distance,2024-05-01\n", encoding="utf-8")
    records, findings = evaluation.load_records(tmp_path)
    assert records == [] and findings and all(f.line == 1 for f in findings)
    assert any(f.message == expected for f in findings)


def test_csv_cells_missing_and_bad_values_and_other_rows_survive(tmp_path: Path) -> None:
    header = "activity,date,school,grade,students,scientist,format,minutes,rural,feedback_rating\n"
    good = "physics/stopping-distance,2024-05-01,S,8,30,X,online,40,no,\n"
    bad = "physics/stoping-distance,05/01/2024,S,8,30,X,zoom,40,maybe,6\n"
    short = "physics/stopping-distance,2024-05-01,S\n"
    (tmp_path / "a.csv").write_text(header + good + bad + "\n" + short + good, encoding="utf-8-sig")
    records, findings = evaluation.load_records(tmp_path, known_activities={"physics/stopping-distance"})
    assert [r.line for r in records] == [2, 6]
    messages = {f.message.split(":")[0]: (f.line, f.message) for f in findings}
    assert messages["activity"] == (3, "activity: unknown activity 'physics/stoping-distance' "
                                       "(did you mean 'physics/stopping-distance'?)")
    assert "expected a date YYYY-MM-DD, found '05/01/2024'" in messages["date"][1]
    assert "expected one of in-person, online, series, found 'zoom'" in messages["format"][1]
    assert "expected true or false, found 'maybe'" in messages["rural"][1]
    assert "expected a whole number from 1 to 5, found 6" in messages["feedback_rating"][1]
    assert messages["expected 10 cells like the header, found 3"][0] == 5  # after the blank line 4


def test_yaml_shapes_and_missing_keys(tmp_path: Path) -> None:
    (tmp_path / "list.yaml").write_text("- activity: physics/stopping-distance\n", encoding="utf-8")
    (tmp_path / "missing.yaml").write_text("records:\n  - activity: physics/stopping-distance\n    date: '2024-05-01'\n"
                                           "  - just text\n", encoding="utf-8")
    (tmp_path / "empty.yml").write_text("# nothing yet\n", encoding="utf-8")
    _, findings = evaluation.load_records(tmp_path)
    messages = [(Path(f.path).name, f.line, f.severity, f.message) for f in findings]
    assert ("empty.yml", 1, Severity.WARNING, "no records in this file") in messages
    assert any(name == "list.yaml" and "put the records under 'records:'" in m for name, _, _, m in messages)
    assert ("missing.yaml", 2, Severity.ERROR, "records[0]: missing required key 'school' (the school's name)") in messages
    assert ("missing.yaml", 4, Severity.ERROR, "records[1]: expected a mapping of record keys, found 'just text'") in messages


def test_more_scores_than_students_is_a_warning_and_still_counted(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("activity: physics/stopping-distance\ndate: 2024-05-01\nschool: S\ngrade: 8\n"
                                     "students: 2\nscientist: X\nformat: online\nminutes: 40\npre_scores: [1, 2, 3]\n",
                                     encoding="utf-8")
    records, [finding] = evaluation.load_records(tmp_path)
    assert len(records) == 1
    assert finding.severity is Severity.WARNING and finding.line == 9
    assert finding.message == "pre_scores: 3 scores for 2 students; one score per student at most"


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no folder of evaluation records"):
        evaluation.load_records(tmp_path / "nope")


# --- rendering -------------------------------------------------------------------------------------

def test_text_table_in_both_languages(loaded) -> None:
    report = evaluation.aggregate(loaded[0])
    en = evaluation.render_text(report, "en")
    assert "8 sessions · 238 students reached" in en
    # 23/72 = 31.9% of full marks; the normalised gain is 0.607…
    assert "Mean gain (each session counts once): +32% of full marks; normalised gain 0.61" in en
    assert re.search(r"physics/stopping-distance\s+3\s+87\s+2\.25 / 5\s+4\.17 / 5\s+\+1\.92\s+0\.70$", en, re.M)
    zh = evaluation.render_text(report, "zh")
    assert "共 8 场 · 覆盖学生 238 人次" in zh and "形式：线下 3 场，线上 3 场，系列活动 2 场" in zh
    assert "平均提升（按场次平均）：相当于满分的 +32%；标准化增益 0.61（6 场有前后测成绩）" in zh
    # the columns line up in a terminal, where a Chinese character takes two columns
    table = zh.split("\n\n")[1].splitlines()
    assert len({render._width(row) for row in table[1:]}) == 1


def test_json_numbers_are_rounded_only_there(loaded) -> None:
    data = json.loads(evaluation.render_json(evaluation.aggregate(loaded[0])))
    assert data["sessions"] == 8 and data["students"] == 238
    assert data["mean_gain"] is None and data["mean_gain_share"] == round(23 / 72, 4)
    noon = data["activities"][0]
    assert noon["activity"] == "earth-space/noon-shadows" and noon["mean_pre"] == round(46 / 9, 4)
    assert noon["max_score"] == 10


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_page_has_headlines_table_chart_and_findings(lang: str) -> None:
    page = evaluation.report_page(DATA, lang)
    assert page.startswith("# 科学家进校园活动统计\n" if lang == "zh" else "# Scientist-in-school sessions\n")
    assert "| `physics/stopping-distance` | 3 | 87 | 2.25 / 5 | 4.17 / 5 | +1.92 | 0.70 |" in page
    svg = re.search(r"<svg.*?</svg>", page).group(0)
    assert "\n" not in svg  # one line, so Markdown passes it through as a raw HTML block
    assert 'role="img"' in svg and 'viewBox="0 0 640 ' in svg and "<title" in svg
    assert svg.count("<rect") == 6  # pre and post for three activities
    assert "8.25 / 10" in svg  # noon shadows, post-test
    assert ("前测" if lang == "zh" else "pre-test") in svg
    assert ("记录中的问题" if lang == "zh" else "Problems in the records") in page
    assert "mixed.yaml:33: error evaluation-invalid: records[2].post_scores[1]" in page


def test_unknown_language_is_a_usage_error(loaded) -> None:
    with pytest.raises(UsageError, match="did you mean 'zh'"):
        evaluation.render_text(evaluation.aggregate([]), "zhh")


# --- the bundled example ---------------------------------------------------------------------------

def test_bundled_example_is_valid_and_marked_as_example() -> None:
    records, findings = evaluation.load_records(EXAMPLE)
    assert findings == []
    assert len(records) >= 6
    assert {r.activity for r in records} == {"physics/stopping-distance", "earth-space/noon-shadows",
                                             "physics/radiocarbon-dating"}
    assert {Path(r.source).suffix for r in records} >= {".yaml", ".csv"}
    readme = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    assert "示例数据" in readme and "not real" in readme
    # the README documents the format: every key of the schema is described there
    assert [key for key in evaluation.SCHEMA if f"`{key}`" not in readme] == []
    for lang in ("zh", "en"):
        page = evaluation.report_page(EXAMPLE, lang, example=True)
        assert page.startswith("# ") and '!!! warning "' in page and "<svg" in page
