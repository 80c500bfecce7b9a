"""OpenSSH sshd for tests: own config and host keys, a test user, logs at DEBUG3 (TESTING.md recipe)."""

from __future__ import annotations

import os
import pwd
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.components import free_port, is_root, missing, need_binary

TEST_USER = "msptest"
TEST_PASSWORD = "Test-Pass-123"
SSHD = "/usr/sbin/sshd"


def ensure_test_user(client_pub: Path | None = None) -> Path:
    """Creates ``msptest`` (idempotent) with empty shell rc files; installs ``client_pub`` if given."""
    if not is_root():
        missing("the msptest user", "the SSH tests create a user and need root")
    try:
        pwd.getpwnam(TEST_USER)
    except KeyError:
        done = subprocess.run(["useradd", "-m", "-s", "/bin/bash", TEST_USER], capture_output=True, text=True)
        if done.returncode not in (0, 9):  # 9: created meanwhile by another test process
            raise RuntimeError(f"useradd failed: {done.stderr}") from None
    subprocess.run(["chpasswd"], input=f"{TEST_USER}:{TEST_PASSWORD}\n", text=True, check=True)
    entry = pwd.getpwnam(TEST_USER)
    home = Path(entry.pw_dir)
    for rc in (".bashrc", ".profile"):
        (home / rc).write_text("")
    ssh_dir = home / ".ssh"
    ssh_dir.mkdir(mode=0o700, exist_ok=True)
    os.chown(ssh_dir, entry.pw_uid, entry.pw_gid)
    ssh_dir.chmod(0o700)
    if client_pub is not None:
        auth = ssh_dir / "authorized_keys"
        line = client_pub.read_text().strip()
        existing = auth.read_text().splitlines() if auth.exists() else []
        # Drop keys of earlier runs whose key file is gone (their comment is "msp-test:<path>");
        # keys of runs still going, and of other suites, stay.
        kept = [k for k in existing if not _stale(k) and k != line]
        auth.write_text("".join(k + "\n" for k in [*kept, line]))
        os.chown(auth, entry.pw_uid, entry.pw_gid)
        auth.chmod(0o600)
    return home


def _stale(line: str) -> bool:
    comment = line.split()[-1] if line.split() else ""
    return comment.startswith("msp-test:") and not Path(comment.removeprefix("msp-test:")).exists()


def keygen(path: Path, kind: str = "ed25519") -> Path:
    need_binary("ssh-keygen", "openssh-client")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
        path.with_suffix(".pub").unlink(missing_ok=True)
    subprocess.run(
        ["ssh-keygen", "-q", "-t", kind, "-N", "", "-C", f"msp-test:{path}", "-f", str(path)], check=True
    )
    return path


def fingerprint_of(pub: Path) -> str:
    out = subprocess.run(["ssh-keygen", "-lf", str(pub)], capture_output=True, text=True, check=True).stdout
    return out.split()[1]


@dataclass
class SshServer:
    base: Path
    host: str
    port: int
    host_key: Path
    netns: str | None = None
    extra_config: str = ""  # more sshd_config lines (e.g. a ForceCommand that plays another OS)
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _log_offset: int = 0

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    @property
    def log(self) -> Path:
        return self.base / f"sshd-{self.port}.log"

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(Path(str(self.host_key) + ".pub"))

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def start(self) -> SshServer:
        need_binary(SSHD, "openssh-server")
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
        config = self.base / f"sshd_config-{self.port}"
        config.write_text(
            f"ListenAddress {self.host}:{self.port}\nHostKey {self.host_key}\n"
            f"PidFile {self.base}/sshd-{self.port}.pid\nUsePAM no\nPubkeyAuthentication yes\n"
            "PasswordAuthentication yes\nKbdInteractiveAuthentication no\nPermitRootLogin no\n"
            f"AllowUsers {TEST_USER}\nMaxStartups 200\nMaxSessions 100\nLogLevel DEBUG3\n"
            "UseDNS no\nPrintMotd no\nPrintLastLog no\n" + self.extra_config
        )
        argv = [SSHD, "-D", "-e", "-f", str(config)]
        self._log_offset = self.log.stat().st_size if self.log.exists() else 0
        if self.netns:
            argv = ["ip", "netns", "exec", self.netns, *argv]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(argv, stdout=log, stderr=log)
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        give_up = time.monotonic() + 15  # ~0.06 s normally; generous for a loaded CI box
        while time.monotonic() < give_up:
            if "Server listening" in self.log_text()[self._log_offset :]:
                return
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"sshd exited: {self.log_text()[-2000:]}")
            time.sleep(0.01)
        raise RuntimeError("sshd did not start listening within 15 s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None

    def freeze(self) -> None:
        os.kill(self.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.pid, signal.SIGCONT)


def client_key(base: Path) -> Path:
    """An ed25519 client key pair installed for msptest; returns the private key path."""
    key = keygen(base / "client_ed25519")
    ensure_test_user(Path(str(key) + ".pub"))
    return key


def start_sshd(
    base: Path,
    host: str = "127.0.0.1",
    port: int | None = None,
    netns: str | None = None,
    host_key: Path | None = None,
    extra_config: str = "",
) -> SshServer:
    base.mkdir(parents=True, exist_ok=True)
    base.chmod(0o755)
    port = port or free_port(host if host.startswith("127.") else "127.0.0.1")
    key = host_key or keygen(base / f"host_ed25519_{port}")
    return SshServer(base, host, port, key, netns, extra_config).start()


def wait_port_closed(host: str, port: int) -> None:
    for _ in range(100):
        with socket.socket() as s:
            s.settimeout(0.2)
            if s.connect_ex((host, port)) != 0:
                return
        time.sleep(0.02)


__all__ = ["TEST_PASSWORD", "TEST_USER", "SshServer", "client_key", "start_sshd"]
