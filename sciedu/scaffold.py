"""``sciedu new SUBJECT/ID``: a new activity folder from the template, ready to edit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sciedu.errors import UsageError
from sciedu.metadata import ID_PATTERN
from sciedu.model import SUBJECTS
from sciedu.project import Project
from sciedu.errors import did_you_mean

TEMPLATE = Path(__file__).parent / "templates" / "activity"


def new_activity(project: Project, address: str) -> Path:
    subject, _, activity_id = address.strip("/").partition("/")
    if not activity_id or "/" in activity_id:
        raise UsageError(f"expected SUBJECT/ID such as physics/falling-objects, found {address!r}")
    if subject not in SUBJECTS:
        raise UsageError(f"unknown subject {subject!r}{did_you_mean(subject, set(SUBJECTS))}; expected one of {', '.join(SUBJECTS)}")
    if not ID_PATTERN.match(activity_id):
        raise UsageError(f"activity id {activity_id!r} must be lower-case letters, digits and '-'")
    existing = [p for p in project.activities.glob(f"*/{activity_id}") if p.is_dir()]
    if existing:
        raise UsageError(f"an activity with id {activity_id!r} already exists: {existing[0]}")
    folder = project.activities / subject / activity_id
    values = {"id": activity_id, "subject": subject, "date": dt.date.today().isoformat()}
    for source in sorted(TEMPLATE.rglob("*")):
        if source.is_file():
            target = folder / source.relative_to(TEMPLATE)
            target.parent.mkdir(parents=True, exist_ok=True)
            text = source.read_text(encoding="utf-8")
            for key, value in values.items():
                text = text.replace("{{" + key + "}}", value)
            target.write_text(text, encoding="utf-8")
    return folder
