"""Hostile and broken sources, class by class, through the real ``sciedu`` command.

For each class: a located finding (file and line), exit 1, no traceback (``run_cli`` fails on one),
nothing outside ``build/`` written and the previous site untouched. Several broken activities share one
build, which also shows that one broken activity never hides the problems of the others.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli

SUBJECT = Path("activities/physics")
ANCHOR = "A toy car runs 2 metres in 4 seconds. How fast is it?"
ZH_ANCHOR = "小车在 4 秒内跑了 2 米。它跑得有多快？"
FIRST_CODE = "distance_m = 2.0\n"


@pytest.fixture
def previous_site(built_project: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built_project, copy, symlinks=True)
    return copy


def _snapshot(root: Path, *, inside_build: bool) -> dict[str, str]:
    """Every file's content hash (links by target): the site, or everything outside build/."""
    out = {}
    base = root / "build" / "site" if inside_build else root
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(base).as_posix()
        if not inside_build and (rel == "build" or rel.startswith("build/")):
            continue
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _pages(site: dict[str, str]) -> dict[str, str]:
    """A site snapshot without the build stamp, which hashes the docs' absolute paths (the fixture project was copied)."""
    return {k: v for k, v in site.items() if k != ".sciedu-inputs"}


def _clone(project: Path, new_id: str, subject: str = "physics") -> Path:
    """A copy of tiny-speed under another id (and subject), so several broken activities share one build."""
    folder = project / "activities" / subject / new_id
    shutil.copytree(project / SUBJECT / "tiny-speed", folder)
    _edit(folder / "activity.yaml", "id: tiny-speed", f"id: {new_id}")
    _edit(folder / "activity.yaml", "subject: physics", f"subject: {subject}")
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def _rel(project: Path, path: Path) -> str:
    return path.relative_to(project).as_posix()


def _refused(project: Path, expected: list[tuple[str, Path, int | None]], *args: str) -> str:
    """Build; expect exit 1, each (rule, file, line) reported, the site and the sources unchanged."""
    site, sources = _snapshot(project, inside_build=True), _snapshot(project, inside_build=False)
    proc = run_cli("build", *args, cwd=project)
    out = proc.stdout
    assert proc.returncode == 1, out + proc.stderr
    for rule, path, line in expected:
        where = re.escape(_rel(project, path))
        number = str(line) if line is not None else r"\d+"
        assert re.search(rf"^{where}:{number}: error {re.escape(rule)}: \S", out, re.M), f"{rule} at {where}:{line}\n{out}"
    assert _snapshot(project, inside_build=True) == site, "the previous site must be left intact"
    assert _snapshot(project, inside_build=False) == sources, "nothing outside build/ may be written"
    return out


# --- YAML ------------------------------------------------------------------------------------------

BOMB = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)))


def test_yaml_class(previous_site: Path) -> None:
    p = previous_site
    cases: list[tuple[str, Path, int | None]] = []

    def yaml_case(name: str, rule: str, old: str | None, new: str, needle: str | None = None) -> None:
        path = _clone(p, name) / "activity.yaml"
        if old is None:
            path.write_text(new, encoding="utf-8")
        else:
            _edit(path, old, new)
        cases.append((rule, path, _line(path, needle) if needle else None))

    yaml_case("y-syntax", "yaml-syntax", "duration: 20", "duration: [20", None)
    yaml_case("y-empty", "metadata-type", None, "", None)
    yaml_case("y-list", "metadata-type", None, "- id: y-list\n", None)
    yaml_case("y-type", "metadata-invalid", "  en: The speed of a toy car", "  en: [1, 2]", "en: [1, 2]")
    yaml_case("y-zero", "metadata-invalid", "duration: 20", "duration: 0", "duration: 0")
    yaml_case("y-negative", "metadata-invalid", "duration: 20", "duration: -20", "duration: -20")
    yaml_case("y-huge", "metadata-invalid", "duration: 20", "duration: 1e400", "duration: 1e400")
    yaml_case("y-nan", "metadata-invalid", "duration: 20", "duration: .nan", "duration: .nan")
    yaml_case("y-minutes", "metadata-invalid", "    minutes: 5\n", "    minutes: 99999999999\n", "minutes: 99999999999")
    yaml_case("y-tolerance", "metadata-invalid", '    key: "0.4 m/s"', '    key: "0.4 m/s"\n    tolerance: .inf', "tolerance: .inf")
    yaml_case("y-timeout", "metadata-invalid", "model: poe", "model: poe\nexecution: {timeout: -1}", "execution:")
    yaml_case("y-range", "metadata-invalid", "range: [1, 4, 1]", "range: [1, 4, 0]", "range: [1, 4, 0]")
    yaml_case("y-bomb", "yaml-alias", None, BOMB, "*a")
    yaml_case("y-duplicate", "yaml-duplicate-key", "duration: 20", "duration: 20\nduration: 30", "duration: 30")
    yaml_case("y-colon", "yaml-syntax", "  en: The speed of a toy car", "  en: Speed: how fast", "Speed: how fast")
    out = _refused(p, cases)
    colon = next(line for line in out.splitlines() if "y-colon" in line)
    assert 'en: "Speed: how fast"' in colon and "double quotes" in colon


# --- files -----------------------------------------------------------------------------------------

def test_files_class(previous_site: Path, tmp_path: Path) -> None:
    p = previous_site
    (_clone(p, "f-missing") / "en.md").unlink()
    bad = _clone(p, "f-encoding") / "zh.md"
    raw = bad.read_bytes()
    bad.write_bytes(raw.replace("它跑得".encode(), "它跑得".encode("gb18030"), 1))
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the site", encoding="utf-8")
    linked = _clone(p, "f-link")
    (linked / "assets").mkdir()
    (linked / "assets" / "data.txt").symlink_to(secret)
    outside = tmp_path / "elsewhere" / "f-folder"
    shutil.copytree(_clone(p, "f-folder"), outside)
    shutil.rmtree(p / SUBJECT / "f-folder")
    (p / SUBJECT / "f-folder").symlink_to(outside, target_is_directory=True)
    _clone(p, "F_Bad")
    twin_a, twin_b = _clone(p, "f-twin"), _clone(p, "f-twin", subject="chemistry")
    out = _refused(p, [
        ("language-missing", p / SUBJECT / "f-missing" / "activity.yaml", 1),
        ("encoding", bad, _line(p / SUBJECT / "tiny-speed" / "zh.md", "它跑得")),
        ("symlink-outside", linked / "assets" / "data.txt", 1),
        ("symlink-outside", p / SUBJECT / "f-folder", 1),
        ("folder-name", p / SUBJECT / "F_Bad" / "activity.yaml", 1),
        ("duplicate-id", twin_a / "activity.yaml", 1),
        ("duplicate-id", twin_b / "activity.yaml", 1),
    ])
    assert "offset" in next(line for line in out.splitlines() if " encoding: " in line)
    assert "not for the site" not in out


def test_bom_and_crlf_build_exactly_like_lf_without_bom(previous_site: Path) -> None:
    docs, site = _snapshot(previous_site / "build" / "docs", inside_build=False), _snapshot(previous_site, inside_build=True)
    notebooks = _snapshot(previous_site / "build" / "notebooks", inside_build=False)
    for path in (previous_site / SUBJECT / "tiny-speed").iterdir():
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    proc = run_cli("build", cwd=previous_site)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _snapshot(previous_site / "build" / "docs", inside_build=False) == docs
    assert _snapshot(previous_site / "build" / "notebooks", inside_build=False) == notebooks
    assert _pages(_snapshot(previous_site, inside_build=True)) == _pages(site)


# --- Markdown and text ---------------------------------------------------------------------------

def _markdown_case(project: Path, name: str, extra: str, needle: str, rule: str) -> tuple[str, Path, int]:
    en = _clone(project, name) / "en.md"
    _edit(en, ANCHOR, ANCHOR + "\nA second line of the cell.\n" + extra)
    return rule, en, _line(en, needle)


def test_markdown_class(previous_site: Path) -> None:
    p = previous_site
    cases = [
        _markdown_case(p, "m-script", "<script>alert(1)</script>", "<script>", "unsafe-html"),
        _markdown_case(p, "m-onclick", '<span onclick="steal()">x</span>', "onclick", "unsafe-html"),
        _markdown_case(p, "m-onerror", '<img src="x" alt="x" onerror="steal()">', "onerror", "unsafe-html"),
        _markdown_case(p, "m-js-link", "[prize](javascript:steal())", "javascript:", "unsafe-html"),
        _markdown_case(p, "m-iframe", '<iframe src="https://example.org"></iframe>', "<iframe", "unsafe-html"),
        _markdown_case(p, "m-object", '<object data="x"></object>', "<object", "unsafe-html"),
        _markdown_case(p, "m-embed", '<embed src="x">', "<embed", "unsafe-html"),
        _markdown_case(p, "m-style", "<style>body{display:none}</style>", "<style>", "unsafe-html"),
        _markdown_case(p, "m-img-missing", "![a car](assets/car.png)", "car.png", "image-missing"),
        _markdown_case(p, "m-img-parent", "![a car](../tiny-speed/en.md)", "../tiny-speed", "image-outside"),
        _markdown_case(p, "m-img-absolute", "![a car](/etc/hostname)", "/etc/hostname", "image-outside"),
        _markdown_case(p, "m-img-remote", "![a car](https://example.org/car.png)", "example.org", "image-remote"),
        _markdown_case(p, "m-img-protocol", '<img src="//example.org/car.png" alt="a car">', "example.org", "image-remote"),
        _markdown_case(p, "m-img-alt", "![](assets/car.png)", "car.png", "image-alt"),
        _markdown_case(p, "m-html-alt", '<img src="assets/car.png">', "car.png", "image-alt"),
    ]
    _refused(p, cases)


def test_text_and_code_class(previous_site: Path) -> None:
    p = previous_site
    cases = [
        _markdown_case(p, "t-long", "x" * 1_000_000, "xxxxxxxx", "line-too-long"),
        _markdown_case(p, "t-quotes", ">" * 10_000, ">>>>>>>>", "markdown-too-deep"),
        _markdown_case(p, "t-lists", "- " * 4_000 + "deep", "- - - - ", "markdown-too-deep"),
        _markdown_case(p, "t-fence", "```python\nprint('this fence is never closed')", "```python", "unclosed-fence"),
    ]
    _edit(p / SUBJECT / "t-fence" / "zh.md", ZH_ANCHOR, ZH_ANCHOR + "\n\n```python\nprint('没有结束的代码块')")
    broken = _clone(p, "t-syntax")
    for lang in ("en", "zh"):  # both languages: parity holds, only the syntax is wrong
        _edit(broken / f"{lang}.md", "time_s = 4.0\n", "time_s = 4.0\nif time_s\n    print(time_s)\n")
    cases.append(("code-syntax", broken / "en.md", _line(broken / "en.md", "if time_s")))
    cases.append(("code-syntax", broken / "zh.md", _line(broken / "zh.md", "if time_s")))
    out = _refused(p, cases)
    assert "code cell(s) after it become text" in out


# --- code that runs --------------------------------------------------------------------------------

EVIL = "open('../../evil.txt', 'w').write('written by a cell')\n"
HUGE = "print('x' * 1_000_000)\n"
MOON = "月相 图.png"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d4944415478da63f8cfc0f01f0005000201a5e9e0a70000000049454e44ae426082")


def test_code_runs_in_a_scratch_folder_with_outputs_capped_and_assets_published(previous_site: Path) -> None:
    p = previous_site
    folder = p / SUBJECT / "tiny-speed"
    (folder / "assets").mkdir()
    (folder / "assets" / MOON).write_bytes(PNG)
    for lang, anchor in (("en", ANCHOR), ("zh", ZH_ANCHOR)):
        _edit(folder / f"{lang}.md", FIRST_CODE, FIRST_CODE + EVIL + HUGE)
        _edit(folder / f"{lang}.md", anchor, anchor + f"\n\n![月相](assets/月相%20图.png)\n\n<img src=\"assets/{MOON}\" alt=\"月相\">")
    sources = _snapshot(p, inside_build=False)
    proc = run_cli("build", cwd=p)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _snapshot(p, inside_build=False) == sources, "a cell wrote into the source tree"
    assert not list((p / "activities").rglob("evil.txt"))
    assert not list((p / "build" / "notebooks").rglob("evil.txt")), "published notebook folders stay clean"
    assert list((p / "build" / "scratch").rglob("evil.txt"))
    line = _line(folder / "en.md", "```{code-cell}")
    assert re.search(rf"^activities/physics/tiny-speed/en.md:{line}: warning output-truncated: ", proc.stdout, re.M), proc.stdout
    student = p / "build" / "notebooks" / "en" / "student" / "physics" / "tiny-speed" / "tiny-speed.ipynb"
    assert student.stat().st_size < 400_000 and "output truncated" in student.read_text(encoding="utf-8")
    page_dir = p / "build" / "site" / "en" / "activities" / "physics" / "tiny-speed"
    assert (page_dir / "assets" / MOON).read_bytes() == PNG
    html = (page_dir / "index.html").read_text(encoding="utf-8")
    assert "output truncated" in html and len(html) < 1_000_000
    # the class pack holds the notebook, the kit and files from inside the activity folder, nothing else
    with zipfile.ZipFile(page_dir / "tiny-speed-en-class-pack.zip") as pack:
        names = set(pack.namelist())
        assert pack.read(f"tiny-speed/assets/{MOON}") == PNG
    assert {n for n in names if not n.startswith("tiny-speed/sciedu/")} == {
        "tiny-speed/tiny-speed.ipynb", "tiny-speed/requirements.txt", "tiny-speed/README.txt", f"tiny-speed/assets/{MOON}"}


def test_network_connection_that_never_answers_hits_the_cell_timeout(previous_site: Path) -> None:
    folder = previous_site / SUBJECT / "tiny-speed"
    code = "import socket\nsocket.create_connection(('10.255.255.1', 80), timeout=None).recv(1)\n"
    for lang in ("en", "zh"):
        _edit(folder / f"{lang}.md", FIRST_CODE, FIRST_CODE + code)
    out = _refused(previous_site, [], "--timeout", "3")
    line = _line(folder / "en.md", "```{code-cell}")
    # unroutable: the connection hangs (cell-timeout); a sandbox may refuse it at once (cell-error): never a hang
    assert re.search(rf"^activities/physics/tiny-speed/en.md:{line}: error cell-(timeout|error): ", out, re.M), out


# --- SIGKILL -----------------------------------------------------------------------------------------

def _processes(project: Path) -> list[tuple[str, str, str]]:
    """(pid, cwd, command line) of processes still working in the project (workers, kernels, mkdocs), from /proc."""
    found = []
    root = str(project.resolve())
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cwd = os.readlink(f"/proc/{pid}/cwd")
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if state != "Z" and (cwd == root or cwd.startswith(root + "/")):
            found.append((pid, cwd, cmdline[:160]))
    return found


def _kill_when(project: Path, ready, limit: float = 300) -> None:
    log = (project / "build.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "sciedu", "build"], cwd=project, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + limit
    try:
        while not ready() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the build ended before the moment to kill it"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        log.close()
        (project / "build.log").unlink()
    # a kernel notices its parent is gone within a second or two; a worker still starting exits when it is up
    deadline = time.monotonic() + 30
    while _processes(project) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes(project) == [], "processes outlived the killed build"


def _kernel_running(project: Path) -> bool:
    # Only kernels work in the scratch folders (a plain ipykernel, or one forked from the warm parent).
    scratch = str((project / "build" / "scratch").resolve())
    return any(cwd.startswith(scratch) for _, cwd, _ in _processes(project))


def test_sigkill_during_execution_leaves_the_site_and_no_process(previous_site: Path) -> None:
    p = previous_site
    site = _snapshot(p, inside_build=True)
    folder = p / SUBJECT / "tiny-speed"
    originals = {lang: (folder / f"{lang}.md").read_text(encoding="utf-8") for lang in ("en", "zh")}
    for lang in ("en", "zh"):
        _edit(folder / f"{lang}.md", FIRST_CODE, FIRST_CODE + "import time\ntime.sleep(60)\n")
    _kill_when(p, lambda: _kernel_running(p))
    assert _snapshot(p, inside_build=True) == site
    for lang, text in originals.items():
        (folder / f"{lang}.md").write_text(text, encoding="utf-8")
    proc = run_cli("build", cwd=p)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _pages(_snapshot(p, inside_build=True)) == _pages(site), "the same sources give the same site again"


def test_sigkill_during_the_site_stage_leaves_a_whole_site_and_no_process(previous_site: Path) -> None:
    p = previous_site
    index = p / "build" / "site" / "index.html"
    before = index.read_bytes()
    home = p / "site" / "zh" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n\n新的一段：终止测试。\n", encoding="utf-8")
    _kill_when(p, lambda: any("mkdocs" in cmdline for _, _, cmdline in _processes(p)))
    assert index.read_bytes() == before or "终止测试" in index.read_text(encoding="utf-8")
    assert (p / "build" / "site" / "en" / "index.html").is_file()
    proc = run_cli("build", cwd=p)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "终止测试" in index.read_text(encoding="utf-8")
    assert not (p / "build" / "site.old").exists() and not (p / "build" / "site.staging").exists()
