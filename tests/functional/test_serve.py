"""`sciedu serve`: serves the built site, injects the reload script, rebuilds when a source changes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (localhost)
        return response.read().decode("utf-8")


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_serve_reloads_after_an_edit(built_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(built_project, project)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "sciedu", "serve", "--port", str(port)], cwd=project,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ})
    try:
        assert _wait_for(lambda: "__sciedu__/version" in _get(f"{base}/index.html"), 120)
        first = _get(f"{base}/__sciedu__/version")
        page = project / "site" / "en" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nServed fresh.\n", encoding="utf-8")
        assert _wait_for(lambda: _get(f"{base}/__sciedu__/version") != first, 120)
        assert "Served fresh." in _get(f"{base}/en/index.html")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
