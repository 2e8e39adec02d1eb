"""Message catalogues with Babel: extract the marked messages, keep each language's ``.po`` up to date, compile ``.mo``.

Two domains ship with sciedu: ``sciedu`` (pages, guides, reports; ``sciedu/locale``) and ``kit`` (what notebooks
show students; ``sciedu/kit/locale``, copied into class packs). The ``.po`` files are what translators edit; the
``.mo`` files beside them are compiled from them and are what :mod:`sciedu.kit.lang` reads at run time.

A project may bring catalogues of its own, ``locale/<lang>/LC_MESSAGES/<domain>.po`` (a language sciedu does not
ship, or its own wording): the build compiles them into ``build/locale``, where they take precedence.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from sciedu import __version__
from sciedu.kit.lang import LOCALE_PATH_ENV

PACKAGE = Path(__file__).resolve().parent
KEYWORDS = {"N_": None, "C_": ((1, "c"), 2)}
#: Fixed, so that extracting twice writes the same bytes (no date churn in git).
TEMPLATE_DATE = dt.datetime(2026, 11, 30, tzinfo=dt.timezone.utc)
PO_WIDTH = 120
HEADER = ("# sciedu's interface messages, domain {domain}: English in the code, the wording of one language here.\n"
          "# Edit the msgstr lines; `python3 tasks.py catalogues` merges new messages in and compiles the .mo file.\n"
          "# Distributed under the same licence as sciedu (MIT).\n#")
BUGS = "the sciedu issue tracker"
TEAM = "sciedu contributors"
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


@dataclass(frozen=True)
class Domain:
    name: str
    sources: Path
    locale: Path
    exclude: tuple[str, ...] = ()

    def po(self, lang: str, locale: Path | None = None) -> Path:
        return (locale or self.locale) / lang / "LC_MESSAGES" / f"{self.name}.po"


DOMAINS = {
    "sciedu": Domain("sciedu", PACKAGE, PACKAGE / "locale", exclude=("kit",)),
    "kit": Domain("kit", PACKAGE / "kit", PACKAGE / "kit" / "locale"),
}


def template(domain: Domain) -> Catalog:
    """Every message marked ``N_``/``C_`` in the domain's source files, with where it is used."""
    catalog = Catalog(project="sciedu", version=__version__, domain=domain.name, charset="utf-8", fuzzy=False,
                      header_comment=HEADER.format(domain=domain.name), copyright_holder="sciedu contributors",
                      msgid_bugs_address=BUGS, last_translator="sciedu contributors", language_team=TEAM,
                      creation_date=TEMPLATE_DATE, revision_date=TEMPLATE_DATE)

    for filename, lineno, message, comments, context in extract_from_dir(
            domain.sources, keywords=KEYWORDS, directory_filter=lambda d: _keep_dir(domain, d)):
        del comments
        catalog.add(message, None, [(f"{domain.sources.name}/{filename}", lineno)], context=context)
    return catalog


def _keep_dir(domain: Domain, directory: str) -> bool:
    relative = Path(directory).resolve().relative_to(domain.sources)
    return not (relative.parts[:1] and (relative.parts[0] in domain.exclude or relative.parts[0].startswith((".", "__"))))


def read(po: Path) -> Catalog:
    with po.open("rb") as handle:
        return read_po(handle, locale=po.parent.parent.name, domain=po.stem)


def write(catalog: Catalog, po: Path) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=PO_WIDTH, sort_output=True, ignore_obsolete=True, include_lineno=False)
    po.parent.mkdir(parents=True, exist_ok=True)
    if not po.is_file() or po.read_bytes() != buffer.getvalue():
        po.write_bytes(buffer.getvalue())


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_po(po: Path, mo: Path | None = None) -> Path:
    """Write ``po``'s ``.mo`` (beside it unless ``mo`` is given), only when its bytes change."""
    mo = mo or po.with_suffix(".mo")
    data = compiled(read(po))
    if not mo.is_file() or mo.read_bytes() != data:
        mo.parent.mkdir(parents=True, exist_ok=True)
        mo.write_bytes(data)
    return mo


def update(domain: Domain, locale: Path | None = None, fresh: Catalog | None = None) -> list[Path]:
    """Merge the domain's current messages (``fresh``: its template, extracted unless given) into each language's
    ``.po`` under ``locale`` (default: the package's), new ones untranslated and gone ones dropped, and compile
    the ``.mo`` files. Returns the ``.po`` files."""
    fresh = fresh or template(domain)
    written = []
    for po in sorted((locale or domain.locale).glob(f"*/LC_MESSAGES/{domain.name}.po")):
        catalog = read(po)
        catalog.update(fresh, no_fuzzy_matching=True, update_creation_date=False)
        write(catalog, po)
        if locale is None:  # a project's .mo files are compiled by its build, into build/locale
            compile_po(po)
        written.append(po)
    return written


def progress(po: Path, fresh: Catalog) -> tuple[int, int]:
    """(translated, total) messages of one catalogue, counted against ``fresh``, its domain's template."""
    catalog = read(po)
    messages = [m for m in fresh if m.id]
    done = 0
    for message in messages:
        have = catalog.get(message.id, context=message.context)
        done += bool(have is not None and have.string and not have.fuzzy)
    return done, len(messages)


def init(lang: str, locale: Path) -> list[Path]:
    """Untranslated catalogues of every domain for ``lang`` under ``locale`` (a project's ``locale/`` folder);
    existing files are left alone."""
    written = []
    for domain in DOMAINS.values():
        po = domain.po(lang, locale)
        if po.exists():
            continue
        catalog = template(domain)
        catalog.locale = lang  # type: ignore[assignment]  # Babel parses the code
        write(catalog, po)
        written.append(po)
    return written


def problems(domain: Domain, po: Path) -> list[str]:
    """What is wrong with one language's catalogue: messages missing or untranslated, placeholders changed,
    messages the code no longer has, and a ``.mo`` that is not the compiled ``.po``."""
    where = str(po)
    catalog = read(po)
    fresh = template(domain)
    found = []
    for message in fresh:
        if not message.id:
            continue
        have = catalog.get(message.id, context=message.context)
        label = f"{message.id!r}" + (f" (context {message.context!r})" if message.context else "")
        if have is None:
            found.append(f"{where}: {label} is missing: run `python3 tasks.py catalogues`")
        elif not have.string or have.fuzzy:
            found.append(f"{where}:{have.lineno}: {label} is not translated")
        else:
            wanted, given = sorted(_PLACEHOLDER.findall(have.id)), sorted(_PLACEHOLDER.findall(have.string))
            if wanted != given:
                found.append(f"{where}:{have.lineno}: {label}: the translation's placeholders {sorted(set(given))} "
                             f"differ from the message's {sorted(set(wanted))}")
    for message in catalog:
        if message.id and fresh.get(message.id, context=message.context) is None:
            found.append(f"{where}:{message.lineno}: {message.id!r} is no longer in the code")
    mo = po.with_suffix(".mo")
    if not mo.is_file() or _entries(_read_mo(mo)) != _entries(catalog):
        found.append(f"{mo}: not compiled from {po.name}: run `python3 tasks.py catalogues`")
    return found


def _read_mo(mo: Path) -> Catalog:
    with mo.open("rb") as handle:
        return read_mo(handle)


def _entries(catalog: Catalog) -> set[tuple[str | None, str, str]]:
    """What a compiled catalogue holds, whatever Babel version wrote it: the translated, settled messages."""
    return {(m.context, m.id, m.string) for m in catalog if m.id and m.string and not m.fuzzy}


def compile_project(locale: Path, into: Path) -> Path | None:
    """Compile a project's ``locale/**/*.po`` into ``into`` and put ``into`` first on the catalogue path of this
    process and of the kernels it starts. None when the project has no catalogues."""
    sources = sorted(locale.glob("*/LC_MESSAGES/*.po")) if locale.is_dir() else []
    if not sources:
        return None
    for po in sources:
        compile_po(po, into / po.relative_to(locale).with_suffix(".mo"))
    current = [p for p in os.environ.get(LOCALE_PATH_ENV, "").split(os.pathsep) if p and p != str(into)]
    os.environ[LOCALE_PATH_ENV] = os.pathsep.join([str(into), *current])
    return into
