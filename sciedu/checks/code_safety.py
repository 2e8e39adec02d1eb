"""Code that reaches beyond its notebook, flagged for the reviewer of a pull request (warnings).

sciedu does not sandbox code: cells run in a scratch folder under build/ with a per-cell timeout, which
stops hangs and keeps relative writes out of the sources, but a cell could still open a connection or
write by absolute path. These warnings point a reviewer at the lines that do such things; ``--strict``
makes them errors. Found from the syntax tree, so comments and strings that merely mention them are not.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from sciedu.checks.context import Context
from sciedu.checks.syntax import parse_cell, source_line
from sciedu.errors import Finding, warning
from sciedu.model import Activity

NETWORK = {"socket", "urllib", "http", "requests", "httpx", "aiohttp", "ftplib", "smtplib", "telnetlib", "websocket",
           "websockets", "paramiko", "asyncio"}
PROCESS = {"subprocess", "multiprocessing", "pty"}
PROCESS_CALLS = {"system", "popen", "execv", "execve", "execl", "execvp", "spawnv", "spawnl", "fork", "kill", "remove",
                 "unlink", "rmdir", "removedirs", "rmtree", "chdir"}
FILE_CALLS = {"open", "Path", "write_text", "write_bytes", "savefig", "to_csv", "savetxt", "save"}


def code_reaches_out(activity: Activity, context: Context) -> Iterator[Finding]:
    for notebook in activity.notebooks.values():
        for cell in notebook.nb.cells:
            if cell.cell_type != "code":
                continue
            tree = parse_cell(cell.source)
            if tree is None:
                continue  # a syntax error: code_parses reports it
            first = source_line(notebook, cell)
            for offset, message in sorted(set(_hazards(tree))):
                yield warning(notebook.path, first + offset, "code-reaches-out",
                              f"{message}; sciedu runs cells in a scratch folder with a timeout but does not sandbox them: "
                              "review this line")


def _hazards(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 1) - 1
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for name in names:
                top = name.split(".")[0]
                if top in NETWORK:
                    yield line, f"imports {name}, which can open network connections (the site and the class are offline)"
                elif top in PROCESS:
                    yield line, f"imports {name}, which starts other programs"
        elif isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            owner = node.func.value.id if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) else ""
            if called in PROCESS_CALLS and owner in {"os", "shutil"}:
                yield line, f"calls {owner}.{called}(), which changes files or processes beyond the notebook"
            elif called in FILE_CALLS:
                for arg in node.args[:1]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _leaves(arg.value):
                        yield line, f"uses the path {arg.value!r}, outside the notebook's folder"


def _leaves(path: str) -> bool:
    parts = path.replace("\\", "/").split("/")
    return path.startswith(("/", "~", "\\")) or ".." in parts or (len(path) > 1 and path[1] == ":")
