"""An author's image in assets/, with spaces and Chinese characters in its name, shows on the built site.

Builds the fixture library with ``assets/月相 图.png`` linked from both notebooks (as Markdown with %20, as
Markdown in angle brackets and as ``<img>``), serves the site and checks in Debian's Chromium that every one
of those images loaded (``naturalWidth > 0``).
"""

from __future__ import annotations

import shutil
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import make_project, run_cli
from site_fixtures import CHROMIUM, chromium, serve  # noqa: F401  (fixtures)

NAME = "月相 图.png"
IMAGES = {
    "zh": ("小车在 4 秒内跑了 2 米。它跑得有多快？", "月相示意图"),
    "en": ("A toy car runs 2 metres in 4 seconds. How fast is it?", "Phases of the Moon"),
}

pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


def _png(width: int, height: int) -> bytes:
    """A small grey PNG, written by hand so the test needs no imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + b"\x80\x80\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = make_project(tmp_path_factory.mktemp("assets") / "project")
    folder = root / "activities" / "physics" / "tiny-speed"
    (folder / "assets").mkdir()
    (folder / "assets" / NAME).write_bytes(_png(24, 16))
    for lang, (anchor, alt) in IMAGES.items():
        path = folder / f"{lang}.md"
        images = (f"![{alt}](assets/月相%20图.png)\n\n![{alt}](<assets/{NAME}>)\n\n"
                  f'<img src="assets/{NAME}" alt="{alt}">')
        path.write_text(path.read_text(encoding="utf-8").replace(anchor, f"{anchor}\n\n{images}"), encoding="utf-8")
    proc = run_cli("build", cwd=root)
    assert proc.returncode == 0, proc.stdout + proc.stderr

    url, server = serve(root / "build" / "site")
    yield url
    server.shutdown()
    shutil.rmtree(root / "build", ignore_errors=True)


@pytest.mark.parametrize(("prefix", "lang", "page"), [
    ("", "zh", "activities/physics/tiny-speed/index.html"),
    ("/en", "en", "activities/physics/tiny-speed/index.html"),
    ("", "zh", "teacher/physics/tiny-speed/index.html"),
])
def test_author_image_with_spaces_and_chinese_name_loads(chromium, site_url: str, prefix: str, lang: str, page: str) -> None:
    context = chromium.new_context()
    tab = context.new_page()
    failed: list[str] = []
    tab.on("requestfailed", lambda request: failed.append(request.url))
    tab.goto(f"{site_url}{prefix}/{page}")
    alt = IMAGES[lang][1]
    images = tab.locator(f'article img[alt="{alt}"]')
    assert images.count() == 3
    for index in range(3):
        image = images.nth(index)
        image.wait_for(state="visible")
        assert image.evaluate("img => img.complete && img.naturalWidth") == 24, image.get_attribute("src")
    context.close()
    assert failed == []
