"""The lesson plan (教学设计): checks on its data and the parts the teacher guide prints from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sciedu.checks import lesson_plan as rules
from sciedu.checks.context import Context
from sciedu.curriculum import loader
from sciedu.guides import lesson_plan

REPO = Path(__file__).resolve().parents[2]
CURRICULUM = loader.load(REPO / "curriculum")[0]
CONTEXT = Context(curriculum=CURRICULUM)
HOMEWORK = "  homework: [{task: {zh: \"测一测走到学校要多久。\", en: \"Time your walk to school.\"}, minutes: 10, kind: practical}]\n"


def _findings(activity) -> list:
    return [*rules.lesson_plan_complete(activity, CONTEXT), *rules.competencies_exist(activity, CONTEXT),
            *rules.homework_within_limits(activity, CONTEXT)]


def test_the_fixture_plan_is_complete_and_valid(activity_with) -> None:
    assert _findings(activity_with()) == []


def test_an_unknown_competency_is_an_error_at_its_line(activity_with) -> None:
    activity = activity_with("competency-4, objective", "competency-5, objective")
    [finding] = list(rules.competencies_exist(activity, CONTEXT))
    assert (finding.rule, finding.line) == ("competency-unknown", 62)
    assert "'cn-compulsory-science-2022:competency-5' is not a competency" in finding.message


def test_objectives_that_skip_a_competency_are_named(activity_with) -> None:
    activity = activity_with("competency-4, objective", "competency-3, objective")
    [finding] = list(rules.lesson_plan_complete(activity, CONTEXT))
    assert "cover 3 of the 4 competencies" in finding.message and "Attitudes and responsibility" in finding.message


def test_a_missing_part_and_a_phase_without_intent_are_warnings(activity_with) -> None:
    activity = activity_with(HOMEWORK, "")
    [finding] = list(rules.lesson_plan_complete(activity, CONTEXT))
    assert finding.message == "lesson_plan lacks homework"
    activity = activity_with("    intent: {zh: \"用数据检验预测。\", en: \"Test the predictions against data.\"}\n", "")
    [finding] = list(rules.lesson_plan_complete(activity, CONTEXT))
    assert finding.line == 46 and "1 of 3 phases have no intent" in finding.message


@pytest.mark.parametrize(("band", "kind", "minutes", "expected"), [
    ("1-2", "written", 5, "grades 1–2 get no written homework"),
    ("1-2", "observation", 10, None),
    ("5-6", "written", 61, "written homework takes 61 minutes, more than the 60 minutes"),
    ("5-6", "written", 60, None),
    ("7-9", "written", 91, "more than the 90 minutes"),
    ("university", "written", 200, None),  # no national limit
])
def test_homework_within_the_2021_limits(activity_with, band: str, kind: str, minutes: int, expected: str | None) -> None:
    activity = activity_with('grade_band: "5-6"', f'grade_band: "{band}"')
    activity = activity_with(HOMEWORK, HOMEWORK.replace("minutes: 10, kind: practical", f"minutes: {minutes}, kind: {kind}")) \
        if band == "5-6" else _rebanded(activity_with, band, kind, minutes)
    messages = [f.message for f in rules.homework_within_limits(activity, CONTEXT)]
    assert (messages == []) if expected is None else (expected in " ".join(messages))


def _rebanded(activity_with, band: str, kind: str, minutes: int):
    """The fixture in another band with one homework task (two replacements: activity_with takes one)."""
    from sciedu import sources

    activity = activity_with(HOMEWORK, HOMEWORK.replace("minutes: 10, kind: practical", f"minutes: {minutes}, kind: {kind}"))
    path = activity.yaml_path
    path.write_text(path.read_text(encoding="utf-8").replace('grade_band: "5-6"', f'grade_band: "{band}"'), encoding="utf-8")
    reloaded, findings = sources.load_activity(activity.folder)
    assert findings == [] and reloaded is not None
    return reloaded


def test_the_guide_prints_each_part_by_competency_name(activity_with) -> None:
    plan = activity_with().metadata.lesson_plan
    text = lesson_plan.objectives_by_competency(plan, CURRICULUM, "zh")
    assert text.index("**科学观念**\n\n- 知道速度的含义。") < text.index("**态度责任**\n\n- 如实记录数据。")
    assert "cn-compulsory-science-2022" not in text  # names, never raw codes
    assert lesson_plan.board_plan(plan, "en") == "```text\nspeed = distance ÷ time\n```"
    homework = lesson_plan.homework(plan, "5-6", "zh")
    assert "| 测一测走到学校要多久。 | 实践作业 | 10 |" in homework and "不超过60分钟" in homework


def test_the_process_table_has_the_design_intent_of_each_phase(activity_with) -> None:
    table = lesson_plan.process_table(activity_with(), "zh")
    assert "| 预测 | 5 | 预测小车的速度。 | 先暴露学生的想法。 |" in table
    assert table.splitlines()[0] == "| 环节 | 分钟 | 做什么 | 设计意图 |"
