"""Read the activity library: ``activities/<subject>/<id>/{activity.yaml, zh.md, en.md, assets/}``.

``load_library(root)`` returns the activities it could read and the findings for the rest; one broken
activity never hides problems in the others. Nothing here writes files.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path

import jupytext
import nbformat

from sciedu import metadata as metadata_schema
from sciedu import yamlfile
from sciedu.errors import Finding, error
from sciedu.model import LANGUAGES, Activity, SourceNotebook

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def find_activity_folders(root: Path) -> list[Path]:
    """Every ``<subject>/<id>/`` folder under ``root`` that holds an ``activity.yaml``, sorted."""
    return sorted(p.parent for p in root.glob("*/*/activity.yaml"))


def load_library(root: Path) -> tuple[list[Activity], list[Finding]]:
    activities: list[Activity] = []
    findings: list[Finding] = []
    if not root.is_dir():
        return [], [error(root, 1, "library-missing", "no activities folder here; run from the project root")]
    for folder in find_activity_folders(root):
        activity, found = load_activity(folder)
        findings += found
        if activity is not None:
            activities.append(activity)
    findings += duplicate_ids(activities)
    return activities, findings


def load_activity(folder: Path) -> tuple[Activity | None, list[Finding]]:
    yaml_path = folder / "activity.yaml"
    try:
        located = yamlfile.load(yaml_path)
    except yamlfile.YAMLSyntaxError as exc:
        return None, [exc.finding]
    meta, findings = metadata_schema.validate(located)
    if meta is not None:
        findings += _folder_matches(meta.id, meta.subject, folder, located)
    notebooks: dict[str, SourceNotebook] = {}
    for lang in LANGUAGES:
        path = folder / f"{lang}.md"
        if not path.is_file():
            findings.append(error(yaml_path, 1, "language-missing", f"missing the {lang} notebook: expected {path.name} beside activity.yaml"))
            continue
        key = f"{folder.parent.name}/{folder.name}"
        try:
            notebooks[lang] = read_notebook(path, lang, key)
        except Exception as exc:  # jupytext raises many kinds; all mean the same to an author
            findings.append(error(path, 1, "notebook-unreadable", f"cannot read as a MyST notebook: {exc}"))
    if meta is None or len(notebooks) < len(LANGUAGES) or any(f.severity == "error" for f in findings):
        return None, findings
    assets = tuple(sorted(p for p in (folder / "assets").rglob("*") if p.is_file())) if (folder / "assets").is_dir() else ()
    return Activity(folder=folder, metadata=meta, notebooks=notebooks, assets=assets), findings


def _folder_matches(activity_id: str, subject: str, folder: Path, located: yamlfile.LocatedYAML) -> list[Finding]:
    findings = []
    if activity_id != folder.name:
        findings.append(error(located.path, located.line_of(("id",)), "id-folder-mismatch",
                              f"id is {activity_id!r} but the folder is named {folder.name!r}; they must be the same"))
    if subject != folder.parent.name:
        findings.append(error(located.path, located.line_of(("subject",)), "subject-folder-mismatch",
                              f"subject is {subject!r} but the activity lives under {folder.parent.name!r}/"))
    return findings


def duplicate_ids(activities: list[Activity]) -> list[Finding]:
    """Ids must be unique across subjects: pages and downloads are named by id."""
    by_id: dict[str, list[Activity]] = defaultdict(list)
    for activity in activities:
        by_id[activity.id].append(activity)
    findings = []
    for activity_id, same in sorted(by_id.items()):
        if len(same) > 1:
            others = ", ".join(str(a.yaml_path) for a in same)
            for activity in same:
                findings.append(error(activity.yaml_path, 1, "duplicate-id",
                                      f"activity id {activity_id!r} is used more than once: {others}"))
    if findings:
        dup = {a.id for a in activities if len(by_id[a.id]) > 1}
        activities[:] = [a for a in activities if a.id not in dup]
    return findings


def read_notebook(path: Path, lang: str, key: str) -> SourceNotebook:
    text = path.read_text(encoding="utf-8")
    nb = jupytext.reads(text, fmt="md:myst")
    nb.nbformat, nb.nbformat_minor = 4, 5
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    starts = cell_start_lines(text)
    lines: dict[str, int] = {}
    for index, cell in enumerate(nb.cells):
        cell["id"] = cell_id(key, index)
        cell.metadata.setdefault("tags", [])
        lines[cell["id"]] = starts[index] if len(starts) == len(nb.cells) else 1
    nbformat.validate(nb)
    return SourceNotebook(path=path, lang=lang, nb=nb, cell_lines=lines)


def cell_id(key: str, index: int) -> str:
    """Deterministic and equal across languages: the activity plus the cell's position."""
    return "c" + hashlib.sha1(f"{key}:{index}".encode()).hexdigest()[:11]


def cell_start_lines(text: str) -> list[int]:
    """The 1-based line where each cell of a MyST notebook starts, in jupytext's cell order."""
    lines = text.splitlines()
    i, n = 0, len(lines)
    if lines and lines[0].strip() == "---":
        i = 1
        while i < n and lines[i].strip() != "---":
            i += 1
        i += 1
    starts: list[int] = []
    in_markdown = False
    while i < n:
        line = lines[i]
        stripped = line.lstrip()
        if stripped.startswith("```{code-cell}") or stripped.startswith("```{raw-cell}"):
            starts.append(i + 1)
            in_markdown = False
            fence = stripped[: len(stripped) - len(stripped.lstrip("`"))]
            i += 1
            while i < n and lines[i].strip() != fence:
                i += 1
        elif line.startswith("+++"):
            in_markdown = False
        elif line.strip() and not in_markdown:
            starts.append(i + 1)
            in_markdown = True
        i += 1
    return starts
