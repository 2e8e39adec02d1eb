"""Languages of the kit and bilingual text.

A bilingual text is either a plain string (the same in every language) or a mapping with ``"zh"`` and ``"en"``
keys, such as ``{"zh": "小车的速度是多少？", "en": "How fast is the cart?"}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, Union

Lang = Literal["zh", "en"]
LANGUAGES: tuple[Lang, ...] = ("zh", "en")
BiText = Union[str, Mapping[str, str]]

_ALIASES = {"zh": "zh", "cn": "zh", "chinese": "zh", "中文": "zh", "en": "en", "english": "en"}


def resolve_lang(lang: str) -> Lang:
    """``"zh"``, ``"zh-CN"``, ``"zh_Hans"`` → ``"zh"``; ``"en-GB"`` → ``"en"``; anything else is a ValueError."""
    head = str(lang).strip().lower().replace("_", "-").split("-")[0]
    found = _ALIASES.get(head)
    if found is None:
        msg = f"Unknown language {lang!r}: expected one of {', '.join(LANGUAGES)}"
        raise ValueError(msg)
    return found  # type: ignore[return-value]


def pick(text: BiText | None, lang: str) -> str:
    """The ``lang`` version of a bilingual text, falling back to the other language when one is missing."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    wanted = resolve_lang(lang)
    for key in (wanted, *LANGUAGES):
        value = _lookup(text, key)
        if value:
            return value
    return ""


def check_bitext(text: object, where: str) -> None:
    """Raise ValueError naming ``where`` unless ``text`` is a string or a mapping with a zh or en string."""
    if isinstance(text, str):
        return
    if isinstance(text, Mapping) and any(isinstance(text.get(k), str) for k in LANGUAGES):
        unknown = sorted(set(text) - set(LANGUAGES))
        if not unknown:
            return
        msg = f"{where}: unsupported language key(s) {', '.join(map(repr, unknown))}; expected zh and en"
        raise ValueError(msg)
    msg = f"{where}: expected a string or a {{'zh': ..., 'en': ...}} mapping, got {type(text).__name__}"
    raise ValueError(msg)


def _lookup(text: Mapping[str, str], key: str) -> str:
    try:
        value = text[key]
    except (KeyError, AttributeError, TypeError):
        return ""
    return value if isinstance(value, str) else ""
