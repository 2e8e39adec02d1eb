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

from sciedu import boundary
from sciedu import metadata as metadata_schema
from sciedu import yamlfile
from sciedu.errors import Finding, did_you_mean, error, warning
from sciedu.languages import languages
from sciedu.model import SUBJECTS, Activity, SourceNotebook

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


#: What an activity folder holds; anything else is reported (a near miss such as ``EN.md`` is an error).
def activity_entries() -> tuple[str, ...]:
    """What an activity folder holds: its metadata, one notebook per configured language, its assets."""
    return ("activity.yaml", *(f"{lang}.md" for lang in languages()), "assets")


class SourceError(Exception):
    """A source file that cannot be read at all, as one located finding."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.format())
        self.finding = finding


def layout_findings(root: Path) -> tuple[list[Path], list[Finding]]:
    """The activity folders that may be read, and findings for names and links that break the layout.

    Folder names are ids (they become page addresses); subject folders are the known subjects; a folder
    that is a link leading out of ``root`` is refused and not read. Hidden entries (``.git``...) are skipped.
    """
    findings: list[Finding] = []
    folders: list[Path] = []
    for subject in _visible(root):
        if subject.is_symlink() and not boundary.inside(subject, root):
            findings.append(boundary.link_finding(subject, root))
            continue
        if not subject.is_dir():
            findings.append(warning(subject, 1, "library-stray-file",
                                    f"{subject.name} is not a subject folder and is ignored; activities live in activities/<subject>/<id>/"))
            continue
        if subject.name not in SUBJECTS:
            findings.append(error(subject, 1, "subject-unknown", f"{subject.name!r} is not a subject folder; expected one of "
                                  f"{', '.join(SUBJECTS)}{did_you_mean(subject.name, set(SUBJECTS))}"))
        for folder in _visible(subject):
            if folder.is_symlink() and not boundary.inside(folder, root):
                findings.append(boundary.link_finding(folder, root))
            elif not folder.is_dir():
                findings.append(warning(folder, 1, "library-stray-file",
                                        f"{folder.name} is not an activity folder and is ignored"))
            elif not (folder / "activity.yaml").is_file():
                others = [p.name for p in _visible(folder)]
                hint = did_you_mean("activity.yaml", others) if others else ""
                findings.append(error(folder, 1, "activity-yaml-missing", f"no activity.yaml in {folder.name}/{hint}"))
            else:
                if not metadata_schema.ID_PATTERN.match(folder.name):
                    findings.append(error(folder / "activity.yaml", 1, "folder-name",
                                          f"the folder name {folder.name!r} is not an id: use lower-case letters, digits and '-'"))
                folders.append(folder)
    return folders, findings


def _visible(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def entry_findings(folder: Path) -> list[Finding]:
    """Files beside activity.yaml that sciedu does not use; a near miss (``EN.md``, ``activity.yml``) is an error."""
    findings = []
    entries = activity_entries()
    for entry in _visible(folder):
        if entry.name in entries:
            continue
        near = [name for name in entries if name.lower() == entry.name.lower()] or \
            [name for name in entries if did_you_mean(entry.name, {name})]
        if near:
            findings.append(error(entry, 1, "file-name", f"{entry.name!r} is not a name sciedu reads; did you mean {near[0]!r}?"))
        else:
            findings.append(warning(entry, 1, "file-unused", f"{entry.name!r} is not used: an activity folder holds "
                                    f"{', '.join(entries[:-1])} and assets/ (put images and data in assets/)"))
    return findings


def load_library(root: Path) -> tuple[list[Activity], list[Finding]]:
    activities: list[Activity] = []
    findings: list[Finding] = []
    if not root.is_dir():
        return [], [error(root, 1, "library-missing", "no activities folder here; run from the project root")]
    folders, findings = layout_findings(root)
    for folder in folders:
        activity, found = load_activity(folder)
        findings += found
        if activity is not None:
            activities.append(activity)
    findings += duplicate_ids(activities)
    return activities, findings


def load_activity(folder: Path) -> tuple[Activity | None, list[Finding]]:
    yaml_path = folder / "activity.yaml"
    links = boundary.escaping_links(folder)
    if links:  # nothing behind such a link is read, not even to check it
        return None, links
    try:
        located = yamlfile.load(yaml_path)
    except yamlfile.YAMLSyntaxError as exc:
        return None, [exc.finding, *entry_findings(folder)]
    meta, findings = metadata_schema.validate(located)
    findings += entry_findings(folder)
    if meta is not None:
        findings += _folder_matches(meta.id, meta.subject, folder, located)
    notebooks: dict[str, SourceNotebook] = {}
    for lang in languages():
        path = folder / f"{lang}.md"
        if not path.is_file():
            findings.append(error(yaml_path, 1, "language-missing", f"missing the {lang} notebook: expected {path.name} beside activity.yaml"))
            continue
        key = f"{folder.parent.name}/{folder.name}"
        try:
            notebooks[lang] = read_notebook(path, lang, key)
        except SourceError as exc:
            findings.append(exc.finding)
        except Exception as exc:  # jupytext raises many kinds; all mean the same to an author
            findings.append(error(path, 1, "notebook-unreadable", f"cannot read as a MyST notebook: {exc}"))
    if meta is None or len(notebooks) < len(languages()) or any(f.severity == "error" for f in findings):
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


def read_text(path: Path) -> str:
    """UTF-8 text with or without a byte-order mark, any line ending read as ``\\n``; else a located ``SourceError``."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        msg = (f"the file is not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start} (line {line}, "
               f"column {column}) cannot be decoded; save the file as UTF-8")
        raise SourceError(error(path, line, "encoding", msg)) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_notebook(path: Path, lang: str, key: str) -> SourceNotebook:
    text = read_text(path)
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
