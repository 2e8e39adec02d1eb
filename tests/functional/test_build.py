"""Build a small library in a temporary folder with the real CLI, kernels and mkdocs."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import nbformat

from conftest import run_cli

ACTIVITY = "physics/tiny-speed"


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_student_notebooks_hold_no_solution_or_teacher_text(built_project: Path) -> None:
    for lang in ("zh", "en"):
        student = _text(built_project / "build" / "notebooks" / lang / "student" / ACTIVITY / "tiny-speed.ipynb")
        teacher = _text(built_project / "build" / "notebooks" / lang / "teacher" / ACTIVITY / "tiny-speed.ipynb")
        # the solution's own lines, the worked explanation and the teacher note
        for secret in ("secret_answer_line = distance_m / given", "秘密解释" if lang == "zh" else "secret explanation",
                       "秘密教师提示" if lang == "zh" else "secret teacher note"):
            assert secret not in student
            assert secret in teacher


def test_notebooks_are_executed_with_outputs_and_widget_state(built_project: Path) -> None:
    path = built_project / "build" / "notebooks" / "en" / "teacher" / ACTIVITY / "tiny-speed.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.nbformat == 4 and nb.nbformat_minor == 5
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert any("speed = 0.50 m/s" in o.get("text", "") for o in outputs)
    assert any("answer 0.40" in o.get("text", "") for o in outputs)
    state = nb.metadata.widgets["application/vnd.jupyter.widget-state+json"]["state"]
    assert any(m["model_name"] == "FloatSliderModel" for m in state.values())
    widget_cells = [c for c in nb.cells if c.cell_type == "code" and "nbval-ignore-output" in c.metadata.get("tags", [])]
    assert len(widget_cells) == 1


def test_pages_exist_in_both_languages_with_downloads(built_project: Path) -> None:
    site = built_project / "build" / "site"
    for prefix, lang, title in (("", "zh", "小车的速度"), ("en/", "en", "The speed of a toy car")):
        page = site / prefix / "activities" / ACTIVITY / "index.html"
        html = _text(page)
        assert title in html
        assert f"tiny-speed-{lang}.ipynb" in html
        assert (page.parent / f"tiny-speed-{lang}.ipynb").is_file()
        with zipfile.ZipFile(page.parent / f"tiny-speed-{lang}-class-pack.zip") as pack:
            names = pack.namelist()
            assert {"tiny-speed/README.txt", "tiny-speed/requirements.txt", "tiny-speed/tiny-speed.ipynb", "tiny-speed/sciedu/kit/__init__.py"} <= set(names)
            assert "secret_answer_line" not in pack.read("tiny-speed/tiny-speed.ipynb").decode()
        teacher = site / prefix / "teacher" / ACTIVITY / "index.html"
        assert "secret_answer_line" in _text(teacher)
        assert "secret_answer_line" not in html
        assert (site / prefix / "authoring.html").is_file()
        assert (site / prefix / "activities" / "index.html").is_file()


def test_saved_widget_shows_its_controls_and_output(built_project: Path) -> None:
    html = _text(built_project / "build" / "site" / "en" / "activities" / ACTIVITY / "index.html")
    # a live slider over the precomputed states, at the saved value (4.0 s is step 6 of 1.0–8.0 by 0.5)
    assert 'type="range"' in html and 'value="6"' in html and 'aria-valuetext="4.00"' in html
    assert "4.0 s: 0.50 m/s" in html  # what the callback printed for that value


def test_search_index_holds_the_chinese_text(built_project: Path) -> None:
    from sciedu.site.search import read_index

    index = read_index(built_project / "build" / "site" / "search" / "index.js")
    pages = [p for p in index if p["u"].startswith("activities/physics/tiny-speed/")]
    assert len(pages) == 1
    # the page's prose as written (no segmentation needed: the page matches Chinese words as substrings)
    prose = " ".join(s[1] + s[2] for s in pages[0]["s"])
    assert "速度" in prose
    assert "import " not in prose  # the notebook's code cells stay out


def test_site_loads_nothing_from_outside(built_project: Path) -> None:
    for page in (built_project / "build" / "site").rglob("*.html"):
        html = _text(page)
        for needle in ('src="http', 'href="https://fonts', "unpkg.com", "cdn.jsdelivr", "googleapis"):
            assert needle not in html, f"{page}: {needle}"


def test_warm_build_executes_nothing(built_project: Path) -> None:
    index = built_project / "build" / "site" / "index.html"
    before = index.stat().st_mtime_ns
    proc = run_cli("build", cwd=built_project)
    assert proc.returncode == 0, proc.stderr
    progress = [line for line in proc.stderr.splitlines() if line.strip().startswith("[")]
    assert len(progress) == 4
    assert all("(cached)" in line for line in progress)
    assert index.stat().st_mtime_ns == before  # same inputs: mkdocs did not even run


def test_student_only_build_leaves_teacher_pages_out(built_project: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(built_project, copy)
    proc = run_cli("build", "--student-only", cwd=copy)
    assert proc.returncode == 0, proc.stderr
    site = copy / "build" / "site"
    assert (site / "activities" / ACTIVITY / "index.html").is_file()
    assert not (site / "teacher" / ACTIVITY).exists() and not (site / "sessions" / ACTIVITY).exists()
    assert "student edition" in (site / "en" / "teacher" / "index.html").read_text(encoding="utf-8")
    assert not list(site.rglob("*teacher*.ipynb")) and not list(site.rglob("guide*"))
    for page in site.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".json", ".ipynb", ".md"):
            text = page.read_text(encoding="utf-8")
            assert "secret_answer_line" not in text and "secret teacher note" not in text, page


def test_class_pack_runs_on_its_own(built_project: Path, tmp_path: Path) -> None:
    """Unzipped, the student notebook runs top to bottom, importing the bundled sciedu.kit."""
    import nbclient

    pack = built_project / "build" / "site" / "en" / "activities" / ACTIVITY / "tiny-speed-en-class-pack.zip"
    with zipfile.ZipFile(pack) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / "tiny-speed"
    nb = nbformat.read(folder / "tiny-speed.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import sciedu.kit, pathlib; print(pathlib.Path(sciedu.kit.__file__).parent.parent.parent.name)"))
    nbclient.NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(folder)}}).execute()
    assert nb.cells[-1].outputs[0]["text"].strip() == "tiny-speed"  # the pack's own copy of the kit
    texts = [o.get("text", "") for c in nb.cells for o in c.get("outputs", [])]
    assert any(re.fullmatch(r"d = [1-4], t = [245]\n", text) for text in texts), texts


def test_every_local_link_in_the_site_resolves(built_project: Path) -> None:
    """A link checker over the whole built site: pages, figures, downloads, theme files."""
    site = built_project / "build" / "site"
    broken = []
    # 404.html is served by a web server for any missing path, so mkdocs writes its links from the root
    for page in (p for p in site.rglob("*.html") if p.name != "404.html"):
        for target in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
            if re.match(r"^([a-z]+:|#|//)", target):
                continue
            path = (page.parent / target.split("#")[0].split("?")[0]).resolve()
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                broken.append(f"{page.relative_to(site)} -> {target}")
    assert broken == [], broken[:10]
