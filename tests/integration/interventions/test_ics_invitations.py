"""Invitations as Outlook/Exchange, Google Calendar and Thunderbird write them, imported into the
calendar: what the technician then sees in the list (times in Rome, across the DST changes), the
cancelled occurrences absent, the moved ones at their new time, and re-imports that update by UID.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from msp_console.app import App
from msp_console.calendar.ics_import import import_ics
from msp_console.cli import main
from msp_console.db.models import Appointment
from msp_console.domain.errors import ValidationError
from tests.integration.interventions.conftest import World

ROME = ZoneInfo("Europe/Rome")
FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 3, 2, 9, tzinfo=ROME)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def seen(w: World, first: date, last: date) -> list[tuple[str, str, str]]:
    """(local start 'YYYY-MM-DD HH:MM', UTC offset, title) as the calendar lists them."""
    views = w.sched.appointments.between(
        datetime.combine(first, time(0), ROME), datetime.combine(last + timedelta(days=1), time(0), ROME)
    )
    return [(f"{v.start:%Y-%m-%d %H:%M}", f"{v.start:%z}", v.title) for v in views]


def count_rows(w: World) -> int:
    with w.app.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Appointment)) or 0)


BACKUP = "Controllo backup settimanale"
OUTLOOK_WEEKS = [
    ("2026-03-09 10:00", "+0100", BACKUP),
    # 16 March: EXDATE, not listed
    ("2026-03-23 10:00", "+0100", BACKUP),
    # 29 March: summer time starts; the 30 March occurrence was moved to Tuesday afternoon
    ("2026-03-31 14:00", "+0200", BACKUP),
    ("2026-04-06 10:00", "+0200", BACKUP),
    ("2026-04-13 10:00", "+0200", BACKUP),  # the last one: UNTIL is 08:00 UTC of that day
]


def test_outlook_weekly_invitation_with_exdate_and_a_moved_monday(sqlite_world: World) -> None:
    w = sqlite_world
    data = fixture("outlook-weekly-backup-check.ics")
    report = import_ics(w.app.db, data, default_client_id=w.client_id, now=NOW)
    assert (report.created, report.updated) == (1, 0)
    assert any("VALARM" in n and "15 minutes" in n for n in report.notes)
    assert seen(w, date(2026, 3, 1), date(2026, 4, 30)) == OUTLOOK_WEEKS
    [first] = w.sched.appointments.day(date(2026, 3, 9))
    assert first.end - first.start == timedelta(hours=1) and first.client_id == w.client_id
    assert "ogni lunedì alle 10 controlliamo insieme i backup" in first.notes  # unfolded, UTF-8 intact

    rows = count_rows(w)
    again = import_ics(w.app.db, data, default_client_id=w.client_id, now=NOW)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert count_rows(w) == rows
    assert seen(w, date(2026, 3, 1), date(2026, 4, 30)) == OUTLOOK_WEEKS


def test_an_older_outlook_zone_known_only_by_its_vtimezone_block(sqlite_world: World) -> None:
    w = sqlite_world
    legacy = "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"
    data = fixture("outlook-weekly-backup-check.ics").replace(
        b"TZID=W. Europe Standard Time:", f'TZID="{legacy}":'.encode()
    )
    data = data.replace(b"TZID:W. Europe Standard Time", f"TZID:{legacy}".encode())
    import_ics(w.app.db, data, default_client_id=w.client_id, now=NOW)
    assert seen(w, date(2026, 3, 1), date(2026, 4, 30)) == OUTLOOK_WEEKS


def test_outlook_cancels_one_occurrence_then_renames_the_series(world: World) -> None:
    w = world
    original = fixture("outlook-weekly-backup-check.ics")
    import_ics(w.app.db, original, default_client_id=w.client_id, now=NOW)

    cancel = import_ics(w.app.db, fixture("outlook-cancel-one-occurrence.ics"), now=NOW)
    assert (cancel.created, cancel.updated) == (0, 1)
    without_easter_monday = [s for s in OUTLOOK_WEEKS if not s[0].startswith("2026-04-06")]
    assert seen(w, date(2026, 3, 1), date(2026, 4, 30)) == without_easter_monday

    renamed = original.replace(
        b"SUMMARY;LANGUAGE=it-IT:" + BACKUP.encode(), b"SUMMARY;LANGUAGE=it-IT:Backup e antivirus"
    )
    renamed = renamed.replace(b"\r\nSEQUENCE:0\r\n", b"\r\nSEQUENCE:2\r\n")
    update = import_ics(w.app.db, renamed, default_client_id=w.client_id, now=NOW)
    assert (update.created, update.updated) == (0, 1)
    expected = [(when, off, "Backup e antivirus") for when, off, _ in without_easter_monday]
    assert seen(w, date(2026, 3, 1), date(2026, 4, 30)) == expected

    # the first invitation arrives again (a mail program re-sends it): SEQUENCE 0 < 2, kept
    stale = import_ics(w.app.db, original, default_client_id=w.client_id, now=NOW)
    assert (stale.created, stale.updated, stale.kept_newer) == (0, 0, 1)
    assert any("older" in n for n in stale.notes)
    assert seen(w, date(2026, 3, 1), date(2026, 4, 30)) == expected

    # then the organiser cancels the whole series: the moved Tuesday goes with it
    whole = fixture("outlook-cancel-one-occurrence.ics")
    whole = whole.replace(b"RECURRENCE-ID;TZID=W. Europe Standard Time:20260406T100000\r\n", b"")
    whole = whole.replace(b"\r\nSEQUENCE:1\r\n", b"\r\nSEQUENCE:3\r\n")
    gone = import_ics(w.app.db, whole, now=NOW)
    assert (gone.created, gone.updated) == (0, 1)
    assert seen(w, date(2026, 3, 1), date(2026, 4, 30)) == []


def test_the_same_sequence_modified_later_wins_and_earlier_is_kept_out(sqlite_world: World) -> None:
    w = sqlite_world
    data = fixture("google-firewall-review.ics")
    import_ics(w.app.db, data, default_client_id=w.client_id, now=NOW)
    single = b"SUMMARY:Richiamata stampante"
    stamp = b"LAST-MODIFIED:20261002T074512Z"
    earlier = data.replace(single, b"SUMMARY:Old title").replace(stamp, b"LAST-MODIFIED:20261001T074512Z")
    report = import_ics(w.app.db, earlier, now=NOW)
    assert (report.updated, report.kept_newer, report.unchanged) == (0, 1, 1)
    later = data.replace(single, b"SUMMARY:Richiamata stampante di rete").replace(
        stamp, b"LAST-MODIFIED:20261003T074512Z"
    )
    report = import_ics(w.app.db, later, now=NOW)
    assert (report.updated, report.kept_newer, report.unchanged) == (1, 0, 1)
    [call] = w.sched.appointments.day(date(2026, 10, 28))
    assert call.title == "Richiamata stampante di rete"


def test_google_export_with_interval_until_override_and_utc_times(sqlite_world: World) -> None:
    w = sqlite_world
    data = fixture("google-firewall-review.ics")
    report = import_ics(w.app.db, data, default_client_id=w.client_id, now=NOW)
    assert (report.created, report.updated) == (2, 0)
    assert any(n.startswith("4 reminder(s) (VALARM)") for n in report.notes)
    listed = [
        ("2026-10-13 15:00", "+0200", "Verifica firewall"),
        # 25 October: back to winter time, the clock time stays 15:00
        ("2026-10-27 15:00", "+0100", "Verifica firewall"),
        ("2026-10-28 10:00", "+0100", "Richiamata stampante"),  # written as 09:00Z
        ("2026-11-10 16:00", "+0100", "Verifica firewall"),  # the RECURRENCE-ID override, 15:00Z
        ("2026-11-24 15:00", "+0100", "Verifica firewall"),  # UNTIL 23:59:59 that day (UTC)
    ]
    assert seen(w, date(2026, 10, 1), date(2026, 12, 31)) == listed
    [moved] = [v for v in w.sched.appointments.day(date(2026, 11, 10))]
    assert "Spostata di un'ora" in moved.notes and moved.recurring
    again = import_ics(w.app.db, data, default_client_id=w.client_id, now=NOW)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert seen(w, date(2026, 10, 1), date(2026, 12, 31)) == listed


def test_thunderbird_mo_we_fr_with_count_and_a_cancelled_friday(sqlite_world: World) -> None:
    w = sqlite_world
    data = fixture("thunderbird-windows-updates.ics")
    report = import_ics(w.app.db, data, default_client_id=w.client_id, now=NOW)
    assert report.created == 1
    title = "Aggiornamenti Windows dei PC"
    # COUNT=8 counts the cancelled Friday 23 too (RFC 5545): seven are left
    assert seen(w, date(2026, 10, 1), date(2026, 11, 30)) == [
        ("2026-10-19 08:30", "+0200", title),
        ("2026-10-21 08:30", "+0200", title),
        ("2026-10-26 08:30", "+0100", title),
        ("2026-10-28 08:30", "+0100", title),
        ("2026-10-30 08:30", "+0100", title),
        ("2026-11-02 08:30", "+0100", title),
        ("2026-11-04 08:30", "+0100", title),
    ]
    assert all(
        v.end - v.start == timedelta(minutes=45) for v in w.sched.appointments.week(date(2026, 10, 26))
    )
    again = import_ics(w.app.db, data, default_client_id=w.client_id, now=NOW)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


SUPPLIER = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Supplier//EN\r
BEGIN:VEVENT\r
UID:weekly-sync@supplier.example\r
DTSTART;TZID=America/New_York:20260305T090000\r
DTEND;TZID=America/New_York:20260305T093000\r
RRULE:FREQ=WEEKLY;COUNT=5\r
SUMMARY:Weekly sync with the supplier\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_a_series_in_another_zone_keeps_the_organisers_clock_between_the_two_dst_changes(
    sqlite_world: World,
) -> None:
    """New York moves to summer time on 8 March, Rome on 29 March: in between the call is at 14:00."""
    w = sqlite_world
    import_ics(w.app.db, SUPPLIER.encode(), default_client_id=w.client_id, now=NOW)
    assert [s[0] for s in seen(w, date(2026, 3, 1), date(2026, 4, 30))] == [
        "2026-03-05 15:00",
        "2026-03-12 14:00",
        "2026-03-19 14:00",
        "2026-03-26 14:00",
        "2026-04-02 15:00",
    ]
    again = import_ics(w.app.db, SUPPLIER.encode(), default_client_id=w.client_id, now=NOW)
    assert again.unchanged == 1


def test_an_endless_series_in_another_zone_follows_the_calendar_clock_and_says_so(
    sqlite_world: World,
) -> None:
    w = sqlite_world
    endless = SUPPLIER.replace("RRULE:FREQ=WEEKLY;COUNT=5", "RRULE:FREQ=WEEKLY")
    report = import_ics(w.app.db, endless.encode(), default_client_id=w.client_id, now=NOW)
    assert any("repeats without end in another time zone" in n for n in report.notes)
    assert [s[0] for s in seen(w, date(2026, 3, 12), date(2026, 3, 12))] == ["2026-03-12 15:00"]


def test_an_override_off_the_rule_is_an_extra_occurrence_and_reimports_unchanged(sqlite_world: World) -> None:
    w = sqlite_world
    extra = SUPPLIER.replace(
        "END:VEVENT\r\nEND:VCALENDAR",
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:weekly-sync@supplier.example\r\n"
        "RECURRENCE-ID;TZID=America/New_York:20260306T090000\r\n"
        "DTSTART;TZID=America/New_York:20260306T100000\r\nDURATION:PT30M\r\n"
        "SUMMARY:Extra sync\r\nEND:VEVENT\r\nEND:VCALENDAR",
    )
    import_ics(w.app.db, extra.encode(), default_client_id=w.client_id, now=NOW)
    assert ("2026-03-06 16:00", "+0100", "Extra sync") in seen(w, date(2026, 3, 1), date(2026, 3, 8))
    again = import_ics(w.app.db, extra.encode(), default_client_id=w.client_id, now=NOW)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def event_file(*lines: str) -> bytes:
    body = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:x@test", *lines])
    return (body + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode()


def test_windows_zone_names_come_from_the_cldr_table_even_without_a_vtimezone(sqlite_world: World) -> None:
    w = sqlite_world
    data = event_file(
        "DTSTART;TZID=Magallanes Standard Time:20260610T090000",  # Punta Arenas, UTC-3 all year
        "DTEND;TZID=Magallanes Standard Time:20260610T100000",
        "SUMMARY:Remote help for the Chile office",
    )
    import_ics(w.app.db, data, default_client_id=w.client_id, now=NOW)
    assert seen(w, date(2026, 6, 10), date(2026, 6, 10)) == [
        ("2026-06-10 14:00", "+0200", "Remote help for the Chile office")
    ]


def test_a_fold_inside_a_utf8_character_is_joined_before_decoding(sqlite_world: World) -> None:
    w = sqlite_world
    data = event_file("DTSTART:20260610T070000Z", "SUMMARY:Caff\u00e8 e stampante").replace(
        "Caffè".encode(), b"Caff" + "è".encode()[:1] + b"\r\n " + "è".encode()[1:]
    )
    import_ics(w.app.db, data, default_client_id=w.client_id, now=NOW)
    assert seen(w, date(2026, 6, 10), date(2026, 6, 10)) == [
        ("2026-06-10 09:00", "+0200", "Caffè e stampante")
    ]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            ("DTSTART:20260610T070000Z", "RRULE:FREQ=HOURLY;COUNT=3", "SUMMARY:x"),
            "line 6: RRULE: repeats hourly: appointments repeat at most daily",
        ),
        (
            ("DTSTART:20260610T070000Z", "RDATE:20260612T070000Z", "RRULE:FREQ=DAILY;COUNT=2"),
            "line 6: RDATE: extra dates (RDATE) cannot be kept",
        ),
        (
            ("DTSTART;TZID=Mars Standard Time:20260610T070000", "SUMMARY:x"),
            "line 5: TZID: unknown time zone 'Mars Standard Time'",
        ),
        (
            ("DTSTART:20260610T070000Z", "RRULE:FREQ=WEEKLY;BYDAY=XX", "SUMMARY:x"),
            "line 6: RRULE:",
        ),
    ],
)
def test_what_an_appointment_cannot_keep_is_refused_by_line_and_nothing_is_written(
    sqlite_world: World, lines: tuple[str, ...], message: str
) -> None:
    w = sqlite_world
    with pytest.raises(ValidationError) as err:
        import_ics(w.app.db, event_file(*lines), default_client_id=w.client_id, now=NOW)
    assert message in str(err.value)
    assert count_rows(w) == 0


def test_the_import_command_as_a_user_runs_it(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = App.open(sqlite_url)
    app.inventory.save_client({"name": "Studio Verdi", "vat_number": "01234567897"})
    app.close()

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--database", sqlite_url, *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    invite = str(FIXTURES / "thunderbird-windows-updates.ics")
    code, out, _ = run("appointments", "import", "--ics", invite, "--client", "Studio Verdi", "--json")
    assert code == 0 and json.loads(out)["created"] == 1
    code, out, _ = run("appointments", "list", "--from", "2026-10-19", "--to", "2026-10-25", "--json")
    listed = [(a["start"], a["client_name"]) for a in json.loads(out)["appointments"]]
    assert listed == [
        ("2026-10-19T08:30:00+02:00", "Studio Verdi"),
        ("2026-10-21T08:30:00+02:00", "Studio Verdi"),  # Friday 23 was cancelled (EXDATE)
    ]
    code, out, _ = run("appointments", "import", "--ics", invite)  # the UID is known: no --client needed
    assert code == 0 and "imported 0 new, updated 0, unchanged 1" in out
    assert "note: 1 reminder(s) (VALARM) not kept" in out

    hourly = tmp_path / "hourly.ics"
    hourly.write_bytes(event_file("DTSTART:20261102T070000Z", "RRULE:FREQ=HOURLY;COUNT=8", "SUMMARY:Ping"))
    code, _, err = run("appointments", "import", "--ics", str(hourly), "--client", "Studio Verdi")
    assert code == 1 and "line 6: RRULE: repeats hourly" in err
    code, out, _ = run("appointments", "list", "--from", "2026-11-02", "--to", "2026-11-02", "--json")
    assert [a["title"] for a in json.loads(out)["appointments"]] == ["Aggiornamenti Windows dei PC"]
