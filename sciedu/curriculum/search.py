"""Find curriculum items by code or words, in Chinese or English: ``sciedu standards search``.

Matching is case-insensitive. Hits are ranked: the exact code first, then codes that start with the
text, codes that contain it, names, and last statements; within a rank, by framework and code.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from sciedu.curriculum.model import Curriculum, Item, _natural
from sciedu.metadata import CURRICULUM_LANGUAGES

#: Why an item matched, best first.
RANKS = ("code", "code prefix", "code part", "name", "statement")


@dataclass(frozen=True)
class Hit:
    item: Item
    rank: int  # an index into RANKS

    @property
    def why(self) -> str:
        return RANKS[self.rank]


def search(curriculum: Curriculum, text: str, *, framework: str | None = None, band: str | None = None,
           lang: str | None = None) -> list[Hit]:
    """Items matching ``text``, ranked. ``framework`` and ``band`` narrow the items; ``lang`` the words matched."""
    needle = text.strip().casefold()
    if not needle:
        return []
    languages = (lang,) if lang else CURRICULUM_LANGUAGES
    hits = []
    for item in _items(curriculum, framework, band):
        rank = match_rank(item, needle, languages)
        if rank is not None:
            hits.append(Hit(item, rank))
    return sorted(hits, key=lambda h: (h.rank, h.item.framework, _natural(h.item.code)))


def _items(curriculum: Curriculum, framework: str | None, band: str | None) -> Iterable[Item]:
    for fw in curriculum.frameworks.values():
        if framework is not None and fw.id != framework:
            continue
        yield from (item for item in fw.items.values() if band is None or item.fits_band(band))


def match_rank(item: Item, needle: str, languages: Iterable[str]) -> int | None:
    """The best rank at which ``item`` matches the case-folded ``needle``, or None."""
    codes = (item.code.casefold(), item.id.casefold())
    if needle in codes:
        return 0
    if any(code.startswith(needle) for code in codes):
        return 1
    if needle in codes[0]:
        return 2
    languages = tuple(languages)
    if any(needle in item.name[lang].casefold() for lang in languages):
        return 3
    if any(needle in item.statement.get(lang, "").casefold() for lang in languages):
        return 4
    return None


def render(hits: list[Hit]) -> str:
    """One block per hit: the full id, band and type, then name and statement in both languages."""
    blocks = []
    for hit in hits:
        item = hit.item
        lines = [f"{item.id}  [{item.band}, {item.type}]"]
        for lang in CURRICULUM_LANGUAGES:
            name, statement = item.name[lang], item.statement.get(lang, "")
            lines.append(f"  {lang}: {name}" + (f" — {statement}" if statement and statement != name else ""))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def framework_hint(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'ngss-2013'?)`` for a misspelt or shortened framework id, else nothing."""
    known = sorted(known)
    folded = name.casefold()
    close = [k for k in known if folded and (k.startswith(folded) or folded in k)]
    close += [k for k in difflib.get_close_matches(name, known, n=3, cutoff=0.6) if k not in close]
    return f" (did you mean {', '.join(repr(k) for k in close[:3])}?)" if close else ""
