"""``sciedu new SUBJECT/ID --band BAND``: a new activity folder from the template, ready to edit.

The template (``sciedu/templates/activity/``) is one short activity that shows each part of the science kit:
a prediction, an explorable slider, a calculation with units, a multiple choice with misconception feedback,
an answer box with a declared answer key, and seeded exercises. Its science comes from a scenario for the
subject and level (``sciedu/templates/scenarios.yaml``): primary bands get whole-number adding or times
tables, secondary and older get formulas with units. The result passes ``sciedu check --strict`` as it is.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from sciedu.errors import UsageError, did_you_mean
from sciedu.metadata import ID_PATTERN
from sciedu.model import GRADE_BANDS, SUBJECTS
from sciedu.project import Project
from sciedu.site.i18n import BAND_NAMES, SUBJECT_NAMES

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE = TEMPLATES / "activity"
LEVELS = {"1-2": "primary", "3-4": "primary", "5-6": "primary",
          "7-9": "secondary", "10-12": "secondary", "university": "secondary", "adult": "secondary"}
DEFAULT_BAND = "5-6"
DURATION = {"primary": 40, "secondary": 45}
PLACEHOLDER = re.compile(r"<<([\w.]+)(\|q)?>>")

PHASES = {
    "engage": ({"zh": "提出问题：{title}", "en": "Pose the question: {title}"}, 5),
    "predict": ({"zh": "学生写下预测和理由（第1部分）。", "en": "Students write down a prediction and a reason (section 1)."}, 5),
    "observe": ({"zh": "拖动滑块，带单位计算（第2、3部分）；有材料时分组测量。",
                 "en": "Students explore with the slider and calculate with units (sections 2 and 3); with materials, groups measure."}, None),
    "explain": ({"zh": "比较预测与结果，讨论选择题（第4部分）。", "en": "Compare predictions with the results and discuss the multiple-choice question (section 4)."}, 10),
    "evaluate": ({"zh": "完成练习和个性化题目（第5、6部分）。", "en": "Students do the exercise and their own numbers (sections 5 and 6)."}, 5),
}


def parse_address(address: str, subject: str | None) -> tuple[str, str]:
    """``SUBJECT/ID`` or, with ``--subject``, just ``ID``; the two must agree when both are given."""
    folder_subject, _, activity_id = address.strip("/").rpartition("/")
    if "/" in folder_subject:
        raise UsageError(f"expected SUBJECT/ID such as physics/falling-objects, found {address!r}")
    if not folder_subject and not subject:
        raise UsageError(f"expected SUBJECT/ID such as physics/falling-objects (or ID with --subject), found {address!r}")
    if folder_subject and subject and folder_subject != subject:
        raise UsageError(f"{address!r} is in the folder {folder_subject!r} but --subject is {subject!r}; give one subject")
    chosen = subject or folder_subject
    if chosen not in SUBJECTS:
        raise UsageError(f"unknown subject {chosen!r}{did_you_mean(chosen, set(SUBJECTS))}; expected one of {', '.join(SUBJECTS)}")
    if not activity_id or not ID_PATTERN.match(activity_id):
        raise UsageError(f"activity id {activity_id!r} must be lower-case letters, digits and '-'")
    return chosen, activity_id


def check_band(band: str) -> str:
    if band not in GRADE_BANDS:
        raise UsageError(f"unknown grade band {band!r}{did_you_mean(band, set(GRADE_BANDS))}; expected one of {', '.join(GRADE_BANDS)}")
    return band


def new_activity(project: Project, address: str, *, band: str = DEFAULT_BAND, subject: str | None = None,
                 today: dt.date | None = None) -> Path:
    """Write ``activities/SUBJECT/ID/`` from the template for ``band``; UsageError for a bad request."""
    subject, activity_id = parse_address(address, subject)
    band = check_band(band)
    existing = [p for p in project.activities.glob(f"*/{activity_id}") if p.is_dir()]
    if existing:
        raise UsageError(f"an activity with id {activity_id!r} already exists: {existing[0]}")
    values = template_values(subject, band, activity_id, (today or dt.date.today()).isoformat())
    folder = project.activities / subject / activity_id
    for source in sorted(TEMPLATE.rglob("*")):
        if source.is_file():
            target = folder / source.relative_to(TEMPLATE)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(fill(source.read_text(encoding="utf-8"), values), encoding="utf-8")
    return folder


def fill(text: str, values: dict[str, Any]) -> str:
    """Replace ``<<key>>`` with the value and ``<<key|q>>`` with it quoted (JSON, valid in YAML and Python)."""

    def replace(match: re.Match[str]) -> str:
        value = values[match.group(1)]  # a KeyError here is a typo in the template, caught by the tests
        return json.dumps(value, ensure_ascii=False) if match.group(2) else str(value)

    return PLACEHOLDER.sub(replace, text)


@cache
def scenarios() -> dict[str, dict[str, dict[str, Any]]]:
    return yaml.safe_load((TEMPLATES / "scenarios.yaml").read_text(encoding="utf-8"))


def template_values(subject: str, band: str, activity_id: str, date: str) -> dict[str, Any]:
    """Every placeholder of the template for one subject and band."""
    level = LEVELS[band]
    s = scenarios()[subject][level]
    values: dict[str, Any] = dict(_flatten(s))
    a, b, result = s["a"], s["b"], s["result"]
    for name, quantity in (("a", a), ("b", b), ("result", result)):
        values[f"{name}.pint"] = quantity["unit"] or "dimensionless"
        values[f"{name}.suffix"] = f" {quantity['unit'].replace('1/', '/')}" if quantity["unit"] else ""
        values[f"{name}.unit_yaml"] = f", unit: {json.dumps(quantity['unit'])}" if quantity["unit"] else ""
    values["a.low"], values["a.high"], values["a.step"] = a["range"]
    values["b.choices"] = json.dumps(b["choices"])
    given = {a["name"]: s["exercise"]["a"], b["name"]: s["exercise"]["b"]}
    values["exercise_formula"] = re.sub(r"\b(\w+)\b", lambda m: f"Q_({json.dumps(given[m.group(1)])})" if m.group(1) in given else m.group(1), s["formula"])
    values["answer_hint.zh"] = "（带单位）" if result["unit"] else ""
    values["answer_hint.en"] = ", with its unit," if result["unit"] else ""
    values["choice.options_code"] = _options_code(s["choice"])
    values["quiz_options_yaml"] = "\n".join(_quiz_option_yaml(o) for o in s["choice"]["options"])
    values["materials_yaml"] = _bilingual_list(s["materials"])
    values["safety_yaml"] = _bilingual_list(s["safety"])
    values["sources_yaml"] = "\n".join(f"    - {{title: {json.dumps(x['title'], ensure_ascii=False)}, url: {json.dumps(x['url'])}}}" for x in s["sources"])
    duration = DURATION[level]
    values["phases_yaml"] = _phases_yaml(s["title"], duration)
    values.update({"id": activity_id, "subject": subject, "band": band, "date": date, "duration": duration,
                   "band_name.zh": BAND_NAMES[band]["zh"], "band_name.en": BAND_NAMES[band]["en"],
                   "subject_name.zh": SUBJECT_NAMES[subject]["zh"], "subject_name.en": SUBJECT_NAMES[subject]["en"]})
    return values


def _flatten(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    out = [(prefix.rstrip("."), data)] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            out += _flatten(value, f"{prefix}{key}.")
    return out


def _bilingual(text: dict[str, str]) -> str:
    return f"{{zh: {json.dumps(text['zh'], ensure_ascii=False)}, en: {json.dumps(text['en'], ensure_ascii=False)}}}"


def _bilingual_list(items: list[dict[str, str]]) -> str:
    return "[]" if not items else "\n" + "\n".join(f"  - {_bilingual(x)}" for x in items)


def _quiz_option_yaml(option: dict[str, Any]) -> str:
    misconception = f", misconception: {_bilingual(option['misconception'])}" if "misconception" in option else ""
    return f"      - {{zh: {json.dumps(option['zh'], ensure_ascii=False)}, en: {json.dumps(option['en'], ensure_ascii=False)}{misconception}}}"


def _options_code(choice: dict[str, Any]) -> str:
    lines = []
    for index, option in enumerate(choice["options"]):
        text = json.dumps({"zh": option["zh"], "en": option["en"]}, ensure_ascii=False)
        if index == choice["answer"]:
            extra = f", correct=True,\n               feedback={json.dumps(choice['explanation'], ensure_ascii=False)}"
        elif "misconception" in option:
            extra = f",\n               misconception={json.dumps(option['misconception'], ensure_ascii=False)}"
        else:
            extra = ""
        lines.append(f"        Option({text}{extra}),")
    return "\n".join(lines)


def _phases_yaml(title: dict[str, str], duration: int) -> str:
    fixed = sum(minutes for _, minutes in PHASES.values() if minutes)
    lines = []
    for phase, (what, minutes) in PHASES.items():
        text = {lang: what[lang].format(title=title[lang]) for lang in ("zh", "en")}
        lines.append(f"  - {{phase: {phase}, minutes: {minutes or duration - fixed}, what: {_bilingual(text)}}}")
    return "\n".join(lines)
