"""net-snmp's snmpd on udp:127.0.0.1:<free port> with a v2c community and a v3 user."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.components import need_binary

COMMUNITY = "public"
V3_USER = "mspv3"
V3_AUTH = "auth-pass-123"
V3_PRIV = "priv-pass-123"


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class SnmpServer:
    base: Path
    port: int = 0
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _log_offset: int = 0

    def start(self) -> SnmpServer:
        binary = need_binary("/usr/sbin/snmpd", "snmpd")
        self.base.mkdir(parents=True, exist_ok=True)
        (self.base / "persist").mkdir(exist_ok=True)
        self.port = self.port or free_udp_port()
        conf = self.base / "snmpd.conf"
        conf.write_text(
            f"rocommunity {COMMUNITY} 127.0.0.1\n"
            f'createUser {V3_USER} SHA "{V3_AUTH}" AES "{V3_PRIV}"\n'
            f"rouser {V3_USER} priv\n"
        )
        env = {**os.environ, "MIBS": "", "SNMP_PERSISTENT_DIR": str(self.base / "persist")}
        log_path = self.base / "snmpd.log"
        self._log_offset = log_path.stat().st_size if log_path.exists() else 0
        log = log_path.open("ab")
        self.proc = subprocess.Popen(
            [
                binary,
                "-f",
                "-Lo",
                "-C",
                "-c",
                str(conf),
                "-p",
                str(self.base / "snmpd.pid"),
                f"udp:127.0.0.1:{self.port}",
            ],
            stdout=log,
            stderr=log,
            env=env,
        )
        log.close()
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        for _ in range(100):
            if (
                "NET-SNMP version"
                in (self.base / "snmpd.log").read_text(errors="replace")[self._log_offset :]
            ):
                return
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError("snmpd exited: " + (self.base / "snmpd.log").read_text()[-1000:])
            time.sleep(0.05)
        raise RuntimeError("snmpd did not start within 5 s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()
