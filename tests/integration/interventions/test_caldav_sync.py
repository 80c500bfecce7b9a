"""Two-way CalDAV sync with a real Radicale on 127.0.0.1: push, pull, edits both ways, a conflict."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from msp_console import secrets
from msp_console.calendar.caldav_sync import CalDavSync, connect, open_calendar, secret_ref
from msp_console.cli import main
from msp_console.services.interventions import AppointmentDraft
from tests.integration.interventions.conftest import World
from tests.support.keyring_session import KeyringSession, keyring_in_environment
from tests.support.radicale import RadicaleServer

ROME = ZoneInfo("Europe/Rome")
UTC = ZoneInfo("UTC")


def rome(d: int, h: int, mi: int = 0) -> datetime:
    return datetime(2026, 11, d, h, mi, tzinfo=ROME)


@pytest.fixture
def remote(radicale: RadicaleServer):  # type: ignore[no-untyped-def]
    """A fresh calendar on the server for each test."""
    client = connect(radicale.url, radicale.user, radicale.password)
    return open_calendar(client, f"test-{uuid.uuid4().hex[:8]}")


def phone_event(uid: str, start: str, summary: str, modified: str, seq: int = 0) -> str:
    """What a phone's calendar app would write (no MSP properties)."""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:{modified}\r\nLAST-MODIFIED:{modified}\r\nSEQUENCE:{seq}\r\n"
        f"DTSTART:{start}\r\nDURATION:PT30M\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def summaries(cal) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    out = {}
    for obj in cal.events():
        for ev in Calendar.from_ical(obj.data).walk("VEVENT"):
            key = str(ev["uid"]) + (
                f"@{ev.decoded('recurrence-id').isoformat()}" if ev.get("recurrence-id") else ""
            )
            out[key] = f"{ev['summary']} {ev.decoded('dtstart').astimezone(UTC):%d %H:%M}"
    return out


def test_two_way_sync_pushes_pulls_and_follows_edits(sqlite_world: World, remote) -> None:  # type: ignore[no-untyped-def]
    w = sqlite_world
    appts = w.sched.appointments
    sync = CalDavSync(w.app.db, remote, default_client_id=w.client_id)
    single = appts.add(AppointmentDraft(w.client_id, rome(24, 14), "Disk cleanup", 60), now=rome(20, 9)).id
    series = appts.add(
        AppointmentDraft(w.client_id, rome(23, 17), "Log review", 15, rrule="FREQ=DAILY;COUNT=5"),
        now=rome(20, 9),
    ).id
    appts.move(series, rome(25, 18), occurrence=rome(25, 17), now=rome(20, 9))
    # local → server
    report = sync.run(rome(20, 10))
    assert (report.pushed, report.pulled, report.conflicts) == (2, 0, [])
    on_server = summaries(remote)
    assert len(on_server) == 3  # single, series master, edited occurrence
    assert "Disk cleanup 24 13:00" in on_server.values()
    # server → local: a phone adds an event, nothing else changes
    remote.save_event(phone_event("phone-1@example", "20261126T100000Z", "Call the bank", "20261120T100000Z"))
    report = sync.run(rome(20, 11))
    assert (report.pushed, report.pulled) == (0, 1)
    assert [v.title for v in appts.day(date(2026, 11, 26))] == ["Call the bank", "Log review"]
    # an edit on the server comes down, an edit here goes up
    phone = remote.event_by_uid("phone-1@example")
    phone.data = phone_event("phone-1@example", "20261126T150000Z", "Call the bank", "20261120T120000Z", 1)
    phone.save()
    appts.move(single, rome(24, 16), now=rome(20, 12))
    report = sync.run(rome(20, 13))
    assert (report.pushed, report.pulled, report.conflicts) == (1, 1, [])
    assert [v.start for v in appts.day(date(2026, 11, 26)) if v.title == "Call the bank"] == [rome(26, 16)]
    assert "Disk cleanup 24 15:00" in summaries(remote).values()
    # nothing changed: nothing moves
    report = sync.run(rome(20, 14))
    assert (report.pushed, report.pulled, report.cancelled_locally) == (0, 0, 0)
    # deleted on the server → kept here as cancelled
    remote.event_by_uid("phone-1@example").delete()
    report = sync.run(rome(20, 15))
    assert report.cancelled_locally == 1
    assert [v.title for v in appts.day(date(2026, 11, 26))] == ["Log review"]


def test_a_conflict_keeps_the_latest_change_and_is_reported(sqlite_world: World, remote) -> None:  # type: ignore[no-untyped-def]
    w = sqlite_world
    appts = w.sched.appointments
    sync = CalDavSync(w.app.db, remote, default_client_id=w.client_id)
    a = appts.add(AppointmentDraft(w.client_id, rome(24, 9), "Firewall update", 60), now=rome(20, 9)).id
    b = appts.add(AppointmentDraft(w.client_id, rome(25, 9), "NAS check", 60), now=rome(20, 9)).id
    sync.run(rome(20, 10))
    uid_a = appts.get(a).uid
    uid_b = appts.get(b).uid
    # A: edited here at 11:00, on the server at 12:00 (later) → the server's copy wins
    appts.move(a, rome(24, 11), now=rome(20, 11))
    server_a = remote.event_by_uid(uid_a)
    server_a.data = phone_event(
        uid_a, "20261124T140000Z", "Firewall update (moved by Giulia)", "20261120T110000Z", 5
    )  # 11:00 UTC = 12:00 Rome
    server_a.save()
    # B: edited on the server at 10:30, here at 11:30 (later) → the local copy wins
    server_b = remote.event_by_uid(uid_b)
    server_b.data = phone_event(uid_b, "20261125T070000Z", "NAS check", "20261120T093000Z", 5)
    server_b.save()
    appts.move(b, rome(25, 15), now=rome(20, 11, 30))
    report = sync.run(rome(20, 13))
    assert len(report.conflicts) == 2
    assert any(uid_a in c and "server copy kept" in c for c in report.conflicts)
    assert any(uid_b in c and "local copy kept" in c for c in report.conflicts)
    local = {v.id: v for v in appts.day(date(2026, 11, 24)) + appts.day(date(2026, 11, 25))}
    assert local[a].start == rome(24, 15) and local[a].title == "Firewall update (moved by Giulia)"
    assert local[b].start == rome(25, 15)
    assert "NAS check 25 14:00" in summaries(remote).values()
    assert sync.run(rome(20, 14)).conflicts == []


@pytest.fixture
def gnome_keyring() -> Iterator[KeyringSession]:
    with keyring_in_environment() as session:
        yield session


def test_caldav_sync_command_takes_the_password_from_the_keyring(
    sqlite_world: World,
    radicale: RadicaleServer,
    gnome_keyring: KeyringSession,
    capsys: pytest.CaptureFixture[str],
) -> None:
    w = sqlite_world
    w.sched.appointments.add(AppointmentDraft(w.client_id, rome(24, 14), "Disk cleanup", 60), now=rome(20, 9))
    db = ["--database", str(w.app.db.engine.url)]
    calendar = f"cli-{uuid.uuid4().hex[:8]}"
    code = main(
        [*db, "caldav", "sync", "--url", radicale.url, "--user", radicale.user, "--calendar", calendar]
    )
    assert code == 1 and "no CalDAV password in the keyring" in capsys.readouterr().err
    secrets.set_secret(secret_ref(radicale.user), "wrong-password")
    code = main([*db, "caldav", "sync", "--calendar", calendar])  # URL and user were remembered
    err = capsys.readouterr().err
    assert code == 1 and "CalDAV sync with" in err and "wrong-password" not in err
    secrets.set_secret(secret_ref(radicale.user), radicale.password)
    assert main([*db, "caldav", "sync", "--calendar", calendar, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pushed"] == 1
    remote = open_calendar(connect(radicale.url, radicale.user, radicale.password), calendar)
    assert list(summaries(remote).values()) == ["Disk cleanup 24 13:00"]
