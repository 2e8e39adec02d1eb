"""The project's languages (configuration) and sciedu's interface messages (gettext catalogues).

A project lists its languages in ``mkdocs.yml``, in order, each with its own name for itself::

    extra:
      languages:
        zh: 中文
        en: English

The first language's site sits at the root, the others in a folder named by their code. Without the key the
languages are Chinese and English. Adding a language takes a line here, its catalogues (``sciedu catalogue init``
writes them) and the activities' texts in it: no code.

Interface messages are written in English in the code, marked ``N_("...")`` or ``C_("context", "...")``, and read
as ``message[lang]`` (see :mod:`sciedu.kit.lang`). The package's catalogues are ``sciedu/locale`` (domain
``sciedu``) and ``sciedu/kit/locale`` (domain ``kit``, copied into class packs); a project's own catalogues,
``locale/<lang>/LC_MESSAGES/<domain>.po``, are compiled by the build and take precedence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sciedu.errors import UsageError
from sciedu.kit.lang import Message, markers, side_by_side

DOMAIN = "sciedu"
LOCALE = Path(__file__).resolve().parent / "locale"
N_, C_ = markers(DOMAIN, LOCALE)

DEFAULT_LANGUAGES: dict[str, str] = {"zh": "中文", "en": "English"}
_active: dict[str, str] = dict(DEFAULT_LANGUAGES)

#: Between a label and its value (Chinese: the full-width colon, no space after it).
COLON = C_("punctuation between a label and its value", ": ")
#: Between the items of an inline list (Chinese: the enumeration comma 、).
LIST_SEPARATOR = C_("punctuation between the items of an inline list", ", ")
#: Between the clauses or values of a sentence (Chinese: the full-width comma).
COMMA = C_("punctuation between clauses", ", ")
#: A remark in brackets after a word (Chinese: full-width brackets, no space before them).
ASIDE = C_("a remark in brackets after a word", " ({text})")


def languages() -> tuple[str, ...]:
    """The active project's language codes, in order; the first is the site's default."""
    return tuple(_active)


def default_language() -> str:
    return next(iter(_active))


def language_name(lang: str) -> str:
    """A language's name for itself (``中文``, ``English``), as the language switch shows it."""
    return _active.get(lang, lang)


def activate(configured: dict[str, str]) -> None:
    """Make ``configured`` (code → own name) the active set of languages."""
    _active.clear()
    _active.update(configured)


def join_and(items: list[str] | tuple[str, ...]) -> str:
    """``zh and en``; ``zh, en and ko``: for messages that list the languages."""
    items = list(items)
    return " and ".join(items) if len(items) < 3 else f"{', '.join(items[:-1])} and {items[-1]}"


class LanguageConfigError(UsageError):
    """``extra.languages`` of mkdocs.yml is malformed; the message names the key, what was expected and found."""


def configured_languages(mkdocs_yml: Path) -> dict[str, str]:
    """The ``extra.languages`` mapping of ``mkdocs_yml`` (code → own name), or the default pair."""
    try:
        settings = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_IgnoreTags) or {}
    except (OSError, yaml.YAMLError):
        return dict(DEFAULT_LANGUAGES)  # the build's own reading of mkdocs.yml reports these
    extra = settings.get("extra") if isinstance(settings, dict) else None
    value: Any = extra.get("languages") if isinstance(extra, dict) else None
    if value is None:
        return dict(DEFAULT_LANGUAGES)
    where = f"{mkdocs_yml}: extra.languages"
    if not isinstance(value, dict) or not value:
        msg = f"{where}: expected a mapping of language codes to their names, such as {{zh: 中文, en: English}}; found {value!r}"
        raise LanguageConfigError(msg)
    for code, name in value.items():
        check_code(code, where=f"{where}.{code}")
        if not isinstance(name, str) or not name.strip():
            msg = f"{where}.{code}: expected the language's name for itself, such as 中文; found {name!r}"
            raise LanguageConfigError(msg)
    return {code: name.strip() for code, name in value.items()}


def check_code(code: object, *, where: str) -> str:
    """``code`` if it is a two- or three-letter ISO 639 code; LanguageConfigError naming ``where`` otherwise."""
    if not (isinstance(code, str) and code.isascii() and code.isalpha() and code.islower() and 2 <= len(code) <= 3):
        msg = f"{where}: expected a two- or three-letter lower-case language code (ISO 639), such as zh, en or ug; found {code!r}"
        raise LanguageConfigError(msg)
    return code


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold ``!ENV`` and ``!!python/name:`` tags; the languages never need them."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)

__all__ = ["ASIDE", "COLON", "COMMA", "C_", "LIST_SEPARATOR", "Message", "N_", "activate", "default_language", "join_and",
           "language_name", "languages", "side_by_side"]
