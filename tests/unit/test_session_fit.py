"""Session plans fitted to a length from the activity's own phases: minimums kept, exact sums, clear refusals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sciedu import metadata, sources, yamlfile
from sciedu.guides.session import (
    FRAME, QA_MIN, SessionTooShort, default_minutes, fit, qa_minutes, quiz_minutes, session_plan,
)
from sciedu.model import FIXED_KINDS


class _NoAliases(yaml.SafeDumper):
    """sciedu refuses YAML aliases, so test files are written out in full."""

    def ignore_aliases(self, data: object) -> bool:
        return True

REPO = Path(__file__).parents[2]
BUNDLED, FINDINGS = sources.load_library(REPO / "activities")
IDS = [a.id for a in BUNDLED]


def assert_sound(plan, activity) -> None:
    """Everything a fitted plan promises, checked against the activity's declarations."""
    m = activity.metadata
    segments = plan.segments
    assert sum(s.minutes for s in segments) == plan.minutes
    assert [s.start for s in segments] == [sum(x.minutes for x in segments[:i]) for i in range(len(segments))]
    assert all(s.minutes >= 1 for s in segments)
    phases = [s for s in segments if s.phase]
    for s in phases:
        assert s.minutes >= s.phase.shortest, (s.phase.phase, s.minutes)
        if s.phase.kind in FIXED_KINDS:
            assert s.minutes == s.phase.minutes  # outdoor and hands-on work is never shortened or stretched
    included = [s.phase for s in phases]
    assert len(included) + len(plan.left_out) == len(m.phases) or plan.session_core
    if not plan.session_core:
        core = [p for p in m.phases if p.core] or list(m.phases)
        assert all(any(p is q for q in included) for p in core)  # the core is always there
    else:
        assert not phases and any(s.key == "core" and s.minutes >= m.session_core.minutes for s in segments)
    by_key = {s.key: s.minutes for s in segments}
    assert by_key["prequiz"] == by_key["postquiz"] == quiz_minutes(plan.quiz_items) == plan.quiz_items
    least, aim = qa_minutes(plan.minutes)
    assert by_key["qa"] >= least
    if plan.minutes >= 90:
        assert abs(by_key["qa"] - plan.minutes / 4) <= 0.5 or "extension" not in by_key
    for key, (lowest, _) in FRAME.items():
        assert by_key[key] >= lowest


@pytest.mark.parametrize("minutes", [30, 45, 90, 120])
@pytest.mark.parametrize("activity", BUNDLED, ids=IDS)
def test_bundled_plans_keep_minimums_and_add_up_or_are_refused(activity, minutes: int) -> None:
    assert FINDINGS == []
    try:
        plan = fit(activity, minutes)
    except SessionTooShort as exc:
        message = str(exc)
        assert f"a {minutes}-minute session cannot hold the core of {activity.key}" in message
        least = int(re.search(r"choose --minutes (\d+) or more", message).group(1))
        assert least > minutes
        assert_sound(fit(activity, least), activity)  # the advice is right: that length works
        with pytest.raises(SessionTooShort):
            fit(activity, least - 1)
        return
    assert_sound(plan, activity)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(BUNDLED), st.integers(min_value=30, max_value=180))
def test_any_length_gives_a_sound_plan_or_a_refusal(activity, minutes: int) -> None:
    try:
        plan = fit(activity, minutes)
    except SessionTooShort:
        assert all(_refused(activity, m) for m in range(30, minutes + 1))  # refusals only below some length
        return
    assert_sound(plan, activity)


def _refused(activity, minutes: int) -> bool:
    try:
        fit(activity, minutes)
    except SessionTooShort:
        return True
    return False


def test_the_reviewers_case_45_minutes_of_noon_shadows() -> None:
    activity = next(a for a in BUNDLED if a.id == "noon-shadows")
    # the equal-shadow method needs a morning and an afternoon visit: 45 minutes get the globe demonstration instead
    assert fit(activity, 45).session_core
    plan = fit(activity, 80)
    outdoor = [s for s in plan.segments if s.phase and s.phase.kind == "outdoor"]
    assert [s.minutes for s in outdoor] == [s.phase.minutes for s in outdoor] == [12, 12]
    # ... although the session's frame leaves too little room for every phase at its declared length
    assert any(s.minutes < s.phase.minutes for s in plan.segments if s.phase) or plan.left_out
    text = "\n".join(s.markdown() for s in session_plan(activity, 80, "en")[1])
    fmt = text.split("| Format |")[1].split("\n")[0]
    assert "not online" in fmt and "or online" not in fmt
    assert "Observe (kept whole)" in text
    with pytest.raises(SessionTooShort, match="predict 4 \\+ observe 12 \\+ observe 15 \\+ observe 12 \\+ explain 8 = 51 minutes"):
        fit(activity, 30)


def test_a_short_plan_says_what_it_left_out_and_uses_the_session_core() -> None:
    activity = next(a for a in BUNDLED if a.id == "stopping-distance")
    plan = fit(activity, 30)
    assert plan.session_core and len(plan.left_out) == len(activity.metadata.phases)
    for lang, heading in (("zh", "本方案略去的环节"), ("en", "Left out of this plan")):
        text = "\n".join(s.markdown() for s in session_plan(activity, 30, lang)[1])
        left = text.split(heading)[1]
        assert all(p.what[lang] in left for p in activity.metadata.phases)
        assert activity.metadata.session_core.questions[1][lang] in text
        assert text.count("    - A. ") == plan.quiz_items == 3  # the printed quiz is as long as its time


def test_the_site_default_fits(tmp_path: Path) -> None:
    for activity in BUNDLED:
        assert_sound(fit(activity, default_minutes(activity)), activity)


def test_an_activity_without_core_keeps_every_phase(activity_with) -> None:
    activity = activity_with()
    assert not any(p.core for p in activity.metadata.phases)
    plan = fit(activity, 45)
    assert plan.left_out == () and [s.phase.minutes for s in plan.segments if s.phase] == [5, 10, 5]
    assert_sound(plan, activity)


def test_qa_follows_the_scientists_page() -> None:
    assert qa_minutes(120) == (30, 30) and qa_minutes(90)[0] in (22, 23) and qa_minutes(45)[0] == QA_MIN == 5
    en = (REPO / "site" / "en" / "scientists.md").read_text(encoding="utf-8")
    zh = (REPO / "site" / "zh" / "scientists.md").read_text(encoding="utf-8")
    assert "a quarter of the time for questions" in en and "at least 5 minutes" in en and "90 minutes or more" in en
    assert "四分之一的时间" in zh and "至少 5 分钟" in zh and "90 分钟及以上" in zh
    assert "one minute per question" in en and "每题约 1 分钟" in zh


def _with(tmp_path: Path, phase_extra: dict, **top) -> list:
    data = yaml.safe_load((REPO / "tests" / "data" / "library" / "physics" / "tiny-speed" / "activity.yaml").read_text(encoding="utf-8"))
    data["phases"][1].update(phase_extra)
    data.update(top)
    path = tmp_path / "activity.yaml"
    path.write_text(yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return metadata.validate(yamlfile.load(path))[1]


@pytest.mark.parametrize(("extra", "message"), [
    ({"min_minutes": 12}, "phases[1].min_minutes: min_minutes is 12 but the phase takes only 10 minutes"),
    ({"kind": "outdoor", "min_minutes": 4}, "phases[1].min_minutes: a outdoor phase is never shortened"),
    ({"kind": "outside"}, "expected one of discussion, demonstration, computer, writing, hands-on, outdoor, found 'outside'"),
    ({"core": "yes"}, "phases[1].core: expected true or false, found 'yes'"),
])
def test_bad_phase_keys_are_located_findings(tmp_path: Path, extra: dict, message: str) -> None:
    findings = _with(tmp_path, extra)
    assert [f.rule for f in findings] == ["metadata-invalid"]
    assert message in findings[0].message


def test_a_session_core_has_two_questions(tmp_path: Path) -> None:
    q = {"zh": "问", "en": "Q"}
    findings = _with(tmp_path, {}, session_core={"minutes": 10, "demonstration": q, "questions": [q, q, q]})
    assert "session_core.questions: a session core has exactly two questions, found 3" in findings[0].message
    assert _with(tmp_path, {}, session_core={"minutes": 10, "demonstration": q, "questions": [q, q]}) == []
    assert [f.rule for f in _with(tmp_path, {}, **{"phases[].core": True})] == ["metadata-unknown-key"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_scientists_pages_cite_the_opinions_by_item_and_the_law_by_article(lang: str) -> None:
    page = (REPO / "site" / lang / "scientists.md").read_text(encoding="utf-8")
    if lang == "zh":
        assert "第（二十一）项" in page and not re.search(r"《意见》第[一二三四五六七八九十]+条", page)
        assert "第十一条" in page and "第六十二条" in page and "教育部令第50号" in page and "科学副校长" in page
    else:
        assert "item (21)" in page and "Article 21" not in page and "Article 9 of the Opinions" not in page
        assert "Article 11" in page and "Article 62" in page and "Order No. 50" in page
    assert "DBS" not in page and "1.5" not in page  # no foreign vetting schemes, no unsourced session lengths
    sources = page.split("## 依据与来源" if lang == "zh" else "## Basis and sources")[1]
    assert sources.count("<http") >= 5 and "gov.cn" in sources and "moe.gov.cn" in sources and "npc.gov.cn" in sources
    plan = "\n".join(s.markdown() for s in session_plan(BUNDLED[0], 90, lang)[1])
    assert ("第六十二条" in plan and "第十一条" in plan) if lang == "zh" else ("Article 62" in plan and "Article 11" in plan)


def test_a_core_too_long_for_any_session_is_a_located_error(activity_with) -> None:
    from sciedu.checks import guides
    from sciedu.checks.context import Context

    assert list(guides.session_fits(activity_with(), Context())) == []
    activity = activity_with("    minutes: 10\n", "    minutes: 10\n    min_minutes: 10\n    core: true\n    kind: outdoor\n")
    assert list(guides.session_fits(activity, Context())) == []
    long = activity_with()
    from dataclasses import replace
    phases = tuple(replace(p, minutes=200, core=True, kind="hands-on") if i == 1 else p for i, p in enumerate(long.metadata.phases))
    findings = list(guides.session_fits(replace(long, metadata=replace(long.metadata, phases=phases)), Context()))
    assert [f.rule for f in findings] == ["session-core-too-long"]
    assert "a 180-minute session cannot hold the core" in findings[0].message and "choose --minutes" not in findings[0].message
