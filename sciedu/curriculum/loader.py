"""Read ``curriculum/``: one folder per framework (``framework.yaml`` + ``items*.yaml``) and
``crosswalks/*.yaml``. Every problem is a finding naming the file, the line and the key; references
(parents, links, crosswalk ends) are resolved after everything is read, so their order does not matter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sciedu import yamlfile
from sciedu.curriculum import prerequisites
from sciedu.curriculum.model import ALL_BANDS, Association, Curriculum, Framework, Item, OfficialCodes
from sciedu.errors import Finding, did_you_mean, error, warning
from sciedu.metadata import CURRICULUM_LANGUAGES, Invalid, curriculum_text, choice, iso_date, list_of, positive_int, record, regex, slug, text, url
from sciedu.model import GRADE_BANDS

ITEM_TYPES = (
    "field", "core-concept", "learning-content", "learning-requirement", "competency", "cross-cutting-concept",
    "module", "topic", "performance-expectation", "disciplinary-core-idea", "dci-component", "practice",
    "crosscutting-concept", "benchmark", "outcome",
)
PROVENANCE = ("official", "translation", "paraphrase")
ASSOCIATION_TYPES = ("exactMatchOf", "isRelatedTo", "isPartOf", "precedes", "isPeerOf")
CROSSWALKS = "crosswalks"


def partial_bilingual(value: Any) -> dict[str, str]:
    """Text in at least one of the languages."""
    if not isinstance(value, dict) or not value:
        raise Invalid(f"expected {{zh: ..., en: ...}} (at least one language), found {value!r:.60}")
    out = {}
    for lang, entry in value.items():
        if lang not in CURRICULUM_LANGUAGES:
            raise Invalid(f"unknown language {lang!r}{did_you_mean(str(lang), set(CURRICULUM_LANGUAGES))}", (lang,))
        try:
            out[lang] = text(entry)
        except Invalid as exc:
            raise Invalid(exc.message, (lang,)) from None
    return out


def provenance(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        return {lang: choice(PROVENANCE)(value) for lang in CURRICULUM_LANGUAGES}
    if isinstance(value, dict):
        return {lang: choice(PROVENANCE)(v) for lang, v in partial_bilingual(value).items()}
    raise Invalid(f"expected one of {', '.join(PROVENANCE)} or {{zh: ..., en: ...}} of them, found {value!r:.60}")


def item_id(value: Any) -> str:
    if not isinstance(value, str) or ":" not in value:
        raise Invalid(f"expected 'framework:code', found {value!r:.60}")
    return value


def code(value: Any) -> str:
    # YAML reads 3.10 as the number 3.1: codes must be quoted strings so nothing is lost.
    if not isinstance(value, str):
        raise Invalid(f"expected a quoted string such as '3.1', found the {type(value).__name__} {value!r}")
    return text(value)


def copy_checked(value: Any) -> dict[str, str]:
    """One independent copy of the official text that an item's wording was checked against."""
    return record({"title": (True, text), "url": (True, url), "note": (False, text)}, lambda **kw: kw)(value)


ITEM = record({
    "code": (True, code),
    "parent": (False, code),
    "type": (True, choice(ITEM_TYPES)),
    "name": (True, curriculum_text),
    "statement": (False, partial_bilingual),
    "provenance": (False, provenance),
    "band": (True, choice((*GRADE_BANDS, ALL_BANDS))),
    "grades": (False, list_of(lambda v: text(str(v)))),
    "links": (False, list_of(item_id)),
    "source": (False, text),
    # Independent copies the wording was checked against: two = confirmed, one = single-copy (shown marked).
    "checked_against": (False, list_of(copy_checked, allow_empty=False)),
    # Mathematics/reading the item presupposes: ids from curriculum/prerequisites.yaml.
    "prerequisites": (False, list_of(slug)),
}, lambda **kw: kw)


def _official_codes(**fields: Any) -> OfficialCodes:
    if "pattern" not in fields and "codes" not in fields:
        raise Invalid("give pattern: (a regular expression of the official code form) or codes: (a list), or both")
    return OfficialCodes(pattern=fields.get("pattern"), codes=tuple(fields.get("codes", ())), note=fields.get("note", {}))


#: The official code space: an unknown code it describes is "valid in the standard but not in our data yet".
OFFICIAL_CODES = record({
    "pattern": (False, regex),
    "codes": (False, list_of(code, allow_empty=False)),
    "note": (False, partial_bilingual),
}, _official_codes)


def _bands(value: Any) -> tuple[str, ...]:
    bands = list_of(choice(GRADE_BANDS), allow_empty=False)(value)
    if list(bands) != sorted(set(bands), key=GRADE_BANDS.index):
        raise Invalid(f"expected distinct bands in the order {', '.join(GRADE_BANDS)}, found {', '.join(bands)}")
    return bands


FRAMEWORK = record({
    "id": (True, slug),
    "title": (True, curriculum_text),
    "publisher": (True, text),
    "year": (True, positive_int),
    "source": (True, url),
    "rights": (True, text),
    "language": (True, choice(CURRICULUM_LANGUAGES)),
    "notes": (False, partial_bilingual),
    "coverage_rows": (False, choice(ITEM_TYPES)),
    "bands": (False, _bands),
    "official_codes": (False, OFFICIAL_CODES),
    "last_changed": (False, iso_date),
}, lambda **kw: kw)

ASSOCIATION = record({
    "origin": (True, item_id),
    "type": (True, choice(ASSOCIATION_TYPES)),
    "destination": (True, item_id),
    "note": (False, curriculum_text),
}, lambda **kw: kw)

CROSSWALK = record({
    "title": (True, curriculum_text),
    "description": (False, curriculum_text),
    "associations": (True, list_of(lambda v: v, allow_empty=False)),
}, lambda **kw: kw)


def _where(key_path: tuple) -> str:
    return "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in key_path).lstrip(".")


def _invalid(located: yamlfile.LocatedYAML, prefix: tuple, exc: Invalid, rule: str) -> Finding:
    key_path = (*prefix, *exc.key_path)
    return error(located.path, located.line_of(key_path), rule, f"{_where(key_path)}: {exc.message}")


def _read(path: Path, findings: list[Finding]) -> yamlfile.LocatedYAML | None:
    try:
        return yamlfile.load(path)
    except yamlfile.YAMLSyntaxError as exc:
        findings.append(exc.finding)
        return None


def load(folder: Path) -> tuple[Curriculum, list[Finding]]:
    curriculum = Curriculum()
    findings: list[Finding] = []
    if not folder.is_dir():
        return curriculum, findings
    curriculum.vocabulary, findings = prerequisites.load(folder)
    for framework_dir in sorted(p for p in folder.iterdir() if p.is_dir() and p.name != CROSSWALKS):
        framework = _load_framework(framework_dir, findings)
        if framework is not None:
            curriculum.frameworks[framework.id] = framework
    for path in sorted((folder / CROSSWALKS).glob("*.yaml")):
        curriculum.associations += _load_crosswalk(path, findings)
    findings += _dangling(curriculum)
    return curriculum, findings


def _load_framework(folder: Path, findings: list[Finding]) -> Framework | None:
    path = folder / "framework.yaml"
    if not path.is_file():
        findings.append(error(folder, 1, "framework-missing", "a framework folder needs a framework.yaml"))
        return None
    located = _read(path, findings)
    if located is None:
        return None
    try:
        data = FRAMEWORK(located.data)
    except Invalid as exc:
        findings.append(_invalid(located, (), exc, "framework-invalid"))
        return None
    if data["id"] != folder.name:
        findings.append(error(path, located.line_of(("id",)), "framework-id-mismatch", f"id is {data['id']!r} but the folder is {folder.name!r}"))
    framework = Framework(
        id=folder.name, title=data["title"], publisher=data["publisher"], year=data["year"], source=data["source"],
        rights=data["rights"], language=data["language"], notes=data.get("notes", {}), path=path,
        coverage_rows=data.get("coverage_rows"), official_codes=data.get("official_codes"), bands=data.get("bands", ()),
    )
    for items_path in sorted(folder.glob("items*.yaml")):
        _load_items(framework, items_path, findings)
    if framework.official_codes is not None:
        held = [c for c in framework.official_codes.codes if c in framework.items]
        if held:
            findings.append(warning(path, located.line_of(("official_codes", "codes")), "official-codes-stale",
                                    f"official_codes.codes lists {', '.join(repr(c) for c in held)} as missing from our data, "
                                    "but the items hold them now: remove them from the list"))
    return framework


def _load_items(framework: Framework, path: Path, findings: list[Finding]) -> None:
    located = _read(path, findings)
    if located is None:
        return
    data = located.data
    if not isinstance(data, dict) or set(data) != {"items"} or not isinstance(data["items"], list):
        findings.append(error(path, 1, "items-invalid", "expected a mapping with one key, 'items', holding a list"))
        return
    for index, raw in enumerate(data["items"]):
        try:
            fields = ITEM(raw)
        except Invalid as exc:
            findings.append(_invalid(located, ("items", index), exc, "item-invalid"))
            continue
        item_code = fields["code"]
        line = located.line_of(("items", index))
        if item_code in framework.items:
            first = framework.items[item_code]
            findings.append(error(path, line, "item-duplicate", f"code {item_code!r} is already used at {first.path.name}:{first.line}"))
            continue
        framework.items[item_code] = Item(
            framework=framework.id, code=item_code, type=fields["type"], name=fields["name"],
            statement=fields.get("statement", {}), provenance=fields.get("provenance", {}), band=fields["band"],
            parent=fields.get("parent"), grades=tuple(fields.get("grades", ())), links=tuple(fields.get("links", ())),
            source=fields.get("source", ""), path=path, line=line,
            checked_against=tuple(fields.get("checked_against", ())),
            prerequisites=tuple(fields.get("prerequisites", ())),
        )


def _load_crosswalk(path: Path, findings: list[Finding]) -> list[Association]:
    located = _read(path, findings)
    if located is None:
        return []
    try:
        data = CROSSWALK(located.data)
    except Invalid as exc:
        findings.append(_invalid(located, (), exc, "crosswalk-invalid"))
        return []
    out = []
    for index, raw in enumerate(data["associations"]):
        try:
            fields = ASSOCIATION(raw)
        except Invalid as exc:
            findings.append(_invalid(located, ("associations", index), exc, "crosswalk-invalid"))
            continue
        ends = (located.line_of(("associations", index, "origin")), located.line_of(("associations", index, "destination")))
        out.append(Association(fields["origin"], fields["type"], fields["destination"], fields.get("note"),
                               path, located.line_of(("associations", index)), ends))
    return out


def _dangling(curriculum: Curriculum) -> list[Finding]:
    findings = []
    for framework in curriculum.frameworks.values():
        for item in framework.items.values():
            if item.parent is not None and item.parent not in framework.items:
                hint = did_you_mean(item.parent, set(framework.items))
                findings.append(error(item.path, item.line, "item-parent-unknown", f"{item.id}: parent {item.parent!r} is not an item of {framework.id}{hint}"))
            for link in item.links:
                if curriculum.item(link) is None:
                    findings.append(error(item.path, item.line, "item-link-unknown", f"{item.id}: link {link!r} does not resolve{_suggest(curriculum, link)}"))
            known = curriculum.vocabulary.prerequisites
            for prerequisite in item.prerequisites:
                if prerequisite not in known:
                    where = curriculum.vocabulary.path or "curriculum/prerequisites.yaml"
                    findings.append(error(item.path, item.line, "item-prerequisite-unknown",
                                          f"{item.id}: prerequisite {prerequisite!r} is not defined in {Path(where).name}{did_you_mean(prerequisite, set(known))}"))
    for association in curriculum.associations:
        for end, line in zip((association.origin, association.destination), association.end_lines, strict=True):
            if curriculum.item(end) is None:
                findings.append(error(association.path, line, "crosswalk-unknown-item", f"{end!r} does not resolve{_suggest(curriculum, end)}"))
    return findings


def _suggest(curriculum: Curriculum, item_id: str) -> str:
    framework, _, code = item_id.partition(":")
    if framework not in curriculum.frameworks:
        return f": unknown framework {framework!r}{did_you_mean(framework, set(curriculum.frameworks))}"
    return did_you_mean(code, set(curriculum.frameworks[framework].items))
