"""One copy of the assets for both languages: links rewritten only where they led into the language's copy."""

from __future__ import annotations

from pathlib import Path

from sciedu.site.shared_assets import share


def _site(tmp_path: Path, en_css: str = "body{}") -> Path:
    site = tmp_path / "site"
    for root, css in ((site, "body{}"), (site / "en", en_css)):
        (root / "assets" / "stylesheets").mkdir(parents=True)
        (root / "assets" / "stylesheets" / "main.css").write_text(css, encoding="utf-8")
        (root / "assets" / "sciedu.js").write_text("1", encoding="utf-8")
    page = site / "en" / "activities" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<link href="../../assets/stylesheets/main.css?v=1"><script src="../../assets/sciedu.js"></script>'
                    '<a href="../../../assets/other.html">root</a><img src="figures/assets/a.svg">'
                    '<a href="https://example.org/assets/x.js">x</a>', encoding="utf-8")
    (site / "en" / "index.html").write_text('<script src="assets/sciedu.js"></script>', encoding="utf-8")
    return site


def test_identical_assets_are_shared_and_links_rewritten(tmp_path: Path) -> None:
    site = _site(tmp_path)
    assert share(site, site / "en")
    assert not (site / "en" / "assets").exists()
    page = (site / "en" / "activities" / "x" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../assets/stylesheets/main.css?v=1"' in page
    assert 'src="../../../assets/sciedu.js"' in page
    assert 'href="../../../assets/other.html"' in page  # already outside en/: unchanged
    assert 'src="figures/assets/a.svg"' in page  # a page's own folder named assets: unchanged
    assert 'href="https://example.org/assets/x.js"' in page
    assert (site / "en" / "index.html").read_text(encoding="utf-8") == '<script src="../assets/sciedu.js"></script>'
    for link in ("../../../assets/stylesheets/main.css", "../../../assets/sciedu.js"):
        assert (page_dir := site / "en" / "activities" / "x").joinpath(link).resolve().is_file(), (page_dir, link)


def test_different_assets_stay_separate(tmp_path: Path) -> None:
    site = _site(tmp_path, en_css="body{color:red}")
    before = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert not share(site, site / "en")
    assert (site / "en" / "assets" / "stylesheets" / "main.css").is_file()
    assert (site / "en" / "index.html").read_text(encoding="utf-8") == before
