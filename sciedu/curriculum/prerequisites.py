"""The mathematics/reading/science prerequisites an activity or a framework item may presuppose.

``curriculum/prerequisites.yaml`` defines the vocabulary once, as data: each prerequisite has an id, its
names, the earliest grade band at which China's curriculum introduces it, the standard that says so, and
detection hints (Python names, LaTeX commands, regular expressions) that reveal its use in a notebook.
``load`` returns a ``Vocabulary`` and located findings; ``find_uses`` finds the hints in a line of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sciedu import yamlfile
from sciedu.errors import Finding, did_you_mean, error
from sciedu.languages import N_
from sciedu.metadata import Invalid, curriculum_text, choice, list_of, record, regex, slug, text, url
from sciedu.model import GRADE_BANDS, DeclaredPrerequisite, Text

FILE = "prerequisites.yaml"
KINDS = ("mathematics", "reading", "science")


@dataclass(frozen=True)
class Prerequisite:
    id: str
    kind: str
    name: Text
    band: str
    standard: str  # key into Vocabulary.standards
    taught: Text  # where in the standard (stage, strand, usual grade)
    python: tuple[str, ...] = ()
    latex: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    note: Text | None = None
    path: Path | None = None
    line: int = 1

    @property
    def detectable(self) -> bool:
        return bool(self.python or self.latex or self.patterns)


@dataclass(frozen=True)
class StandardRef:
    title: str
    url: str


@dataclass
class Vocabulary:
    prerequisites: dict[str, Prerequisite] = field(default_factory=dict)
    standards: dict[str, StandardRef] = field(default_factory=dict)
    #: activity band -> the highest band of prerequisites it may assume (default: its own band)
    assumed: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    def ceiling(self, band: str) -> str:
        """The highest band of mathematics an activity of ``band`` may assume."""
        return self.assumed.get(band, band)

    def above(self, prerequisite: Prerequisite, band: str) -> bool:
        """True when ``prerequisite`` is taught later than an activity of ``band`` may assume."""
        return rank(prerequisite.band) > rank(self.ceiling(band))


def rank(band: str) -> int:
    return GRADE_BANDS.index(band) if band in GRADE_BANDS else len(GRADE_BANDS)


def _python_name(value: Any) -> str:
    name = text(value)
    if not re.fullmatch(r"[A-Za-z_][\w]*(\.[A-Za-z_]\w*)*", name):
        raise Invalid(f"expected a Python name such as 'np.tan', found {name!r}")
    return name


PREREQUISITE = record({
    "id": (True, slug),
    "kind": (True, choice(KINDS)),
    "name": (True, curriculum_text),
    "band": (True, choice(GRADE_BANDS)),
    "standard": (True, slug),
    "taught": (True, curriculum_text),
    "python": (False, list_of(_python_name)),
    "latex": (False, list_of(text)),
    "patterns": (False, list_of(regex)),
    "note": (False, curriculum_text),
}, lambda **kw: kw)
STANDARD = record({"title": (True, text), "url": (True, url)}, StandardRef)
FILE_SCHEMA = record({
    "standards": (True, lambda v: _mapping(v, STANDARD)),
    "assumed": (False, lambda v: _mapping(v, choice(GRADE_BANDS))),
    "prerequisites": (True, list_of(lambda v: v, allow_empty=False)),
}, lambda **kw: kw)


def _mapping(value: Any, validate: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or not value:
        raise Invalid(f"expected a mapping, found {value!r:.60}")
    out = {}
    for key, entry in value.items():
        try:
            out[str(key)] = validate(entry)
        except Invalid as exc:
            raise Invalid(exc.message, (key, *exc.key_path)) from None
    return out


def load(folder: Path) -> tuple[Vocabulary, list[Finding]]:
    """Read ``folder/prerequisites.yaml``; no file means an empty vocabulary."""
    path = folder / FILE
    if not path.is_file():
        return Vocabulary(), []
    try:
        located = yamlfile.load(path)
    except yamlfile.YAMLSyntaxError as exc:
        return Vocabulary(), [exc.finding]
    try:
        data = FILE_SCHEMA(located.data)
    except Invalid as exc:
        return Vocabulary(path=path), [error(path, located.line_of(exc.key_path), "prerequisites-invalid", f"{_where(exc.key_path)}: {exc.message}")]
    findings: list[Finding] = []
    for band in data.get("assumed", {}):
        if band not in GRADE_BANDS:
            findings.append(error(path, located.line_of(("assumed", band)), "prerequisites-invalid",
                                  f"assumed.{band}: not a grade band{did_you_mean(band, set(GRADE_BANDS))}"))
    vocabulary = Vocabulary(standards=data["standards"], assumed=data.get("assumed", {}), path=path)
    for index, raw in enumerate(data["prerequisites"]):
        where = ("prerequisites", index)
        try:
            fields = PREREQUISITE(raw)
        except Invalid as exc:
            key_path = (*where, *exc.key_path)
            findings.append(error(path, located.line_of(key_path), "prerequisites-invalid", f"{_where(key_path)}: {exc.message}"))
            continue
        line = located.line_of(where)
        if fields["id"] in vocabulary.prerequisites:
            first = vocabulary.prerequisites[fields["id"]]
            findings.append(error(path, line, "prerequisite-duplicate", f"id {fields['id']!r} is already defined at line {first.line}"))
            continue
        if fields["standard"] not in vocabulary.standards:
            findings.append(error(path, located.line_of((*where, "standard")), "prerequisites-invalid",
                                  f"{_where((*where, 'standard'))}: {fields['standard']!r} is not one of the standards listed at the top"
                                  f"{did_you_mean(fields['standard'], set(vocabulary.standards))}"))
            continue
        vocabulary.prerequisites[fields["id"]] = Prerequisite(
            id=fields["id"], kind=fields["kind"], name=fields["name"], band=fields["band"], standard=fields["standard"],
            taught=fields["taught"], python=tuple(fields.get("python", ())), latex=tuple(fields.get("latex", ())),
            patterns=tuple(fields.get("patterns", ())), note=fields.get("note"), path=path, line=line,
        )
    return vocabulary, findings


def _where(key_path: tuple) -> str:
    return "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in key_path).lstrip(".") or "(top)"


def hint_regexes(prerequisite: Prerequisite) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each hint with the compiled expression that finds it.

    A Python name matches as a whole dotted name (``np.tan`` not in ``np.tanh`` nor ``xnp.tan``); a LaTeX
    command (``\\tan``) matches when no letter follows; any other LaTeX fragment (``e^{``) matches when
    no letter or backslash precedes it; ``patterns`` are regular expressions used as they are.
    """
    return _compiled(prerequisite.python, prerequisite.latex, prerequisite.patterns)


_CACHE: dict[tuple, tuple] = {}


def _compiled(python: tuple[str, ...], latex: tuple[str, ...], patterns: tuple[str, ...]) -> tuple:
    key = (python, latex, patterns)
    if key not in _CACHE:
        out = [(name, re.compile(rf"(?<![\w.\\]){re.escape(name)}(?!\w)")) for name in python]
        for fragment in latex:
            if re.fullmatch(r"\\[A-Za-z]+", fragment):
                out.append((fragment, re.compile(rf"{re.escape(fragment)}(?![A-Za-z])")))
            else:
                out.append((fragment, re.compile(rf"(?<![A-Za-z\\]){re.escape(fragment)}")))
        out += [(pattern, re.compile(pattern)) for pattern in patterns]
        _CACHE[key] = tuple(out)
    return _CACHE[key]


def find_uses(prerequisite: Prerequisite, line: str) -> tuple[str, ...]:
    """The text in ``line`` that reveals ``prerequisite`` (one match per hint that matches)."""
    return tuple(match.group(0).strip() for _, regex in hint_regexes(prerequisite) if (match := regex.search(line)))


def above_band(declared: tuple[DeclaredPrerequisite, ...], band: str, vocabulary: Vocabulary) -> list[tuple[Prerequisite, DeclaredPrerequisite]]:
    """The declared prerequisites taught above what an activity of ``band`` may assume, each with its
    declaration (``acknowledged`` holds the reason, for the teacher guide). Unknown ids are left out."""
    out = []
    for entry in declared:
        prerequisite = vocabulary.prerequisites.get(entry.id)
        if prerequisite is not None and vocabulary.above(prerequisite, band):
            out.append((prerequisite, entry))
    return out


GUIDE_WORDS = {
    "line": N_("- **{name}** ({band} onwards; {taught})"),
    "above": N_(" — **above this band:** {reason}"),
    "no_reason": N_("no reason given"),
}


def guide_markdown(declared: tuple[DeclaredPrerequisite, ...], band: str, vocabulary: Vocabulary, lang: str) -> str:
    """For the teacher guide: the mathematics students need, each with the band that teaches it; those
    above the activity's band are marked, with the reason acknowledged in activity.yaml. Empty when none."""
    from sciedu.site.i18n import BAND_NAMES  # the site's band names, so guide and site say the same

    lines = []
    for entry in declared:
        prerequisite = vocabulary.prerequisites.get(entry.id)
        if prerequisite is None:
            continue
        line = GUIDE_WORDS["line"][lang].format(name=prerequisite.name[lang], band=BAND_NAMES[prerequisite.band][lang],
                                                taught=prerequisite.taught[lang])
        if vocabulary.above(prerequisite, band):
            reason = entry.acknowledged[lang] if entry.acknowledged else GUIDE_WORDS["no_reason"][lang]
            line += GUIDE_WORDS["above"][lang].format(reason=reason)
        lines.append(line)
    return "\n".join(lines)
