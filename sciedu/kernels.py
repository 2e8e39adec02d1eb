"""Warm kernels: import the notebooks' scientific stack once, then fork a fresh ipykernel per notebook.

A kernel spends most of its CPU time importing numpy, matplotlib, pint, sympy and ipywidgets (about 3.8 of
its 6 CPU-seconds on the bundled notebooks) and starting ipykernel (another second). The **fork server**
is one plain Python process per build that does these imports once and then waits. For each
notebook it forks a child; the child becomes an ordinary ``ipykernel`` (``IPKernelApp``) on the
connection file jupyter_client wrote, in the notebook's folder, with the kernel's environment. Because
every notebook gets its own process, no variable, module attribute or open figure of one notebook can be
seen by another; only the *imported modules* are shared, as a copy of the parent's memory.

:class:`ForkProvisioner` is the jupyter_client kernel provisioner (the documented extension point for
how a kernel is started) that asks the fork server instead of ``subprocess.Popen``. Everything above it
(``KernelManager``, nbclient, the messages on the wire) is unchanged, and the notebooks themselves are
plain: they run the same in JupyterLab with the standard ``python3`` kernel.

Run as ``python -m sciedu.kernels SOCKET``: the server answers one JSON request per connection on a
Unix socket, so that the parallel workers of a build share one warm parent.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner

#: What the parent imports before it forks: the notebooks' stack, the kit, and ipykernel itself. Only
#: imports: the parent runs no notebook code, starts no kernel, opens no figure and creates no socket.
WARM_MODULES = (
    "numpy", "matplotlib", "matplotlib.pyplot", "pint", "sympy", "ipywidgets", "IPython.display",
    "sciedu.kit", "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.comm",
    # what IPKernelApp.initialize imports (its debugger, history, completer): half a CPU-second per kernel
    "ipykernel.debugger", "debugpy", "sqlite3", "psutil", "pdb", "pydoc", "IPython.core.debugger",
    "IPython.core.completerlib", "IPython.core.oinspect", "IPython.extensions.storemagic",
    "tornado.ioloop", "tornado.platform.asyncio", "xmlrpc.client", "http.server", "faulthandler", "code",
    # what the notebooks' first calls import lazily: sympy's init_printing (IPython's terminal shell, 0.3
    # CPU-s), sympy's units and tensors, numpy.random, the kit's modules, the LaTeX and pylab helpers
    "IPython.terminal.interactiveshell", "sympy.physics.units", "sympy.combinatorics", "sympy.tensor.tensor",
    "sympy.sets.setexpr", "sympy.assumptions.wrapper", "IPython.core.pylabtools", "IPython.lib.latextools",
    "xml.dom.minidom", "numpy.random", "sciedu.kit.widgets", "sciedu.kit.seeded", "sciedu.kit.quantities",
    "sciedu.kit.dimensions", "sciedu.kit.feedback",
    # Not matplotlib_inline.backend_inline: importing it is what hooks the inline backend into the
    # kernel's shell, so each kernel must import it itself (as pyplot does on the first figure).
)
#: The backend ipykernel selects for every kernel (``MPLBACKEND``); set before matplotlib is imported.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
LAUNCHER = ["-m", "ipykernel_launcher"]


# --- the server process ---------------------------------------------------------------------------

def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def warm_up() -> None:
    """Import the stack and let matplotlib load its fonts, without touching pyplot's state."""
    import importlib
    from io import BytesIO

    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    for name in WARM_MODULES:
        importlib.import_module(name)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure()  # not pyplot: no figure number is used, no backend is loaded
    FigureCanvasAgg(figure)
    figure.add_subplot().plot([0, 1], [0, 1], label="warm")
    figure.savefig(BytesIO(), format="png")


#: The server's own sockets, closed in every child.
_SERVER_FDS: list[int] = []


def serve(path: str) -> None:
    """Listen on the Unix socket ``path``; answer one JSON request per connection until told to stop.

    Requests: ``fork`` (argv, cwd, env → pid), ``poll`` (pid → returncode and CPU seconds once it has
    exited; children are reaped here), ``stop`` (→ the server's own CPU seconds, then exit).
    """
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)  # clients may connect while the warm-up runs; they wait in the backlog
    _SERVER_FDS.append(listener.fileno())
    warm_up()
    exited: dict[int, tuple[int, float]] = {}
    while True:
        connection, _ = listener.accept()
        with connection, connection.makefile("rwb") as stream:
            _SERVER_FDS.append(connection.fileno())
            request = json.loads(stream.readline() or b"{}")
            op = request.get("op")
            if op == "fork":
                pid = os.fork()
                if pid == 0:
                    _become_kernel(request)  # never returns
                answer: dict[str, Any] = {"pid": pid}
            elif op == "poll":
                answer = _poll(request["pid"], exited)
            elif op == "stop":
                answer = {"self_cpu": _cpu(resource.getrusage(resource.RUSAGE_SELF))}
            else:
                answer = {"error": f"unknown op {op!r}"}
            stream.write(json.dumps(answer).encode() + b"\n")
            stream.flush()
            _SERVER_FDS.pop()
        if op == "stop":
            return


def _poll(pid: int, exited: dict[int, tuple[int, float]]) -> dict[str, Any]:
    if pid not in exited:
        try:
            done, status, usage = os.wait4(pid, os.WNOHANG)
        except ChildProcessError:  # not ours, or already reaped
            done, status, usage = pid, 0, None
        if done:
            exited[pid] = (os.waitstatus_to_exitcode(status), _cpu(usage) if usage else 0.0)
    code, cpu = exited.get(pid, (None, None))
    return {"returncode": code, "cpu": cpu}


def _become_kernel(request: dict) -> None:
    """In the forked child: become the kernel ``python -m ipykernel_launcher ARGV`` in ``cwd``."""
    code = 1
    try:
        from sciedu.lifeline import die_with_parent

        die_with_parent(os.getppid())  # the warm parent killed (with its build) takes its kernels along
        os.setsid()  # its own process group, as jupyter_client's launcher gives a kernel
        for fd in _SERVER_FDS:  # the server's sockets must not stay open in the kernel
            with contextlib.suppress(OSError):
                os.close(fd)
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
        sys.path[0] = request["cwd"]  # what ``python -m`` puts first: the kernel's working folder
        sys.argv = ["ipykernel_launcher", *request["argv"]]
        import numpy

        numpy.random.seed()  # a fresh interpreter seeds numpy from the OS; so does every child

        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        app.initialize(request["argv"])
        app.start()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    except BaseException:  # noqa: BLE001 (a broken kernel must end here, never return into the server loop)
        code = 1
    finally:
        import atexit

        atexit._run_exitfuncs()
        os._exit(code)


# --- the client side ----------------------------------------------------------------------------------

class ForkServer:
    """A warm parent process, shared by the execution workers of one batch.

    Started by the batch (:meth:`start`); workers reach it through its socket path (:meth:`at`), so
    the stack is imported once per build, not once per worker.
    """

    def __init__(self, path: str, process: subprocess.Popen | None = None) -> None:
        self.path = path
        self.process = process

    @classmethod
    def start(cls, folder: Path) -> ForkServer:
        path = str(folder / "kernels.sock")
        env = {**os.environ, "MPLBACKEND": os.environ.get("MPLBACKEND", INLINE_BACKEND), "SCIEDU_PARENT_PID": str(os.getpid())}
        process = subprocess.Popen([sys.executable, "-m", "sciedu.kernels", path], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + 30
        while not os.path.exists(path):  # bound before the warm-up; connections wait in its backlog
            if process.poll() is not None or time.monotonic() > deadline:
                msg = "the warm kernel server did not start"
                raise RuntimeError(msg)
            time.sleep(0.02)
        return cls(path, process)

    @classmethod
    def at(cls, path: str) -> ForkServer:
        return cls(path)

    def _request(self, **message: Any) -> dict:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.connect(self.path)
            with connection.makefile("rwb") as stream:
                stream.write(json.dumps(message).encode() + b"\n")
                stream.flush()
                line = stream.readline()
        if not line:
            msg = "the warm kernel server closed the connection"
            raise RuntimeError(msg)
        return json.loads(line)

    def fork(self, argv: list[str], cwd: str, env: dict[str, str]) -> int:
        return int(self._request(op="fork", argv=argv, cwd=cwd, env=env)["pid"])

    def poll(self, pid: int) -> tuple[int | None, float | None]:
        """The child's exit code and CPU seconds once it has exited, else ``(None, None)``."""
        answer = self._request(op="poll", pid=pid)
        return answer["returncode"], answer["cpu"]

    def stop(self) -> float:
        """Stop the server; return its own CPU seconds (the warm-up and the forks)."""
        try:
            cpu = float(self._request(op="stop")["self_cpu"])
        except OSError:
            cpu = 0.0
        if self.process is not None:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        return cpu


def can_fork(cmd: list[str]) -> bool:
    """Only the standard ipykernel of *this* Python can be forked from our warm parent."""
    return (os.name == "posix" and len(cmd) >= 3 and cmd[1:3] == LAUNCHER
            and os.path.realpath(cmd[0]) == os.path.realpath(sys.executable))


class ForkProvisioner(LocalProvisioner):
    """A kernel provisioner whose kernels are forked from a :class:`ForkServer` (else launched as usual)."""

    server: ForkServer | None = None
    kernel_cpu: float | None = None  # the forked kernel's CPU seconds, once it has exited

    @property
    def _forked(self) -> bool:
        return self.process is None and self.pid is not None

    @property
    def has_process(self) -> bool:
        return self._forked or super().has_process

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        if self.server is None or not can_fork(cmd):
            return await super().launch_kernel(cmd, **kwargs)
        cwd = str(kwargs.get("cwd") or Path.cwd())
        env = {k: str(v) for k, v in (kwargs.get("env") or os.environ).items()}
        try:
            self.pid = self.pgid = self.server.fork(cmd[3:], cwd, env)
        except (OSError, RuntimeError, ValueError):  # the warm parent is gone: start this kernel the usual way
            self.server = None
            return await super().launch_kernel(cmd, **kwargs)
        self.cwd = cwd
        return self.connection_info

    async def poll(self) -> int | None:
        if not self._forked:
            return await super().poll()
        assert self.pid is not None
        try:
            code, cpu = self.server.poll(self.pid) if self.server else (None, None)
        except (OSError, RuntimeError, ValueError):  # the warm parent is gone; its children live on alone
            self.server = None
            code, cpu = None, None
        if code is None and self.server is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                code = 0  # gone, reaped by init: its exit code and CPU time are lost
        if code is not None:
            self.kernel_cpu = cpu
        return code

    async def wait(self) -> int | None:
        if not self._forked:
            return await super().wait()
        while (code := await self.poll()) is None:
            await asyncio.sleep(0.05)
        self.pid = None
        return code

    async def send_signal(self, signum: int) -> None:
        if not self._forked:
            return await super().send_signal(signum)
        assert self.pid is not None
        try:
            os.killpg(self.pid, signum)
        except OSError:
            os.kill(self.pid, signum)
        return None

    async def kill(self, restart: bool = False) -> None:
        if not self._forked:
            return await super().kill(restart)
        with _no_such_process():
            await self.send_signal(signal.SIGKILL)
        return None

    async def terminate(self, restart: bool = False) -> None:
        if not self._forked:
            return await super().terminate(restart)
        with _no_such_process():
            await self.send_signal(signal.SIGTERM)
        return None


class _no_such_process:  # noqa: N801 (used as a context manager)
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, *_: object) -> bool:
        return kind is not None and issubclass(kind, ProcessLookupError)


if __name__ == "__main__":
    from sciedu.lifeline import die_with_parent

    die_with_parent(int(os.environ.get("SCIEDU_PARENT_PID", "0")) or None)  # a killed build takes its warm parent
    serve(sys.argv[1])
