"""The search index: teacher pages (the student page plus answers) stay out of it and say what they are."""

from __future__ import annotations

import json
from pathlib import Path


def test_teacher_pages_are_not_in_the_search_index_and_are_titled_as_such(built_project: Path) -> None:
    site = built_project / "build" / "site"
    for prefix, title in (("", "教师版：小车的速度"), ("en/", "Teacher version: ")):
        index = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = [doc["location"] for doc in index["docs"]]
        assert any(loc.startswith("activities/physics/tiny-speed/") for loc in locations)
        assert not [loc for loc in locations if loc.startswith("teacher/physics/tiny-speed/index.html")]
        assert any(loc.startswith("teacher/physics/tiny-speed/guide.html") for loc in locations)  # the guide stays findable
        page = (site / prefix / "teacher" / "physics" / "tiny-speed" / "index.html").read_text(encoding="utf-8")
        assert f">{title}" in page
