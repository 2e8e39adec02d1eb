"""The JupyterLab command line of `sciedu lab`."""

from __future__ import annotations

from pathlib import Path

from sciedu.lab import lab_argv

FOLDER = Path("/srv/class/build/notebooks/zh/student")


def test_root_gets_allow_root() -> None:
    assert lab_argv(FOLDER, euid=0, python="py") == ["py", "-m", "jupyterlab", f"--notebook-dir={FOLDER}", "--allow-root"]


def test_other_users_do_not() -> None:
    assert lab_argv(FOLDER, euid=1000, python="py") == ["py", "-m", "jupyterlab", f"--notebook-dir={FOLDER}"]


def test_extra_options_pass_through_in_order() -> None:
    argv = lab_argv(FOLDER, ("--no-browser", "--port", "8890", "--ServerApp.ip=0.0.0.0"), euid=1000, python="py")
    assert argv[4:] == ["--no-browser", "--port", "8890", "--ServerApp.ip=0.0.0.0"]


def test_allow_root_given_by_hand_is_not_doubled() -> None:
    argv = lab_argv(FOLDER, ("--allow-root", "--no-browser"), euid=0, python="py")
    assert argv.count("--allow-root") == 1
    assert argv[-2:] == ["--allow-root", "--no-browser"]
