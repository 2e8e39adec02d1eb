"""The statistics over evaluation records: exact, per activity and overall (see ``aggregate`` for the definitions)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from sciedu.evaluation.numbers import mean
from sciedu.evaluation.records import FORMATS, Record


@dataclass(frozen=True)
class ActivityStats:
    """One activity's sessions. Means are in points out of ``max_score``; see ``aggregate`` for the definitions."""

    activity: str
    sessions: int
    students: int
    max_score: Fraction
    pre_sessions: int
    post_sessions: int
    paired_sessions: int
    normalised_sessions: int
    mean_pre: Fraction | None
    mean_post: Fraction | None
    mean_gain: Fraction | None
    normalised_gain: Fraction | None
    rated_sessions: int
    mean_rating: Fraction | None


@dataclass(frozen=True)
class Report:
    sessions: int
    students: int
    minutes: int
    schools: int
    scientists: int
    first_date: str | None
    last_date: str | None
    by_format: Mapping[str, int]
    by_region: Mapping[str, int]
    rural_sessions: int
    rural_students: int
    paired_sessions: int
    mean_gain: Fraction | None
    gain_max_score: Fraction | None
    mean_gain_share: Fraction | None
    normalised_sessions: int
    normalised_gain: Fraction | None
    rated_sessions: int
    mean_rating: Fraction | None
    activities: tuple[ActivityStats, ...] = field(default_factory=tuple)


def aggregate(records: Iterable[Record]) -> Report:
    """The statistics of ``records``, computed exactly with fractions.

    Definitions (also printed on the page):

    - Students are counted per session: a student in two sessions counts twice ("students reached").
    - A class's pre (post) mean is the mean of its students' scores. An activity's mean pre score is the mean
      of the class pre means over its sessions with pre scores; likewise for post. Every session weighs the
      same, whatever the class size.
    - Gain = class post mean − class pre mean, in points; normalised gain = (post − pre) / (max − pre) of the
      class means. Both use only the sessions with pre AND post scores (paired sessions), so the mean gain
      need not equal mean post − mean pre when some sessions have one test only. A class already at full
      marks before has no normalised gain and is left out of that mean.
    - When an activity's sessions use different full marks, class means are rescaled to the full marks that
      most of its scored sessions use (ties: the larger), which is the activity's ``max_score``.
    - The overall gains are weighted by number of sessions: the mean over all paired sessions, i.e. the
      activities' means weighted by their paired sessions (not by students). ``mean_gain_share`` is the gain
      as a share of full marks (0.25 = a quarter of full marks). ``mean_gain`` in points is given only when
      every activity with paired sessions has the same full marks (``gain_max_score``); points out of 5 and
      points out of 10 cannot be averaged, so otherwise it is None.
    """
    records = list(records)
    groups: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        groups[record.activity].append(record)
    activities = tuple(_activity_stats(key, group) for key, group in sorted(groups.items()))
    regions = Counter(r.region for r in records if r.region)
    rural = [r for r in records if r.rural]
    dates = sorted(r.date for r in records)
    return Report(
        sessions=len(records),
        students=sum(r.students for r in records),
        minutes=sum(r.minutes for r in records),
        schools=len({r.school for r in records}),
        scientists=len({r.scientist for r in records}),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        by_format={fmt: sum(r.format == fmt for r in records) for fmt in FORMATS},
        by_region=dict(sorted(regions.items(), key=lambda kv: (-kv[1], kv[0]))),
        rural_sessions=len(rural),
        rural_students=sum(r.students for r in rural),
        paired_sessions=sum(a.paired_sessions for a in activities),
        **_overall_gain(activities),
        normalised_sessions=sum(a.normalised_sessions for a in activities),
        normalised_gain=_weighted([(a.normalised_sessions, a.normalised_gain) for a in activities]),
        rated_sessions=sum(a.rated_sessions for a in activities),
        mean_rating=_weighted([(a.rated_sessions, a.mean_rating) for a in activities]),
        activities=activities,
    )


def _activity_stats(activity: str, group: list[Record]) -> ActivityStats:
    scale = _scale(group)

    def rescaled(value: Fraction, record: Record) -> Fraction:
        return value * scale / record.max_score

    pre = [rescaled(r.pre_mean, r) for r in group if r.pre_mean is not None]
    post = [rescaled(r.post_mean, r) for r in group if r.post_mean is not None]
    gains = [rescaled(r.gain, r) for r in group if r.gain is not None]
    normalised = [r.normalised_gain for r in group if r.normalised_gain is not None]
    ratings = [Fraction(r.feedback_rating) for r in group if r.feedback_rating is not None]
    return ActivityStats(
        activity=activity, sessions=len(group), students=sum(r.students for r in group), max_score=scale,
        pre_sessions=len(pre), post_sessions=len(post), paired_sessions=len(gains), normalised_sessions=len(normalised),
        mean_pre=mean(pre), mean_post=mean(post), mean_gain=mean(gains), normalised_gain=mean(normalised),
        rated_sessions=len(ratings), mean_rating=mean(ratings),
    )


def _overall_gain(activities: tuple[ActivityStats, ...]) -> dict[str, Fraction | None]:
    paired = [a for a in activities if a.mean_gain is not None]
    scales = {a.max_score for a in paired}
    common = scales.pop() if len(scales) == 1 else None
    return {
        "mean_gain": _weighted([(a.paired_sessions, a.mean_gain) for a in paired]) if common else None,
        "gain_max_score": common,
        "mean_gain_share": _weighted([(a.paired_sessions, a.mean_gain / a.max_score) for a in paired]),
    }


def _scale(group: list[Record]) -> Fraction:
    scored = [r.max_score for r in group if r.pre_scores or r.post_scores] or [r.max_score for r in group]
    counts = Counter(scored)
    return max(counts, key=lambda m: (counts[m], m))


def _weighted(pairs: list[tuple[int, Fraction | None]]) -> Fraction | None:
    total = sum(n for n, value in pairs if value is not None)
    if not total:
        return None
    return sum((n * value for n, value in pairs if value is not None), Fraction(0)) / total
