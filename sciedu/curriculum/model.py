"""Typed records for frameworks, their items and the associations between items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sciedu.curriculum.prerequisites import Vocabulary
from sciedu.model import Text

ALL_BANDS = "all"
#: The item type of a learning content's per-band requirement (学段要求), code ``<content>-<band>``.
REQUIREMENT = "learning-requirement"
#: The school grades in each grade band, written as the frameworks' ``grades`` write them (CASE education levels).
BAND_GRADES = {"1-2": ("01", "02"), "3-4": ("03", "04"), "5-6": ("05", "06"), "7-9": ("07", "08", "09"),
               "10-12": ("10", "11", "12"), "university": ("HE",), "adult": ("AE",)}


@dataclass(frozen=True)
class Item:
    framework: str
    code: str
    type: str
    name: Text
    statement: dict[str, str]
    provenance: dict[str, str]
    band: str
    parent: str | None = None
    grades: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    source: str = ""
    path: Path | None = None
    line: int = 1
    checked_against: tuple[dict[str, str], ...] = ()
    prerequisites: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.framework}:{self.code}"

    def statement_in(self, lang: str) -> str:
        """The statement in ``lang``, else in the other language, else the name."""
        return self.statement.get(lang) or next(iter(self.statement.values()), "") or self.name[lang]

    def fits_band(self, band: str) -> bool:
        """The item is meant for ``band``: its band is that band or "all", or its grade span runs on into the
        band's first grade (an NGSS grades 3-5 item, filed under band 3-4, also fits 5-6 through grade 05).

        Only the band's FIRST grade counts. A span that merely ends in a band's last grade starts a new school
        stage there in its own framework (NGSS middle school 06-08, high school 09-12) and keeps the band its
        curators filed it under (7-9, 10-12); otherwise every middle-school PE would pass for grades 5-6.
        """
        if self.band in (ALL_BANDS, band):
            return True
        band_grades = BAND_GRADES.get(band, ())
        return bool(band_grades) and band_grades[0] in self.grades


@dataclass(frozen=True)
class OfficialCodes:
    """The official code space of a framework, for codes that are real but not in our data yet."""

    pattern: str | None = None
    codes: tuple[str, ...] = ()  # known official codes we do not hold yet
    note: dict[str, str] = field(default_factory=dict)

    def describes(self, code: str) -> bool:
        return code in self.codes or (self.pattern is not None and re.search(self.pattern, code) is not None)


@dataclass
class Framework:
    id: str
    title: Text
    publisher: str
    year: int
    source: str
    rights: str
    language: str
    notes: dict[str, str]
    path: Path
    items: dict[str, Item] = field(default_factory=dict)
    coverage_rows: str | None = None
    official_codes: OfficialCodes | None = None
    bands: tuple[str, ...] = ()  # the grade bands the framework is written for, in order (framework.yaml)

    def children(self, code: str | None) -> list[Item]:
        """In reading order: structural items first, then by grade (KG, 01 … 12), then by code."""
        found = [item for item in self.items.values() if item.parent == code]
        return sorted(found, key=lambda i: (i.grades[0].replace("KG", "00") if i.grades else "", _natural(i.code))) if any(i.grades for i in found) else found

    def ancestors(self, code: str) -> list[Item]:
        out, seen = [], set()
        item = self.items.get(code)
        while item is not None and item.parent and item.parent not in seen:
            seen.add(item.parent)
            item = self.items.get(item.parent)
            if item is not None:
                out.append(item)
        return out

    def checked_counts(self) -> tuple[int, int, int]:
        """Items whose wording was checked against two or more copies, against one only, and not at all."""
        counts = [len(i.checked_against) for i in self.items.values()]
        return sum(c >= 2 for c in counts), sum(c == 1 for c in counts), sum(c == 0 for c in counts)

    def requirements(self, code: str) -> dict[str, Item]:
        """The per-band requirements (学段要求) stated for the item ``code``: band -> requirement item."""
        return {i.band: i for i in self.items.values() if i.parent == code and i.type == REQUIREMENT}


def _natural(code: str) -> tuple:
    """'MS-PS3-10' after 'MS-PS3-9'."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", code))


@dataclass(frozen=True)
class Association:
    origin: str
    type: str
    destination: str
    note: Text | None = None
    path: Path | None = None
    line: int = 1
    end_lines: tuple[int, int] = (1, 1)  # lines of origin and destination, for findings


@dataclass
class Curriculum:
    frameworks: dict[str, Framework] = field(default_factory=dict)
    associations: list[Association] = field(default_factory=list)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)

    def item(self, item_id: str) -> Item | None:
        framework, _, code = item_id.partition(":")
        fw = self.frameworks.get(framework)
        return fw.items.get(code) if fw else None

    def related(self, item_id: str) -> list[tuple[Association, str]]:
        """Crosswalk associations touching ``item_id``, each with the item on the other side."""
        out = []
        for association in self.associations:
            if association.origin == item_id:
                out.append((association, association.destination))
            elif association.destination == item_id:
                out.append((association, association.origin))
        return out
