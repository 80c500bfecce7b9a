"""xrdp + xrdp-sesman on loopback, Xvfb displays and a TigerVNC server (TESTING.md recipes).

xrdp-sesman always binds [::1]:3350, so only one xrdp lab may run at a time (session-scoped fixture).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.components import free_port, need_binary


def _stop(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def _wait_for(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not come up within {timeout:g} s")


def free_display() -> int:
    for n in range(91, 190):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number")


@dataclass
class Xvfb:
    display: int = 0
    proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Xvfb:
        xvfb = need_binary("Xvfb", "xvfb")
        self.display = free_display()
        self.proc = subprocess.Popen(
            [xvfb, f":{self.display}", "-nolisten", "tcp", "-screen", "0", "1024x768x24"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for(lambda: Path(f"/tmp/.X11-unix/X{self.display}").exists(), 10, "Xvfb")
        return self

    @property
    def env_value(self) -> str:
        return f":{self.display}"

    def stop(self) -> None:
        _stop(self.proc)


@dataclass
class XrdpServer:
    base: Path
    port: int = 0
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def sesman_log(self) -> Path:
        return self.base / "sesman.log"

    def sesman_text(self) -> str:
        return self.sesman_log.read_text(errors="replace") if self.sesman_log.exists() else ""

    def start(self) -> XrdpServer:
        xrdp = need_binary("xrdp", "xrdp")
        sesman = need_binary("xrdp-sesman", "xrdp")
        need_binary("/usr/lib/xorg/Xorg", "xorgxrdp")
        self.base.mkdir(parents=True, exist_ok=True)
        self.base.chmod(0o755)
        self.port = free_port()
        wm = self.base / "wm.sh"
        wm.write_text("#!/bin/sh\nexec sleep 3\n")  # the desktop session ends by itself
        wm.chmod(0o755)
        ini = Path("/etc/xrdp/xrdp.ini").read_text()
        ini = re.sub(r"(?m)^port=.*$", f"port=tcp://127.0.0.1:{self.port}", ini, count=1)
        ini = re.sub(r"(?m)^fork=.*$", "fork=false", ini)
        ini = re.sub(r"(?m)^LogFile=.*$", f"LogFile={self.base}/xrdp.log", ini)
        ini = re.sub(r"(?m)^EnableSyslog=.*$", "EnableSyslog=false", ini)
        (self.base / "xrdp.ini").write_text(ini)
        ses = Path("/etc/xrdp/sesman.ini").read_text()
        ses = re.sub(r"(?m)^LogFile=.*$", f"LogFile={self.sesman_log}", ses)
        ses = re.sub(r"(?m)^EnableSyslog=.*$", "EnableSyslog=false", ses)
        ses = re.sub(r"(?m)^DefaultWindowManager=.*$", f"DefaultWindowManager={wm}", ses)
        ses = re.sub(r"(?m)^EnableUserWindowManager=.*$", "EnableUserWindowManager=false", ses)
        (self.base / "sesman.ini").write_text(ses)
        Path("/run/xrdp/sockdir").mkdir(parents=True, exist_ok=True)
        os.chmod("/run/xrdp/sockdir", 0o3777)
        out = (self.base / "console.log").open("ab")
        self.procs.append(subprocess.Popen([sesman, "--nodaemon", "--config", str(self.base / "sesman.ini")],
                                           stdout=out, stderr=out))  # fmt: skip
        _wait_for(lambda: "starting xrdp-sesman" in self.sesman_text(), 10, "xrdp-sesman")
        self.procs.append(subprocess.Popen([xrdp, "--nodaemon", "--config", str(self.base / "xrdp.ini")],
                                           stdout=out, stderr=out))  # fmt: skip
        _wait_for(self._listening, 10, "xrdp")
        return self

    def _listening(self) -> bool:
        import socket

        with socket.socket() as s, contextlib.suppress(OSError):
            s.settimeout(0.2)
            return s.connect_ex(("127.0.0.1", self.port)) == 0
        return False

    def stop(self) -> None:
        for p in reversed(self.procs):
            _stop(p)
        self.procs.clear()


@dataclass
class VncServer:
    base: Path
    password: str
    display: int = 0
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None

    @property
    def log(self) -> Path:
        return self.base / "xtigervnc.log"

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def start(self) -> VncServer:
        server = need_binary("Xtigervnc", "tigervnc-standalone-server")
        vncpasswd = need_binary("vncpasswd", "tigervnc-tools")
        self.base.mkdir(parents=True, exist_ok=True)
        pw = self.base / "server-passwd"
        with pw.open("wb") as out:
            subprocess.run([vncpasswd, "-f"], input=self.password.encode() + b"\n", stdout=out, check=True)
        pw.chmod(0o600)
        self.display, self.port = free_display(), free_port()
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [server, f":{self.display}", "-localhost=1", "-rfbport", str(self.port), "-SecurityTypes",
                 "VncAuth", "-PasswordFile", str(pw), "-geometry", "800x600", "-depth", "24", "-nolisten",
                 "tcp", "-Log", "*:stderr:30"],
                stdout=log, stderr=log,
            )  # fmt: skip
        _wait_for(lambda: "Listening for VNC connections" in self.log_text(), 10, "Xtigervnc")
        return self

    def stop(self) -> None:
        _stop(self.proc)
