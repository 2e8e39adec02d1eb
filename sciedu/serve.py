"""``sciedu serve``: build, serve ``build/site`` on localhost, rebuild on source changes, reload pages.

Live reload is a few lines of our own: each served HTML page gets a tiny script that polls
``/__sciedu__/version`` and reloads when a rebuild finished. No MkDocs internals are involved.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

import click

from sciedu import commands
from sciedu.errors import SciEduError
from sciedu.project import Project

VERSION_PATH = "/__sciedu__/version"
RELOAD_SCRIPT = (
    "<script>(function(){var v=null;setInterval(function(){fetch('" + VERSION_PATH + "').then(function(r){return r.text()})"
    ".then(function(t){if(v!==null&&t!==v)location.reload();v=t}).catch(function(){})},1000)})();</script>"
)


class _State:
    def __init__(self) -> None:
        self.version = 0


def source_stamp(project: Project) -> tuple:
    """Changes when any source file is added, removed or edited."""
    roots = [project.activities, project.site_sources]
    files = [project.mkdocs_yml, *(p for root in roots if root.is_dir() for p in sorted(root.rglob("*")) if p.is_file())]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.exists())


def _rebuild(project: Project, timeout: int | None, state: _State) -> None:
    try:
        commands.build(project, timeout=timeout)
        state.version += 1
        click.echo(f"Rebuilt; pages reload (build {state.version}).", err=True)
    except SciEduError as exc:
        click.echo(f"Build failed, still serving the previous site: {exc.format_message()}", err=True)


def _handler(site: Path, state: _State) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            if self.path == VERSION_PATH:
                body = str(state.version).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if path.suffix == ".html" and path.is_file():
                body = path.read_bytes().replace(b"</body>", RELOAD_SCRIPT.encode() + b"</body>", 1)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return functools.partial(Handler, directory=str(site))  # type: ignore[return-value]


def serve(project: Project, *, host: str = "127.0.0.1", port: int = 8000, timeout: int | None = None) -> None:
    state = _State()
    _rebuild(project, timeout, state)
    server = http.server.ThreadingHTTPServer((host, port), _handler(project.site, state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    click.echo(f"Serving on http://{host}:{port}/ (Ctrl+C to stop); watching activities/, site/ and mkdocs.yml.", err=True)
    stamp = source_stamp(project)
    try:
        while True:
            time.sleep(1.0)
            now = source_stamp(project)
            if now != stamp:
                stamp = now
                _rebuild(project, timeout, state)
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
    finally:
        server.shutdown()
