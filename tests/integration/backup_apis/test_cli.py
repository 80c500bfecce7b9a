"""From the command line, as the docs say: the token into the real keyring with `secrets set`, the
check added with `checks add` (bad parameters refused by name, nothing written), then
`poll --once --json` reading the PBS replay server."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest

from msp_console.cli import main
from tests.integration.backup_apis.conftest import Appliance, Office
from tests.integration.backup_apis.fixtures import pbs
from tests.support.keyring_session import KeyringSession


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_store_and_poll_a_pbs_check(
    office: Office, appliance: Appliance, gnome_keyring: KeyringSession,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    db = ["--database", f"sqlite:///{office.db_file}"]
    url = f"https://127.0.0.1:{appliance.server.port}"
    base = ["checks", "add", "Studio Rossi/nas", "proxmox_backup", "--name", "pbs", "--param", f"url={url}",
            "--param", f"token_id={pbs.TOKEN_ID}", "--param", "token_ref=backup:pbs:token"]  # fmt: skip

    code, _, err = run(capsys, *db, *base, "--param", "fingerprint=12:34", "--param", "usage_warn=300")
    assert code == 1 and "fingerprint: fingerprint '12:34' is not a SHA-256 fingerprint" in err
    assert "usage_warn: '300' must be a percentage" in err
    listed = run(capsys, *db, "checks", "list", "--json")[1]
    assert "proxmox_backup" not in listed  # nothing was written
    for check in json.loads(listed):  # only the new check polls below (not the machines' templates)
        assert (
            run(capsys, *db, "checks", "remove", f"{check['client']}/{check['machine']}", check["name"])[0]
            == 0
        )

    monkeypatch.setattr("sys.stdin", io.StringIO(pbs.TOKEN_SECRET + "\n"))
    assert run(capsys, *db, "secrets", "set", "backup:pbs:token")[0] == 0
    code, out, err = run(capsys, *db, *base, "--param", f"fingerprint={appliance.pin}")
    assert code == 0 and "every 900 s" in out, err  # appliances start at a quarter of an hour

    appliance.server.responder = pbs.responder(pbs.nightly(datetime.now(UTC), "100", 30, [5 << 30] * 7))
    code, out, err = run(capsys, *db, "poll", "--once", "--json")
    assert code == 0, err
    (row,) = [json.loads(line) for line in out.strip().splitlines()]
    assert row["check"] == "pbs" and row["state"] == "WARNING" and "30.0 h old" in row["output"], row
    assert pbs.TOKEN_SECRET not in out
