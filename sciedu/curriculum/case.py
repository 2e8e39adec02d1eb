"""Export a framework as a CASE 1.1 package (1EdTech Competencies and Academic Standards Exchange),
and read one back. Identifiers are UUID v5 of the item id, so every export gives the same UUIDs."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sciedu.curriculum.model import BAND_GRADES, Curriculum, Framework, Item

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/sciedu/sciedu/curriculum")
CASE_LEVELS = {band: list(grades) for band, grades in BAND_GRADES.items()}


def identifier(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, name))


def _uri(ident: str) -> str:
    return f"urn:uuid:{ident}"


def _link(title: str, ident: str) -> dict[str, str]:
    return {"title": title, "identifier": ident, "uri": _uri(ident)}


def export(curriculum: Curriculum, framework_id: str) -> dict[str, Any]:
    framework = curriculum.frameworks[framework_id]
    changed = f"{framework.year}-01-01T00:00:00+00:00"
    doc_id = identifier(framework.id)
    doc_link = _link(framework.title.en, doc_id)
    items = [_item(item, framework, doc_link, changed) for item in framework.items.values()]
    associations = []
    for item in framework.items.values():
        destination = framework.items.get(item.parent) if item.parent else None
        target = (destination.id, destination.code) if destination else (framework.id, framework.title.en)
        associations.append(_association("isChildOf", item.id, item.code, target[0], target[1], doc_link, changed))
        for link in item.links:
            associations.append(_association("isRelatedTo", item.id, item.code, link, link, doc_link, changed))
    for a in curriculum.associations:
        if a.origin.startswith(framework.id + ":") or a.destination.startswith(framework.id + ":"):
            associations.append(_association(a.type, a.origin, a.origin, a.destination, a.destination, doc_link, changed))
    document = {
        "identifier": doc_id, "uri": _uri(doc_id), "creator": "sciedu", "title": framework.title.en,
        "lastChangeDateTime": changed, "officialSourceURL": framework.source, "publisher": framework.publisher,
        "language": framework.language, "version": str(framework.year), "adoptionStatus": "Adopted",
        "notes": framework.rights, "frameworkType": "sciedu:" + framework.id,
        "CFPackageURI": _link(framework.title.en, identifier(framework.id + "#package")),
    }
    return {"CFDocument": document, "CFItems": items, "CFAssociations": associations}


def _item(item: Item, framework: Framework, doc_link: dict[str, str], changed: str) -> dict[str, Any]:
    ident = identifier(item.id)
    full = item.statement.get(framework.language) or item.statement_in("en")
    out: dict[str, Any] = {
        "identifier": ident, "uri": _uri(ident), "fullStatement": full, "abbreviatedStatement": item.name[framework.language],
        "humanCodingScheme": item.code, "CFItemType": item.type, "language": framework.language,
        "educationLevel": list(item.grades) or CASE_LEVELS.get(item.band, []), "lastChangeDateTime": changed,
        "CFDocumentURI": doc_link,
        "alternativeLabel": item.name.en if framework.language != "en" else item.name.zh,
    }
    return out


def _association(kind: str, origin_id: str, origin_title: str, dest_id: str, dest_title: str,
                 doc_link: dict[str, str], changed: str) -> dict[str, Any]:
    ident = identifier(f"{kind}|{origin_id}|{dest_id}")
    return {
        "identifier": ident, "uri": _uri(ident), "associationType": kind, "lastChangeDateTime": changed,
        "originNodeURI": _link(origin_title, identifier(origin_id)),
        "destinationNodeURI": _link(dest_title, identifier(dest_id)),
        "CFDocumentURI": doc_link,
    }


def dumps(package: dict[str, Any]) -> str:
    return json.dumps(package, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def read_items(package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Items of a CASE package by ``humanCodingScheme``, with their parent codes resolved from isChildOf."""
    by_id = {i["identifier"]: i for i in package["CFItems"]}
    out = {i["humanCodingScheme"]: {"statement": i["fullStatement"], "type": i["CFItemType"], "parent": None} for i in package["CFItems"]}
    for a in package["CFAssociations"]:
        if a["associationType"] == "isChildOf":
            child = by_id.get(a["originNodeURI"]["identifier"])
            parent = by_id.get(a["destinationNodeURI"]["identifier"])
            if child and parent:
                out[child["humanCodingScheme"]]["parent"] = parent["humanCodingScheme"]
    return out
