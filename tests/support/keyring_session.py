"""gnome-keyring (Secret Service) on a private D-Bus session, unlocked with a test password."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.components import need_binary


@dataclass
class KeyringSession:
    base: Path
    env: dict[str, str] = field(default_factory=dict)
    pids: list[int] = field(default_factory=list)
    _daemon: subprocess.Popen[bytes] | None = None

    def start(self) -> KeyringSession:
        dbus = need_binary("dbus-daemon", "dbus")
        gkd = need_binary("gnome-keyring-daemon", "gnome-keyring")
        for sub in ("home", "data", "run"):
            (self.base / sub).mkdir(parents=True, exist_ok=True)
        (self.base / "run").chmod(0o700)
        self.env = {
            "HOME": str(self.base / "home"),
            "XDG_DATA_HOME": str(self.base / "data"),
            "XDG_RUNTIME_DIR": str(self.base / "run"),
        }
        env = {**os.environ, **self.env}
        out = subprocess.run(
            [dbus, "--session", "--fork", "--print-address=1", "--print-pid=1"],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout.split()
        address, pid = out[0], int(out[1])
        self.pids.append(pid)
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        self._daemon = subprocess.Popen(
            [gkd, "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert self._daemon.stdin is not None
        self._daemon.stdin.write(b"keyring-test-pass")
        self._daemon.stdin.close()
        self.pids.append(self._daemon.pid)
        for _ in range(300):  # ~0.2 s normally
            probe = subprocess.run(
                [
                    "dbus-send",
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/",
                    "org.freedesktop.DBus.NameHasOwner",
                    "string:org.freedesktop.secrets",
                ],
                capture_output=True,
                text=True,
                env=env,
            )
            if "boolean true" in probe.stdout:
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("gnome-keyring-daemon did not register org.freedesktop.secrets")

    def stop(self) -> None:
        for pid in reversed(self.pids):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        if self._daemon is not None:
            try:
                self._daemon.wait(5)
            except subprocess.TimeoutExpired:
                self._daemon.kill()
        self.pids.clear()
        shutil.rmtree(self.base, ignore_errors=True)


def start_keyring() -> KeyringSession:
    return KeyringSession(Path(tempfile.mkdtemp(prefix="msp-keyring-"))).start()


@contextlib.contextmanager
def keyring_in_environment() -> Iterator[KeyringSession]:
    """A private gnome-keyring that the `keyring` library uses until the block ends, as the app
    would find it at start (the backend is detected from the environment)."""
    import keyring
    from keyring.backends import fail

    session = start_keyring()
    saved = {k: os.environ.get(k) for k in session.env}
    os.environ.update(session.env)
    # The list of usable backends is worked out once per process: a test that ran before without
    # a D-Bus session left it without the Secret Service. Forget it, so the new bus is found.
    with contextlib.suppress(KeyError):  # KeyError: not worked out yet in this process
        keyring.backend.get_all_keyring.reset()
    keyring.core.init_backend()
    try:
        yield session
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        keyring.set_keyring(fail.Keyring())
        session.stop()
