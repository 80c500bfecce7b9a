"""The SdI channel end to end against real servers (Dovecot IMAP + SMTP on loopback, a real
keyring): the month's invoices prechecked and sent one PEC message each, the SdI played by a
fixture that answers from the published examples, `sdi fetch` applying every answer once — also
when killed mid-way, when the connection drops, when the login is refused, on bad input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from msp_console.app import App
from msp_console.cli import main
from msp_console.db.models.sdi import SdiEvent
from msp_console.mail.store import save_account
from msp_console.services.billing.sdi_channel import show_channel
from msp_console.services.billing.sdi_records import status_of
from tests.integration.sdi.pec_fixtures import PecSetup, with_port
from tests.integration.sdi.sdi_player import notification, tamper
from tests.support.mail_servers import DroppingProxy, MailLab

SRC = Path(__file__).resolve().parents[3] / "src"


def run(capsys: Any, app: App, *args: str) -> tuple[int, str]:
    code = main(["--database", app.db.url, *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def states(app: App) -> dict[str, str]:
    return {s.number: s.state for s in status_of(app.db).values()}


def applied_events(app: App) -> list[str]:
    with app.db.read() as s:
        return list(s.scalars(select(SdiEvent.notification).where(SdiEvent.notification.is_not(None))))


def send_month(capsys: Any, pec: PecSetup) -> dict[str, str]:
    code, out = run(capsys, pec.app, "sdi", "send", "--month", "2026-12", "--json")
    assert code == 0, out
    return {i["number"]: i["file_name"] for i in json.loads(out)["invoices"]}


def test_the_month_is_sent_answered_and_shown_with_the_codes(pec: PecSetup, capsys: Any) -> None:
    files = send_month(capsys, pec)
    received = pec.sdi.received()
    assert sorted((box, name) for box, name, _ in received) == [
        (pec.sdi.public.address, f) for f in files.values()
    ]
    assert all(b"<FatturaElettronica" in data for _, _, data in received)
    assert len(pec.sdi.lab.messages(pec.sdi.public.address)) == 3  # one PEC message per invoice

    first, second, third = files
    pec.sdi.answer(  # wrapped in PEC envelopes (postacert.eml), as providers deliver them
        {files[first]: "RC", files[second]: "NS", files[third]: "MC"},
        signed={files[first]},
        errors=[("00305", "1.4.1.1.2 <IdCodice> non valido")],
        envelope=True,
    )
    code, out = run(capsys, pec.app, "sdi", "fetch")
    assert code == 0, out
    assert states(pec.app) == {first: "delivered", second: "rejected", third: "not_delivered"}
    assert "00305 1.4.1.1.2 <IdCodice> non valido" in out
    code, out = run(capsys, pec.app, "sdi", "status", second)
    assert "rejected" in out and "00305" in out

    code, out = run(capsys, pec.app, "sdi", "fetch", "--json")  # a second fetch changes nothing
    assert code == 0 and json.loads(out)["applied"] == []
    assert len(applied_events(pec.app)) == 3

    # the answers came from the SdI's dedicated address: the resend of the rejected one goes there
    assert show_channel(pec.app.db)["sends_to"] == pec.sdi.dedicated.address
    code, out = run(capsys, pec.app, "sdi", "send", second)
    assert code == 0, out
    assert [name for box, name, _ in pec.sdi.received() if box == pec.sdi.dedicated.address] == [
        "IT01234567897_00004.xml"
    ]


def test_fetch_killed_mid_way_then_run_again_applies_each_notification_once(
    pec: PecSetup, capsys: Any
) -> None:
    files = send_month(capsys, pec)
    pec.sdi.answer({name: "RC" for name in files.values()})
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{SRC.parent}"}
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("fetch_then_die.py")), pec.app.db.url],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert len(applied_events(pec.app)) == 1  # applied and committed, its message not marked

    code, out = run(capsys, pec.app, "sdi", "fetch", "--json")
    assert code == 0, out
    outcomes = sorted(a["outcome"] for a in json.loads(out)["applied"])
    assert outcomes == ["applied", "applied", "duplicate"]
    assert len(applied_events(pec.app)) == 3 and set(states(pec.app).values()) == {"delivered"}
    code, out = run(capsys, pec.app, "sdi", "fetch", "--json")
    assert json.loads(out)["applied"] == []


def test_a_dropped_connection_loses_and_repeats_nothing(
    pec: PecSetup, capsys: Any, mail_lab: MailLab
) -> None:
    files = send_month(capsys, pec)
    pec.sdi.answer({name: "RC" for name in files.values()})
    proxy = DroppingProxy(mail_lab.dovecot.imaps_port, drop_after=9_000)  # cut during the 2nd message
    save_account(pec.app.db, with_port(pec.account, imap_port=proxy.port), None, replace=True)
    try:
        code, out = run(capsys, pec.app, "sdi", "fetch")
    finally:
        proxy.close()
    assert code == 4, out
    assert "dropped the connection" in out and "run it again" in out
    before = len(applied_events(pec.app))
    assert before < 3
    save_account(pec.app.db, pec.account, None, replace=True)
    code, out = run(capsys, pec.app, "sdi", "fetch")
    assert code == 0, out
    with pec.app.db.read() as s:
        assert s.scalar(select(func.count(SdiEvent.id)).where(SdiEvent.kind == "RC")) == 3


def test_a_refused_login_says_so_and_changes_nothing(pec: PecSetup, capsys: Any) -> None:
    from msp_console.secrets import set_secret

    set_secret(pec.account.secret_ref, "not-the-password")
    code, out = run(capsys, pec.app, "sdi", "send", "2026/0001")
    assert code == 4, out
    assert "refused the login" in out
    assert states(pec.app) == {"2026/0001": "failed"}  # recorded, shown, to be retried
    code, out = run(capsys, pec.app, "sdi", "fetch")
    assert code == 4 and "refused the login" in out

    set_secret(pec.account.secret_ref, pec.password)
    code, out = run(capsys, pec.app, "sdi", "send", "2026/0001")
    assert code == 0, out
    assert states(pec.app) == {"2026/0001": "sent"}
    assert [name for _, name, _ in pec.sdi.received()] == ["IT01234567897_00002.xml"]


def test_bad_notifications_in_the_inbox_are_reported_and_nothing_is_lost(pec: PecSetup, capsys: Any) -> None:
    files = send_month(capsys, pec)
    number_1, number_2, _ = files
    first, second, _ = files.values()
    name, xml = notification("NS", first)
    pec.sdi.send(name, xml[:300], "malformed")
    forged = tamper(pec.sdi.signer.p7m(xml), b"Certificato di firma scaduto", b"Certificato di firma valido!")
    pec.sdi.send(name + ".p7m", forged, "forged")
    pec.sdi.send(*notification("RC", "IT01234567897_ZZZZZ.xml", sdi_id="999999"), "unknown")
    pec.sdi.send(*notification("RC", second), "good")

    code, out = run(capsys, pec.app, "sdi", "fetch")
    assert code == 1, out
    assert "not XML" in out and "signature does not verify" in out and "never sent" in out
    assert states(pec.app)[number_2] == "delivered" and states(pec.app)[number_1] == "sent"
    code, out = run(capsys, pec.app, "sdi", "fetch", "--json")  # the unreadable ones are still there
    outcomes = sorted(a["outcome"] for a in json.loads(out)["applied"])
    assert outcomes == ["invalid", "invalid"]
    assert len(applied_events(pec.app)) == 1
