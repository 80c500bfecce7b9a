"""`msp-console appointments edit`: fields, one occurrence or the series, conflicts refused then forced."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from msp_console.app import App
from msp_console.cli import main
from msp_console.services.interventions import AppointmentDraft, Scheduling

ROME = ZoneInfo("Europe/Rome")


def run(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--database", db, *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_appointments_edit(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    monday = datetime.now(ROME).date() + timedelta(days=7 - datetime.now(ROME).weekday() + 7)
    at = datetime(monday.year, monday.month, monday.day, 10, tzinfo=ROME)
    app = App.open(sqlite_url)
    try:
        cid = app.inventory.save_client({"name": "Hotel Bellavista", "vat_number": "01234567897"})
        appts = Scheduling(app.db).appointments
        anna = appts.add(AppointmentDraft(cid, at, "Server update", 60, technician="Anna")).id
        single = appts.add(AppointmentDraft(cid, at, "Printer", 60, technician="Luca")).id
        weekly = appts.add(
            AppointmentDraft(cid, at + timedelta(hours=4), "Backup test", 60, rrule="FREQ=WEEKLY")
        ).id
    finally:
        app.close()
    db = sqlite_url

    code, _, err = run(capsys, db, "appointments", "edit", str(single), "--technician", "Anna")
    assert code == 1 and "Anna busy with" in err and "--force" in err
    code, out, _ = run(
        capsys, db, "appointments", "edit", str(single), "--technician", "Anna", "--on-site",
        "--title", "Printer jam", "--duration", "30", "--force", "--json",
    )  # fmt: skip
    result = json.loads(out)
    assert code == 0 and result["id"] == single
    assert [c["appointment_id"] for c in result["conflicts"]] == [anna]
    code, out, _ = run(capsys, db, "appointments", "list", "--from", monday.isoformat(), "--json")
    rows = {r["id"]: r for r in json.loads(out)["appointments"]}
    assert (rows[single]["title"], rows[single]["technician"], rows[single]["on_site"]) == (
        "Printer jam",
        "Anna",
        True,
    )

    code, _, err = run(capsys, db, "appointments", "edit", str(weekly), "--title", "x")
    assert code == 1 and "repeats" in err
    second = (at + timedelta(days=7, hours=4)).isoformat()
    code, out, _ = run(
        capsys, db, "appointments", "edit", str(weekly), "--occurrence", second, "--notes", "with restore"
    )
    assert code == 0 and "changed" in out
    code, out, _ = run(
        capsys, db, "appointments", "edit", str(weekly), "--series", "--remote", "--title", "Backup"
    )
    assert code == 0
    code, out, _ = run(capsys, db, "appointments", "list", "--from", monday.isoformat(), "--to",
                       (monday + timedelta(days=13)).isoformat(), "--json")  # fmt: skip
    series = [r for r in json.loads(out)["appointments"] if r["recurring"]]
    assert [r["title"] for r in series] == ["Backup", "Backup"]
    assert [r["notes"] for r in series] == ["", "with restore"]
    code, _, err = run(capsys, db, "appointments", "edit", str(single))
    assert code == 1 and "nothing to change" in err
