"""The search index: what goes in, what stays out, and the teacher area kept apart."""

from __future__ import annotations

from pathlib import Path

from sciedu.site.search import page_entry, read_index


def _pages(site: Path, name: str) -> list[dict]:
    return read_index(site / "search" / name)


def test_teacher_pages_are_kept_apart_and_teacher_notebooks_left_out(built_project: Path) -> None:
    site = built_project / "build" / "site"
    for prefix, title in (("", "教师版：小车的速度"), ("en/", "Teacher version: ")):
        everyone = [p["u"] for p in _pages(site / prefix, "index.js")]
        teachers = _pages(site / prefix, "teacher.js")
        assert "activities/physics/tiny-speed/index.html" in everyone
        assert not [u for u in everyone if u.startswith("teacher/")]
        assert {p.get("a") for p in teachers} == {"teacher"}
        locations = [p["u"] for p in teachers]
        assert "teacher/physics/tiny-speed/guide.html" in locations  # the guide stays findable, by teachers
        assert "teacher/physics/tiny-speed/index.html" not in locations  # the student page plus answers: nowhere
        assert not [u for u in everyone + locations if u.endswith(("guide-print.html", "worksheet.html"))]
        page = (site / prefix / "teacher" / "physics" / "tiny-speed" / "index.html").read_text(encoding="utf-8")
        assert f">{title}" in page
        assert '<meta name="sciedu-search" content="exclude">' in page


def test_each_language_indexes_only_its_own_pages(built_project: Path) -> None:
    site = built_project / "build" / "site"
    zh = _pages(site, "index.js")
    en = _pages(site / "en", "index.js")
    assert not [p["u"] for p in zh if p["u"].startswith("en/")]
    assert {p["u"] for p in zh} == {p["u"] for p in en}  # the same pages in both languages
    assert all(ord(max(p["t"])) < 0x3000 for p in en if p["u"].startswith("activities/physics/"))


def test_session_plans_are_indexed_by_their_outline(built_project: Path) -> None:
    sessions = [p for p in _pages(built_project / "build" / "site", "index.js") if p["u"].startswith("sessions/")]
    assert sessions
    assert all(s[2] == "" and s[1] for p in sessions for s in p["s"])


def test_page_entry_keeps_prose_and_headings_and_drops_code_and_widgets() -> None:
    html = """<html><head><title>T - sciedu</title></head><body><nav>menu words</nav>
    <article class="md-content__inner md-typeset">
      <h1 id="top">速度<a class="headerlink" href="#top">¶</a></h1>
      <div class="sciedu-meta"><span>学科：物理</span><span>时长：40 分钟</span></div>
      <div class="sciedu-downloads"><p><a class="md-button" href="x.ipynb">下载</a></p></div><p>路程除以时间<br>得到速度。</p>
      <pre><code>import numpy</code></pre>
      <h2 id="try">Try it</h2><p>Move the <em>slider</em>.</p><div class="sciedu-explore"><p>state text</p></div>
      <span class="arithmatex">\\(v = s/t\\)</span><svg><text>axis</text></svg>
      <h4 id="deep">not a section</h4><p>tail</p>
    </article></body></html>"""
    entry = page_entry(html, "activities/x/index.html")
    assert entry == {"u": "activities/x/index.html", "t": "速度",
                     "s": [["top", "速度", "路程除以时间 得到速度。"], ["try", "Try it", "Move the slider. not a section tail"]]}
    assert page_entry(html.replace("<head>", '<head><meta name="sciedu-search" content="exclude">'), "x.html") is None
    assert page_entry(html, "teacher/x/guide.html")["a"] == "teacher"


def test_the_404_page_searches_and_links_within_its_language(built_project: Path) -> None:
    """The 404 page is served at any missing address, so its links are root-absolute: each names its language."""
    site = built_project / "build" / "site"
    en = (site / "en" / "404.html").read_text(encoding="utf-8")
    assert 'data-index="/en/search/index.js"' in en and 'href="/en/index.html"' in en
    zh = (site / "404.html").read_text(encoding="utf-8")
    assert 'data-index="/search/index.js"' in zh and 'href="/index.html"' in zh
