"""`msp-console profiles|secrets set|connect --dry-run|sessions` on a real database and a real keyring."""

from __future__ import annotations

import io
import json
from pathlib import Path

import keyring.core
import pytest
from keyring.backends import fail

from msp_console import secrets
from msp_console.cli import main
from msp_console.remote.audit import record_end, record_start
from tests.integration.remote.conftest import Fleet
from tests.support.keyring_session import KeyringSession
from tests.support.leaks import files_showing

PW = "Cli-Secret-77"


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:  # fmt: skip
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(fleet: Fleet) -> list[str]:
    return ["--database", f"sqlite:///{fleet.db_file}"]


def test_profiles_secrets_and_dry_run(
    fleet: Fleet, db: list[str], gnome_keyring: KeyringSession, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    code, out, _ = run(capsys, *db, "profiles", "list", "Lab/win")
    assert code == 0 and "rdp" in out and "proposed" in out
    assert run(capsys, *db, "profiles", "add", "Lab/gw", "ssh", "ssh", "--user", "msptest")[0] == 0
    code, out, err = run(capsys, *db, "profiles", "add", "Lab/srv", "ssh", "ssh", "--user", "root",
                         "--credential", "profile", "--jump", "gw", "-o", "agent_forwarding=yes")  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, *db, "profiles", "add", "Lab/srv", "web", "web", "-o", "fullscreen=yes")
    assert code == 1 and "not an option of web" in err
    code, _, err = run(capsys, *db, "profiles", "add", "Lab/srv", "x", "rdp", "--jump", "nowhere")
    assert code == 1 and "no ssh profile" in err

    # secrets: from stdin (not a terminal), never from argv
    code, out, err = run(capsys, *db, "secrets", "set", "Lab/srv", stdin=PW + "\n", monkeypatch=monkeypatch)
    assert code == 0 and "remote:profile:" in out, err
    ref = out.strip().rsplit("(", 1)[1].rstrip(")")
    assert secrets.get_secret(ref) == PW
    code, out, _ = run(
        capsys, *db, "secrets", "set", "Lab", "--user", "admin", stdin="adm\n", monkeypatch=monkeypatch
    )
    assert code == 0 and secrets.get_secret(f"remote:client:{fleet.client_id}:admin") == "adm"
    code, out, _ = run(capsys, *db, "secrets", "set", "--shared", "printers", "--user", "root", stdin="p\n",
                       monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0 and secrets.get_secret("remote:shared:printers") == "p"
    code, out, _ = run(capsys, *db, "secrets", "set", "machine:1:ssh", stdin="raw\n", monkeypatch=monkeypatch)
    assert code == 0 and secrets.get_secret("machine:1:ssh") == "raw"  # the plain REF form still works
    code, _, err = run(capsys, *db, "secrets", "set", "Lab/srv", stdin="\n", monkeypatch=monkeypatch)
    assert code == 1 and "empty" in err
    assert secrets.get_secret(ref) == PW
    assert PW.encode() not in fleet.db_file.read_bytes()

    code, out, err = run(capsys, *db, "connect", "Lab/srv", "--dry-run", "--json", "--terminal", "tmux")
    assert code == 0, err
    view = json.loads(out)
    assert PW not in out
    assert view["tunnel"].startswith("127.0.0.1:<tunnel-port>") and "10.200.9.11" in view["tunnel"]
    assert (
        "HostKeyAlias=10.200.9.12" in view["argv"]
        and "<tunnel-port>" in view["argv"]
        and "-A" in view["argv"]
    )
    files = {Path(f["path"]).name: f for f in view["files"]}
    assert files["ssh-pass"]["content"] == "********" and files["ssh-pass"]["mode"] == "0o600"
    assert files["askpass"]["mode"] == "0o700"
    code, out, _ = run(capsys, *db, "connect", "Lab/srv", "--dry-run", "--terminal", "tmux")
    assert code == 0 and "argv:" in out and "SSH_ASKPASS" in out and PW not in out

    assert run(capsys, *db, "profiles", "add", "Lab/srv", "admin", "web", "-o", "scheme=https")[0] == 0
    assert run(capsys, *db, "profiles", "default", "Lab/srv", "admin")[0] == 0
    code, out, _ = run(capsys, *db, "profiles", "list", "Lab/srv", "--json")
    assert [(p["name"], p["default"]) for p in json.loads(out)] == [("admin", True), ("ssh", False)]
    code, out, _ = run(capsys, *db, "profiles", "remove", "Lab/srv", "ssh")
    assert code == 0 and secrets.get_secret(ref) is None  # its keyring entry went with it
    assert files_showing(PW, tmp_path) == []  # database, logs, data directory


def test_bad_input(fleet: Fleet, db: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path,
                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    code, _, err = run(capsys, *db, "connect", "Lab/nope", "--dry-run")
    assert code == 1 and "no machine 'Lab/nope'" in err
    code, _, err = run(capsys, *db, "connect", "Nobody/x")
    assert code == 1 and "no machine" in err
    assert run(capsys, *db, "profiles", "add", "Lab/win", "rdp", "rdp", "--user", "admin")[0] == 0
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # a desk PC without any RDP client
    code, _, err = run(capsys, *db, "connect", "Lab/win")
    assert code == 1 and "no RDP client is installed" in err and "freerdp2-x11" in err
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())  # a desk PC without a keyring
    code, _, err = run(capsys, *db, "secrets", "set", "Lab/win", stdin="x\n", monkeypatch=monkeypatch)
    assert code == 1 and "No usable OS keyring" in err and "gnome-keyring" in err


def test_connect_runs_the_tool_and_logs_the_session(
    fleet: Fleet, db: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    template = "sh -c 'exit 3' {host}"
    assert (
        run(capsys, *db, "profiles", "add", "Lab/gw", "tool", "custom", "-o", f"template={template}")[0] == 0
    )
    code, out, err = run(capsys, *db, "connect", "Lab/gw")
    assert code == 0, err
    assert "custom command to Lab/gw" in out and "ended (exit 3)" in out
    code, out, _ = run(capsys, *db, "sessions", "--json")
    (row,) = json.loads(out)
    assert (row["machine"], row["protocol"], row["profile"], row["exit_code"]) == (
        "Lab/gw",
        "custom",
        "tool",
        3,
    )


def test_sessions_log(fleet: Fleet, db: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *db, "sessions")
    assert code == 0 and "no remote sessions yet" in out
    sid, _ = record_start(
        fleet.db, machine_id=fleet.machines["srv"], protocol="ssh", profile_id=None, profile_name="ssh",
        technician="marco", target="10.200.9.12:22", tunnel="", tool="ssh",
    )  # fmt: skip
    record_end(fleet.db, sid, 0)
    code, out, _ = run(capsys, *db, "sessions", "--json")
    (row,) = json.loads(out)
    assert (row["machine"], row["protocol"], row["technician"], row["exit_code"]) == (
        "Lab/srv",
        "ssh",
        "marco",
        0,
    )
    assert row["duration_seconds"] is not None
    code, out, _ = run(capsys, *db, "sessions")
    assert "Lab/srv" in out and "marco" in out and "exit 0" in out


def test_the_remote_client_chosen_in_settings_is_used_unless_the_profile_names_one(
    fleet: Fleet, db: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from msp_console.preferences import update_preferences

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("xfreerdp", "remmina"):  # a desk PC with two RDP clients
        tool = bin_dir / name
        tool.write_text("#!/bin/sh\nexit 0\n")
        tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    assert run(capsys, *db, "profiles", "add", "Lab/win", "rdp", "rdp", "--user", "admin")[0] == 0

    def tool_used() -> str:
        code, out, err = run(capsys, *db, "connect", "Lab/win", "--profile", "rdp", "--dry-run", "--json")
        assert code == 0, err
        return str(json.loads(out)["tool"])

    assert tool_used() == "xfreerdp2"  # nothing chosen: the first one installed
    update_preferences(rdp_client="remmina")
    assert tool_used() == "remmina"
    assert run(capsys, *db, "profiles", "add", "Lab/win", "rdp2", "rdp", "-o", "client=xfreerdp2")[0] == 0
    code, out, _ = run(capsys, *db, "connect", "Lab/win", "--profile", "rdp2", "--dry-run", "--json")
    assert code == 0 and json.loads(out)["tool"] == "xfreerdp2"  # the profile's own choice wins
