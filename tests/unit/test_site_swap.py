"""The new site replaces the old one in one step; a build killed in between leaves a whole site."""

from __future__ import annotations

from pathlib import Path

from sciedu.site.build import _swap, recover


def _site(path: Path, text: str) -> Path:
    path.mkdir(parents=True)
    (path / "index.html").write_text(text, encoding="utf-8")
    return path


def test_swap_replaces_the_site_and_leaves_nothing_behind(tmp_path: Path) -> None:
    current = _site(tmp_path / "site", "old")
    new = _site(tmp_path / "staging" / "site", "new")
    _swap(new, current)
    assert (current / "index.html").read_text(encoding="utf-8") == "new"
    assert not new.exists() and not (tmp_path / "site.old").exists()


def test_swap_into_an_empty_build(tmp_path: Path) -> None:
    new = _site(tmp_path / "staging" / "site", "new")
    _swap(new, tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "new"


def test_recover_restores_a_site_left_as_site_old(tmp_path: Path) -> None:
    _site(tmp_path / "site.old", "previous")
    recover(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "previous"
    _site(tmp_path / "site.old", "stale")
    recover(tmp_path / "site")  # a site is there: the stale copy is not used
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "previous"
