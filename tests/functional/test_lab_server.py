"""`sciedu lab`'s command line really starts JupyterLab, also as root."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest

from sciedu.lab import lab_argv


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@pytest.mark.slow
def test_jupyterlab_starts_with_the_built_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), folder / "a.ipynb")
    port = _free_port()
    argv = lab_argv(folder, ("--no-browser", f"--port={port}", "--ip=127.0.0.1", "--ServerApp.port_retries=0"))
    if os.geteuid() == 0:
        assert "--allow-root" in argv  # without it JupyterLab exits at once as root
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 18
        while time.monotonic() < deadline and proc.poll() is None and not _answers(f"http://127.0.0.1:{port}/api"):
            time.sleep(0.3)
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert _answers(f"http://127.0.0.1:{port}/api"), "JupyterLab did not answer within 18 s"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=2) as response:
            assert b'"version"' in response.read()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
