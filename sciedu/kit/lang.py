"""Languages, message catalogues and multilingual text, for the kit and for the rest of sciedu.

Every interface message is written once, in English (the source language), and marked in the code with a
marker from :func:`markers`. Each other language's wording lives in a gettext catalogue: a ``.po`` file that
translators edit (Babel extracts and compiles it) and its compiled ``.mo`` beside it, which is all this module
reads, with the standard library alone, so that a class pack's copy of the kit needs nothing installed. A missing
translation falls back to the English message, as gettext does.

Catalogues are looked up in the folders of ``SCIEDU_LOCALE_PATH`` first (a project's own catalogues, such as a
language sciedu does not ship, compiled by ``sciedu build``), then in the package's own ``locale`` folder.

A multilingual text in a notebook is either a plain string (the same in every language) or a mapping from
language codes to strings, such as ``{"zh": "小车的速度是多少？", "en": "How fast is the cart?"}``.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Union

Lang = str
BiText = Union[str, Mapping[str, str]]

SOURCE_LANGUAGE = "en"
LOCALE_PATH_ENV = "SCIEDU_LOCALE_PATH"
KIT_DOMAIN = "kit"
KIT_LOCALE = Path(__file__).resolve().parent / "locale"

_ALIASES = {"cn": "zh", "chinese": "zh", "中文": "zh", "english": "en"}


def locale_dirs(own: Path) -> tuple[Path, ...]:
    """Where a domain's catalogues are found: the project's folders (``SCIEDU_LOCALE_PATH``), then ``own``."""
    extra = [Path(p) for p in os.environ.get(LOCALE_PATH_ENV, "").split(os.pathsep) if p]
    return (*extra, own)


@lru_cache(maxsize=None)
def _translations(domain: str, dirs: tuple[Path, ...], lang: str) -> gettext.NullTranslations:
    """The catalogue of ``domain`` in ``lang``: the first folder's wins, the later ones fill its gaps."""
    found: gettext.NullTranslations = gettext.NullTranslations()
    if lang == SOURCE_LANGUAGE:
        return found
    chain = []
    for path in (folder / lang / "LC_MESSAGES" / f"{domain}.mo" for folder in dirs):
        if path.is_file():
            with path.open("rb") as mo:
                chain.append(gettext.GNUTranslations(mo))
    for catalogue in reversed(chain):
        catalogue.add_fallback(found)
        found = catalogue
    return found


def translations(domain: str, own: Path, lang: str) -> gettext.NullTranslations:
    return _translations(domain, locale_dirs(own), lang)


def catalogue_files(domain: str = KIT_DOMAIN, own: Path = KIT_LOCALE) -> dict[str, Path]:
    """The compiled catalogues of ``domain`` that are read now, one per language: ``"zh/LC_MESSAGES/kit.mo"`` →
    its file, taken from the first folder of :func:`locale_dirs` that has it (a project's before the package's)."""
    return _catalogue_files(domain, locale_dirs(own))


@lru_cache(maxsize=None)
def _catalogue_files(domain: str, dirs: tuple[Path, ...]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in dirs:
        for mo in sorted(folder.glob(f"*/LC_MESSAGES/{domain}.mo")) if folder.is_dir() else ():
            found.setdefault(mo.relative_to(folder).as_posix(), mo)
    return found


def catalogued_languages(domain: str = KIT_DOMAIN, own: Path = KIT_LOCALE) -> tuple[str, ...]:
    """English and every language with a ``domain`` catalogue."""
    return tuple(sorted({SOURCE_LANGUAGE, *(name.split("/")[0] for name in catalogue_files(domain, own))}))


class Message:
    """A message written in English; ``message[lang]`` is its wording in ``lang`` (the English where there is none).

    ``context`` tells apart two messages with the same English but different meanings (gettext's msgctxt).
    """

    __slots__ = ("msgid", "context", "domain", "own")

    def __init__(self, msgid: str, context: str | None, domain: str, own: Path) -> None:
        self.msgid, self.context, self.domain, self.own = msgid, context, domain, own

    def __getitem__(self, lang: str) -> str:
        catalogue = translations(self.domain, self.own, lang)
        return catalogue.pgettext(self.context, self.msgid) if self.context else catalogue.gettext(self.msgid)

    def format(self, lang: str, **values: Any) -> str:
        return self[lang].format(**values)

    def __repr__(self) -> str:
        return f"Message({self.msgid!r}, context={self.context!r}, domain={self.domain!r})"


def markers(domain: str, own: Path):
    """``N_("English")`` and ``C_("context", "English")``: the marks Babel extracts, making :class:`Message` s."""

    def plain(msgid: str) -> Message:
        return Message(msgid, None, domain, own)

    def with_context(context: str, msgid: str) -> Message:
        return Message(msgid, context, domain, own)

    return plain, with_context


def resolve_lang(lang: str) -> Lang:
    """``"zh"``, ``"zh-CN"``, ``"zh_Hans"`` → ``"zh"``; ``"en-GB"`` → ``"en"``; a language with no kit catalogue
    is a ValueError."""
    head = str(lang).strip().lower().replace("_", "-").split("-")[0]
    head = _ALIASES.get(head, head)
    known = catalogued_languages()
    if head not in known:
        msg = f"Unknown language {lang!r}: expected one of {', '.join(known)}"
        raise ValueError(msg)
    return head


def pick(text: BiText | None, lang: str) -> str:
    """The ``lang`` version of a multilingual text, falling back to English, then to any language it has."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    wanted = resolve_lang(lang)
    for key in (wanted, SOURCE_LANGUAGE, *text):
        value = _lookup(text, key)
        if value:
            return value
    return ""


def check_bitext(text: object, where: str) -> None:
    """Raise ValueError naming ``where`` unless ``text`` is a string or a mapping of known languages to strings."""
    if isinstance(text, str):
        return
    known = catalogued_languages()
    if isinstance(text, Mapping) and any(isinstance(text.get(k), str) for k in known):
        unknown = sorted(set(text) - set(known))
        if not unknown:
            return
        msg = f"{where}: unsupported language key(s) {', '.join(map(repr, unknown))}; expected {' and '.join(known)}"
        raise ValueError(msg)
    msg = f"{where}: expected a string or a {{'zh': ..., 'en': ...}} mapping, got {type(text).__name__}"
    raise ValueError(msg)


def _lookup(text: Mapping[str, str], key: str) -> str:
    try:
        value = text[key]
    except (KeyError, AttributeError, TypeError):
        return ""
    return value if isinstance(value, str) else ""


N_, C_ = markers(KIT_DOMAIN, KIT_LOCALE)
#: Two sentences set side by side (Chinese: with no space between them). A format, since gettext reads an empty
#: translation as a missing one.
SIDE_BY_SIDE = C_("two sentences side by side", "{first} {second}")
#: Between the clauses or values of a sentence (Chinese: the full-width comma).
COMMA = C_("punctuation between clauses", ", ")


def side_by_side(lang: str, *sentences: str) -> str:
    """``sentences`` run on as one paragraph, in ``lang``'s way (``"A. B."``; ``"甲。乙。"``)."""
    found = [s for s in sentences if s]
    text = found[0] if found else ""
    for sentence in found[1:]:
        text = SIDE_BY_SIDE.format(lang, first=text, second=sentence)
    return text
