"""The monthly service report shows recorded facts only: figures from the DB, else 'not available'."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from msp_console.app import App
from msp_console.db.models import Machine
from msp_console.db.models.interventions import Intervention, SessionLog
from msp_console.db.models.monitoring import Check, StateEvent
from msp_console.services.billing.service_report import gather, write_service_report
from tests.integration.billing.conftest import add_client


def at(day: int, hour: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def event(check_id: int, when: datetime, state: str, previous: str) -> StateEvent:
    return StateEvent(
        check_id=check_id,
        at=when,
        kind="hard_change",
        state=state,
        hard_state=state,
        state_type="hard",
        previous_state=previous,
        previous_hard_state=previous,
        attempt=1,
    )


def test_report_counts_what_was_recorded(billing_app: App, tmp_path: Path) -> None:
    db = billing_app.db
    with db.transaction() as s:
        client = add_client(s, "Studio Verdi", 7)
        server = Machine(client_id=client.id, name="srv01", kind="server")
        pc = Machine(client_id=client.id, name="pc-segreteria", kind="workstation")
        s.add_all([server, pc])
        s.flush()
        ping = Check(machine_id=server.id, type="ping", name="ping")
        backup = Check(machine_id=server.id, type="backup_age", name="backup")
        s.add_all([ping, backup])
        s.flush()
        s.add_all(
            [
                event(ping.id, datetime(2026, 10, 20, tzinfo=UTC), "OK", "PENDING"),
                event(ping.id, at(10, 2), "CRITICAL", "OK"),
                event(ping.id, at(10, 5), "OK", "CRITICAL"),
                event(backup.id, datetime(2026, 10, 20, tzinfo=UTC), "OK", "PENDING"),
                event(backup.id, at(12, 8), "WARNING", "OK"),
                event(backup.id, at(13, 9), "OK", "WARNING"),
            ]
        )
        s.add_all(
            [
                Intervention(
                    client_id=client.id,
                    title="Backup non eseguito",
                    origin="monitoring",
                    state="closed",
                    opened_at=at(12, 9),
                    closed_at=at(13, 9),
                    resolution_due_at=at(14),
                ),
                Intervention(
                    client_id=client.id,
                    title="Stampante ferma",
                    origin="client_call",
                    state="open",
                    opened_at=at(20, 9),
                ),
            ]
        )
        s.add(SessionLog(machine_id=server.id, protocol="ssh", started_at=at(13, 8), ended_at=at(13, 9)))
    report = gather(db, "Studio Verdi", 2026, 11)
    srv = next(m for m in report.machines if m.name == "srv01")
    assert srv.checks == 2 and srv.problems == 2
    assert srv.uptime is not None and abs(srv.uptime - (1 - 3 / 720)) < 1e-9
    pc_line = next(m for m in report.machines if m.name == "pc-segreteria")
    assert pc_line.checks == 0 and pc_line.uptime is None
    assert (report.backup_ok_days, report.backup_known_days) == (28, 30)
    assert (report.problems_detected, report.problems_resolved, report.client_reported) == (1, 1, 1)
    assert (report.sessions, report.session_minutes, report.sla_met) == (1, 60, 1)
    out = write_service_report(db, "Studio Verdi", (2026, 11), tmp_path / "report.pdf")
    text = PdfReader(out).pages[0].extract_text()
    assert "Rapporto mensile del servizio" in text and "novembre 2026" in text
    assert "99,58 %" in text and "28 / 30" in text and "Backup non eseguito" in text  # the Italian way
    assert "srv01" in text and "pc-segreteria" in text
    assert "1 (60 minuti)" in text and "postazione" in text  # words, not stored values
    assert "workstation" not in text


def test_without_monitoring_and_interventions_it_says_not_available(
    sqlite_billing_app: App, tmp_path: Path
) -> None:
    db = sqlite_billing_app.db
    with db.transaction() as s:
        client = add_client(s, "Studio Neri", 8)
        s.add(Machine(client_id=client.id, name="pc1", kind="workstation"))
    # An installation without those features: their tables do not exist.
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").all():
            if name in {"check", "check_status", "state_event", "intervention", "session_log", "call_log"}:
                conn.exec_driver_sql(f'DROP TABLE "{name}"')
        conn.commit()
    report = gather(db, "Studio Neri", 2026, 11)
    assert report.machines[0].checks is None and report.sessions is None and report.interventions is None
    text = (
        PdfReader(write_service_report(db, "Studio Neri", (2026, 11), tmp_path / "r.pdf"))
        .pages[0]
        .extract_text()
    )
    assert text.count("non ancora disponibile") >= 6 and "pc1" in text
