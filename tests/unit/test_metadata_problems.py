"""Schema validation reports every problem of an activity.yaml in one pass, each at its own line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sciedu import metadata, yamlfile

LIBRARY_YAML = Path(__file__).parents[1] / "data" / "library" / "physics" / "tiny-speed" / "activity.yaml"


def _validate(tmp_path: Path, *edits: tuple[str, str]) -> tuple[list, list[str]]:
    text = LIBRARY_YAML.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "activity.yaml"
    path.write_text(text, encoding="utf-8")
    meta, findings = metadata.validate(yamlfile.load(path))
    assert meta is None
    return findings, text.splitlines()


def test_unknown_key_wrong_type_and_bad_standard_code_all_reported(tmp_path: Path) -> None:
    findings, lines = _validate(tmp_path, ("duration: 20", "duration: '20 min'"), ("authors:", "author: x\nauthors:"),
                                ("- cn-compulsory-science-2022:3", "- cn-compulsory-science-2022 3"))
    assert [(f.rule, lines[f.line - 1].split(":")[0].strip()) for f in findings] == [
        ("metadata-invalid", "duration"),
        ("metadata-invalid", "- cn-compulsory-science-2022 3"),
        ("metadata-unknown-key", "author"),
    ]
    assert findings[1].message.startswith("standards[0]: expected 'framework:code'")
    assert findings == sorted(findings)


def test_problems_inside_one_record_are_all_reported(tmp_path: Path) -> None:
    findings, lines = _validate(tmp_path, ("  reviewer: sciedu tests\n", "  reviewr: sciedu tests\n"),
                                ('  date: "2026-11-29"', '  date: "2026-02-30"'),
                                ("      url: https://www.bipm.org/en/publications/si-brochure", "      url: bipm.org"))
    found = {(f.rule, f.message.split(":")[0]): lines[f.line - 1].strip() for f in findings}
    assert found == {
        ("metadata-unknown-key", "review"): "reviewr: sciedu tests",
        ("metadata-missing-key", "review"): "review:",
        ("metadata-invalid", "review.date"): 'date: "2026-02-30"',
        ("metadata-invalid", "review.sources[0].url"): "url: bipm.org",
    }
    unknown = next(f for f in findings if f.rule == "metadata-unknown-key")
    assert "did you mean 'reviewer'" in unknown.message


def test_problems_in_several_list_entries_and_both_languages(tmp_path: Path) -> None:
    findings, lines = _validate(tmp_path, ("      zh: 用时越长速度越快。\n      en: A longer time means a higher speed.\n",
                                           "      zh: ''\n      fr: plus long\n"),
                                ("    minutes: 10", "    minutes: ten"), ("    minutes: 5\n    what: {zh: \"解释", "    minutes: 0\n    what: {zh: \"解释"))
    messages = [f.message for f in findings]
    assert "misconceptions[0].misconception.fr: unknown language 'fr'; expected zh and en" in messages
    assert "misconceptions[0].misconception: missing the 'en' text" in messages
    assert "misconceptions[0].misconception.zh: expected a non-empty string, found ''" in messages
    assert any(m.startswith("phases[1].minutes: expected a whole number") for m in messages)
    assert any(m.startswith("phases[2].minutes: expected a whole number") for m in messages)
    assert len(findings) == 5


def test_invalid_keeps_the_first_problem_for_single_problem_callers() -> None:
    validate = metadata.record({"a": (True, metadata.text), "b": (True, metadata.positive_int)}, dict)
    with pytest.raises(metadata.Invalid) as caught:
        validate({"a": "", "b": -1, "c": 1})
    assert [(p.key_path, p.rule) for p in caught.value.problems] == [(("c",), "metadata-unknown-key"), (("a",), "metadata-invalid"),
                                                                    (("b",), "metadata-invalid")]
    assert caught.value.message == "unknown key 'c'" and caught.value.key_path == ("c",)
