"""Unicode clean-up shared by the unit and expression readers.

Students type on phones, with Chinese input methods and from copied textbook text, so the same answer arrives
as ``9.8 m/s^2``, ``９．８ m/s²`` or ``9.8 m·s⁻²``. :func:`normalize` turns all of them into plain ASCII
operators: superscripts become ``**(n)``, full-width characters become ASCII (Unicode NFKC) and the
multiplication, division and minus signs become ``*``, ``/`` and ``-``.
"""

from __future__ import annotations

import re
import unicodedata

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPTS = str.maketrans(_SUPERSCRIPT_DIGITS + "⁻⁺", "0123456789-+")
_SUPERSCRIPT_RUN = re.compile(f"[⁻⁺]*[{_SUPERSCRIPT_DIGITS}]+")

# After NFKC. Several signs look alike; all of them are what a student means by the ASCII one.
_OPERATORS = str.maketrans({
    "×": "*", "✕": "*", "⨯": "*", "·": "*", "⋅": "*", "•": "*", "∙": "*", "∗": "*",
    "÷": "/", "∕": "/", "⁄": "/",
    "−": "-", "–": "-", "—": "-", "‐": "-", "‑": "-",
})


def normalize(text: str) -> str:
    """ASCII operators and digits for ``text``; letters (Chinese unit names, Greek symbols) are kept."""
    text = _SUPERSCRIPT_RUN.sub(_power, text)
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")  # zero-width spaces, BOM
    text = text.translate(_OPERATORS).replace("^", "**")
    return " ".join(text.split())


def _power(match: re.Match[str]) -> str:
    return f"**({match.group().translate(_SUPERSCRIPTS)})"
