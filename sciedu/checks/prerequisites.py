"""Mathematics above the band: what an activity declares it needs, and what its student cells really use.

The vocabulary (``curriculum/prerequisites.yaml``) gives each prerequisite the earliest band at which
China's curriculum teaches it, and hints (Python names, LaTeX, patterns) that reveal its use.

- ``prerequisites:`` in activity.yaml names ids of the vocabulary: an unknown id is an error with
  did-you-mean; one taught above the activity's band is a ``math-above-band`` warning.
- Student-visible cells that use a prerequisite above the band (found by its hints) are a
  ``math-above-band-used`` warning at the first line that uses it, per notebook and prerequisite, with
  the other lines listed. Student-visible means every cell that reaches the student notebook: all cells
  except those tagged ``teacher``. Solution cells count: students see the solutions after they try, and
  the code outside ``### BEGIN/END SOLUTION`` stays in their notebook. ``hide-input`` and ``remove-cell``
  cells count too, because the student notebook still holds their code.
- An entry ``{id: ..., acknowledged: {zh: ..., en: ...}}`` records why the activity uses that
  prerequisite above its band for now; both findings about it become notes, which are printed with the
  reason but never fail ``--strict``. The reason is meant for the teacher guide.
- An activity aligned to a framework item whose ``prerequisites`` it does not declare gets a note.

What a university or adult activity may assume is set by ``assumed`` in the vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterator

from sciedu.checks.context import Context
from sciedu.curriculum.prerequisites import Prerequisite, Vocabulary, find_uses
from sciedu.errors import Finding, did_you_mean, error, note, warning
from sciedu.model import Activity, SourceNotebook, Text
from sciedu.yamlfile import load

ADVICE = ("move it into a cell tagged 'teacher' (an extension for the teacher) or re-band the activity; "
          "to keep it for now, acknowledge it in activity.yaml: {id: ..., acknowledged: {zh: ..., en: ...}}")


ADVICE_DECLARED = ("choose another approach or re-band the activity; to keep it for now, write "
                   "{id: ..., acknowledged: {zh: ..., en: ...}} with the reason")


def declared_prerequisites_fit(activity: Activity, context: Context) -> Iterator[Finding]:
    """Declared prerequisites exist and are taught by the activity's band."""
    declared = activity.metadata.prerequisites
    if not declared:
        return
    vocabulary = context.curriculum.vocabulary
    located = load(activity.yaml_path)
    band = activity.metadata.grade_band
    seen: set[str] = set()
    for index, entry in enumerate(declared):
        line = located.line_of(("prerequisites", index))
        prerequisite = vocabulary.prerequisites.get(entry.id)
        if prerequisite is None:
            where = "curriculum/prerequisites.yaml" if vocabulary.path is None else vocabulary.path.name
            yield error(activity.yaml_path, line, "prerequisite-unknown",
                        f"prerequisites[{index}]: {entry.id!r} is not defined in {where}{did_you_mean(entry.id, set(vocabulary.prerequisites))}")
            continue
        if entry.id in seen:
            yield error(activity.yaml_path, line, "prerequisite-duplicate", f"prerequisites[{index}]: {entry.id!r} is listed twice")
            continue
        seen.add(entry.id)
        if vocabulary.above(prerequisite, band):
            message = (f"{_named(prerequisite)} is taught from band {prerequisite.band} ({_taught(prerequisite, vocabulary)}) "
                       f"but this activity is for {band}{_ceiling(vocabulary, band)}: {ADVICE_DECLARED}")
            yield _finding(activity, line, "math-above-band", message, entry.acknowledged)


def student_cells_within_band(activity: Activity, context: Context) -> Iterator[Finding]:
    """Student-visible cells use no mathematics above the band, as far as the hints can tell."""
    vocabulary = context.curriculum.vocabulary
    band = activity.metadata.grade_band
    candidates = [p for p in vocabulary.prerequisites.values() if p.detectable and vocabulary.above(p, band)]
    if not candidates:
        return
    declared = {entry.id: entry for entry in activity.metadata.prerequisites}
    for notebook in activity.notebooks.values():
        uses: dict[str, list[tuple[int, str]]] = {}
        for line, text in student_lines(notebook):
            for prerequisite in candidates:
                found = find_uses(prerequisite, text)
                if found:
                    uses.setdefault(prerequisite.id, []).append((line, found[0]))
        for prerequisite in candidates:
            where = uses.get(prerequisite.id)
            if not where:
                continue
            first, hint = where[0]
            others = sorted({line for line, _ in where[1:] if line != first})
            also = f" (also line{'s' if len(others) > 1 else ''} {_lines(others)})" if others else ""
            entry = declared.get(prerequisite.id)
            declare = "" if entry else "; and declare it under prerequisites: if students need it"
            message = (f"a student-visible cell uses `{hint}`{also}: {_named(prerequisite)} is taught from band "
                       f"{prerequisite.band} ({_taught(prerequisite, vocabulary)}) but this activity is for "
                       f"{band}{_ceiling(vocabulary, band)}: {ADVICE}{declare}")
            yield _finding(activity, first, "math-above-band-used", message, entry.acknowledged if entry else None, notebook)


def aligned_items_prerequisites_declared(activity: Activity, context: Context) -> Iterator[Finding]:
    """A note when an aligned framework item presupposes mathematics the activity does not declare."""
    curriculum = context.curriculum
    declared = {entry.id for entry in activity.metadata.prerequisites}
    located = None
    for index, standard in enumerate(activity.metadata.standards):
        item = curriculum.item(standard)
        missing = [p for p in (item.prerequisites if item else ()) if p not in declared and p in curriculum.vocabulary.prerequisites]
        if not missing:
            continue
        located = located or load(activity.yaml_path)
        names = ", ".join(_named(curriculum.vocabulary.prerequisites[p]) for p in missing)
        yield note(activity.yaml_path, located.line_of(("standards", index)), "prerequisite-undeclared",
                   f"{standard} presupposes {names}; add {'it' if len(missing) == 1 else 'them'} to prerequisites: "
                   "if students use it, or check that they have it")


def student_lines(notebook: SourceNotebook) -> Iterator[tuple[int, str]]:
    """(source line, text) of every line of every cell that reaches the student notebook."""
    file_lines = notebook.path.read_text(encoding="utf-8").splitlines()
    for cell in notebook.nb.cells:
        if "teacher" in cell.metadata.get("tags", []):
            continue
        yield from zip(source_lines(file_lines, notebook.line_of(cell.id), cell.source), cell.source.splitlines(), strict=True)


def source_lines(file_lines: list[str], start: int, source: str) -> list[int]:
    """The 1-based line in the MyST file of each line of a cell that starts at ``start``: the cell's lines
    are found in order from there (past a code cell's fence and options); a line not found keeps ``start``."""
    out: list[int] = []
    position = start - 1
    for text in source.splitlines():
        probe = position
        while probe < len(file_lines) and file_lines[probe].rstrip() != text.rstrip():
            probe += 1
        if probe < len(file_lines):
            out.append(probe + 1)
            position = probe + 1
        else:
            out.append(start)
    return out


def _finding(activity: Activity, line: int, rule: str, message: str, acknowledged: Text | None,
             notebook: SourceNotebook | None = None) -> Finding:
    path = notebook.path if notebook is not None else activity.yaml_path
    if acknowledged is None:
        return warning(path, line, rule, message)
    reason = acknowledged[notebook.lang] if notebook is not None else acknowledged.en
    return note(path, line, rule, f"{message}; acknowledged in activity.yaml: {reason}")


def _named(prerequisite: Prerequisite) -> str:
    return f"{prerequisite.id} ({prerequisite.name.zh})"


def _taught(prerequisite: Prerequisite, vocabulary: Vocabulary) -> str:
    return vocabulary.standards[prerequisite.standard].title


def _ceiling(vocabulary: Vocabulary, band: str) -> str:
    ceiling = vocabulary.ceiling(band)
    return "" if ceiling == band else f", which may assume up to band {ceiling}"


def _lines(lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:8])
    return shown + (f" and {len(lines) - 8} more" if len(lines) > 8 else "")
