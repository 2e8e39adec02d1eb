from pathlib import Path

import yaml

from sciedu import metadata, yamlfile

LIBRARY_YAML = Path(__file__).parents[1] / "data" / "library" / "physics" / "tiny-speed" / "activity.yaml"


def _validate(tmp_path: Path, data: dict) -> tuple:
    path = tmp_path / "activity.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return metadata.validate(yamlfile.load(path))


def _base() -> dict:
    return yaml.safe_load(LIBRARY_YAML.read_text(encoding="utf-8"))


def test_valid_metadata_becomes_a_record(tmp_path: Path) -> None:
    meta, findings = _validate(tmp_path, _base())
    assert findings == []
    assert meta.id == "tiny-speed"
    assert meta.title.zh == "小车的速度"
    assert meta.duration == 20
    assert meta.timeout == 60
    assert meta.standards == ("cn-compulsory-science-2022:3",)


def test_unknown_key_suggests_the_known_one(tmp_path: Path) -> None:
    data = _base()
    data["durration"] = 30
    _, findings = _validate(tmp_path, data)
    unknown = [f for f in findings if f.rule == "metadata-unknown-key"]
    assert len(unknown) == 1
    assert "'durration'" in unknown[0].message and "did you mean 'duration'" in unknown[0].message
    lines = (tmp_path / "activity.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[unknown[0].line - 1].startswith("durration:")


def test_wrong_values_name_the_key_path_and_what_was_found(tmp_path: Path) -> None:
    data = _base()
    data["grade_band"] = "5-7"
    data["title"] = {"zh": "标题", "fr": "Titre"}
    data["misconceptions"][0]["addressed_by"] = {"zh": "x"}
    data["duration"] = 0
    _, findings = _validate(tmp_path, data)
    messages = {f.message.split(":")[0]: f for f in findings}
    assert "expected one of 1-2, 3-4, 5-6" in messages["grade_band"].message
    assert "'5-7'" in messages["grade_band"].message
    assert "unknown language 'fr'" in messages["title.fr"].message
    assert "missing the 'en' text" in messages["misconceptions[0].addressed_by"].message
    assert "greater than 0, found 0" in messages["duration"].message
    assert all(f.line > 1 for f in findings)


def test_missing_required_key_and_bad_standard_code(tmp_path: Path) -> None:
    data = _base()
    del data["licence"]
    data["standards"] = ["MS-PS3-1"]
    _, findings = _validate(tmp_path, data)
    rules = sorted(f.rule for f in findings)
    assert rules == ["metadata-invalid", "metadata-missing-key"]
    assert any("framework:code" in f.message for f in findings)


def test_empty_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "activity.yaml"
    path.write_text("", encoding="utf-8")
    meta, findings = metadata.validate(yamlfile.load(path))
    assert meta is None
    assert "found an empty file" in findings[0].message
