"""The demo week and the headless commands, as a user would run them."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from msp_console.app import App
from msp_console.cli import main
from msp_console.demo import ensure_demo_data
from msp_console.domain.intervention_state import InterventionState
from msp_console.services.interventions import Scheduling
from msp_console.services.interventions.demo import add_demo_interventions

ROME = ZoneInfo("Europe/Rome")


def test_demo_has_every_state_and_a_realistic_week(sqlite_url: str) -> None:
    app = App.open(sqlite_url)
    try:
        now = datetime(2026, 11, 25, 11, tzinfo=ROME)  # a Wednesday
        assert ensure_demo_data(app, now)
        assert not add_demo_interventions(app, now)  # only once
        sc = Scheduling(app.db)
        states = {i.state for i in sc.interventions.list()}
        assert states == {s.value for s in InterventionState}
        week = sc.week(date(2026, 11, 23))
        per_day = {
            d: [a for a in week if a.start.date() == date(2026, 11, 23) + timedelta(days=d)] for d in range(5)
        }
        assert all(2 <= len(v) <= 6 for v in per_day.values()), {d: len(v) for d, v in per_day.items()}
        assert {a.technician for a in week} == {"Luca", "Anna"}
        assert any(a.on_site for a in week) and any(a.recurring for a in week)
        today = sc.today(now)
        assert today.problems_to_call and today.appointments
        assert [c.kind for c in sc.today(datetime(2026, 11, 23, 8, tzinfo=ROME)).calls_due] == ["follow_up"]
    finally:
        app.close()


def run(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--database", db, *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_headless_commands(sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = App.open(sqlite_url)
    cid = app.inventory.save_client({"name": "Hotel Bellavista", "vat_number": "01234567897"})
    app.inventory.save_machine(cid, {"name": "srv-01", "kind": "server"})
    app.inventory.save_contact(cid, {"name": "Giulia Rossi", "phone": "+39 031 123456"})
    app.close()
    db = sqlite_url
    code, out, _ = run(
        capsys,
        db,
        "interventions",
        "open",
        "--client",
        "Hotel Bellavista",
        "--title",
        "Disk full",
        "--machine",
        "srv-01",
        "--priority",
        "P2",
        "--json",
    )
    assert code == 0
    iid = json.loads(out)["id"]
    code, out, _ = run(
        capsys,
        db,
        "calls",
        "log",
        "--client",
        "Hotel Bellavista",
        "--intervention",
        str(iid),
        "--contact",
        "Giulia Rossi",
        "--outcome",
        "reached",
    )
    assert code == 0 and "intervention now contacted" in out
    start = (datetime.now(ROME) + timedelta(days=3)).replace(hour=14, minute=0, second=0, microsecond=0)
    base = [
        "appointments",
        "add",
        "--client",
        "Hotel Bellavista",
        "--intervention",
        str(iid),
        "--duration",
        "60",
        "--technician",
        "Luca",
    ]
    code, out, _ = run(
        capsys, db, *base, "--start", start.strftime("%Y-%m-%dT%H:%M"), "--title", "Cleanup", "--json"
    )
    assert code == 0
    json.loads(out)["id"]
    clash = start + timedelta(minutes=30)
    code, _, err = run(capsys, db, *base, "--start", clash.strftime("%Y-%m-%dT%H:%M"), "--title", "Other")
    assert code == 1 and "Luca busy with" in err and "--force" in err
    code, out, _ = run(
        capsys, db, *base, "--start", clash.strftime("%Y-%m-%dT%H:%M"), "--title", "Other", "--force"
    )
    assert code == 0 and "also busy" in out
    code, _, err = run(capsys, db, *base, "--start", "2020-01-01T10:00", "--title", "x", "--duration", "0")
    assert code == 1 and "duration" in err
    code, out, _ = run(capsys, db, "appointments", "list", "--from", start.date().isoformat(), "--json")
    assert [a["title"] for a in json.loads(out)["appointments"]] == ["Cleanup", "Other"]
    code, out, _ = run(capsys, db, "interventions", "show", str(iid), "--json")
    shown = json.loads(out)
    assert shown["state"] == "scheduled" and [t["kind"] for t in shown["timeline"]].count("appointment") == 2
    ics = tmp_path / "week.ics"
    code, _, _ = run(
        capsys,
        db,
        "appointments",
        "export",
        "--ics",
        str(ics),
        "--from",
        start.date().isoformat(),
        "--to",
        start.date().isoformat(),
    )
    assert code == 0 and len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 2
    code, _, err = run(capsys, db, "interventions", "move", str(iid), "closed_forever")
    assert code == 1 and "state: unknown state 'closed_forever'" in err
    code, _, err = run(capsys, db, "interventions", "move", str(iid), "awaiting_check")
    assert code == 1 and "cannot go from scheduled to awaiting_check" in err
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n")
    code, _, err = run(
        capsys, db, "appointments", "import", "--ics", str(broken), "--client", "Hotel Bellavista"
    )
    assert code == 1 and "line 3: DTSTART" in err
    code, out, _ = run(capsys, db, "interventions", "close", str(iid))
    assert code == 0 and "closed" in out
    code, out, _ = run(capsys, db, "today", "--json")
    assert code == 0 and "sla_alerts" in json.loads(out)
