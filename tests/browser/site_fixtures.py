"""Browser fixtures shared by the site tests: the repository's built site on localhost, Debian's Chromium, axe-core."""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPO, run_cli

CHROMIUM = Path("/usr/bin/chromium")
SITE = REPO / "build" / "site"
NPM_CACHE = REPO / "build" / "npm"
AXE_VERSION = "4"

#: One page of every page type, by its path under a language root ("" = zh, "en/" = en).
PAGE_TYPES = {
    "home": "index.html",
    "catalogue": "activities/index.html",
    "activity": "activities/physics/stopping-distance/index.html",
    "teacher-page": "teacher/physics/stopping-distance/index.html",
    "guide": "teacher/physics/stopping-distance/guide.html",
    "printable-guide": "teacher/physics/stopping-distance/guide-print.html",
    "standards-index": "standards/index.html",
    "framework-heatmap": "standards/cn-compulsory-science-2022/coverage.html",
    "items": "standards/cn-compulsory-science-2022/index.html",
    "kit": "kit.html",
    "authoring": "authoring.html",
    "scientists": "scientists.html",
    "session-plan": "sessions/physics/stopping-distance/index.html",
    "printable-session": "sessions/physics/stopping-distance/session-print.html",
    "report": "report.html",
    "404": "404.html",
}
LANG_PREFIXES = {"zh": "", "en": "en/"}
PAGES = [pytest.param(f"{prefix}{path}", id=f"{lang}-{kind}") for lang, prefix in LANG_PREFIXES.items()
         for kind, path in PAGE_TYPES.items()]


@pytest.fixture(scope="session")
def site_root() -> Path:
    if not (SITE / "index.html").is_file():
        assert run_cli("build", cwd=REPO).returncode == 0
    return SITE


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """``folder`` on a free localhost port (plain files, like GitHub Pages without compression): (url, server)."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def first_view(browser, url: str, *, after=None) -> tuple[dict[str, int], dict[str, int]]:
    """What ``url`` fetches until the network is idle, each response's gzip size by address; then what the
    optional ``after(page)`` makes it fetch on top (e.g. opening the search). Used by the page-weight test and
    by benchmarks/page_weight.py."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    loaded = len(responses)
    if after is not None:
        after(page)
    sizes = [{r.url: len(gzip.compress(r.body(), compresslevel=6, mtime=0)) for r in part if r.ok}
             for part in (responses[:loaded], responses[loaded:])]
    context.close()
    return sizes[0], {u: n for u, n in sizes[1].items() if u not in sizes[0]}


@pytest.fixture(scope="session")
def served_site(site_root: Path) -> Iterator[str]:
    """The repository's build/site, served on a free localhost port."""
    url, server = serve(site_root)
    yield url
    server.shutdown()


class _SharedBrowser:
    """One Playwright and one Chromium per test process.

    Test modules import the fixture below, which makes each module's copy a separate pytest fixture; a
    second ``sync_playwright()`` in the same process fails ("Sync API inside the asyncio loop"), so every
    copy hands out this one browser and the last to finish closes it.
    """

    def __init__(self) -> None:
        self.users = 0
        self.playwright = None
        self.browser = None

    def acquire(self):
        if self.browser is None:
            from playwright.sync_api import sync_playwright

            self.playwright = sync_playwright().start()
            self.browser = self.playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                      "--disable-sync", "--no-first-run"],
            )
        self.users += 1
        return self.browser

    def release(self) -> None:
        self.users -= 1
        if self.users == 0 and self.browser is not None:
            self.browser.close()
            self.playwright.stop()
            self.browser = self.playwright = None


_SHARED = _SharedBrowser()


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    browser = _SHARED.acquire()
    yield browser
    _SHARED.release()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core from the npm registry, installed once into build/npm (the test tools' cache, never the site)."""
    script = NPM_CACHE / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: it is needed to fetch axe-core")
        proc = subprocess.run([npm, "install", "--prefix", str(NPM_CACHE), f"axe-core@{AXE_VERSION}", "--no-audit",
                               "--no-fund"], capture_output=True, text=True, check=False, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return script.read_text(encoding="utf-8")
