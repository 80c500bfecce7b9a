"""The monthly service report tells the client what really happened in the period: recorded facts
only, a summary that is the sum of the tables, no report at all when there is nothing to tell."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from random import Random

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from msp_console.app import App
from msp_console.db.models import Contract, Machine
from msp_console.db.models.interventions import Intervention, SessionLog
from msp_console.db.models.monitoring import Check, MaintenanceWindow, StateEvent
from msp_console.domain.errors import ValidationError
from msp_console.services.billing.report_files import write_service_report, write_service_reports
from msp_console.services.billing.service_report import gather
from tests.integration.billing.conftest import add_client

NOW = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)  # the month in progress is December 2026


def at(day: int, hour: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


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


def watched(s: Session, client_id: int, name: str, kind: str, check: str, since: datetime) -> int:
    """A machine added at ``since`` with one check of kind ``check``, OK from then on; the check's id."""
    m = Machine(client_id=client_id, name=name, kind=kind, created_at=since)
    s.add(m)
    s.flush()
    c = Check(machine_id=m.id, type=check, name=check, created_at=since)
    s.add(c)
    s.flush()
    s.add(event(c.id, since, "OK", "PENDING"))
    return c.id


def contract(s: Session, client_id: int, code: str, language: str = "it") -> None:
    s.add(Contract(client_id=client_id, code=code, start=date(2026, 1, 1), language=language))


def studio_verdi(s: Session) -> tuple[int, int, int]:
    """A server with ping and backup history, a PC without checks, two interventions, a session."""
    client = add_client(s, "Studio Verdi", 7, created_at=datetime(2026, 1, 10, tzinfo=UTC))
    contract(s, client.id, "C-7")
    server = Machine(
        client_id=client.id, name="srv01", kind="server", created_at=datetime(2026, 2, 1, tzinfo=UTC)
    )
    pc = Machine(client_id=client.id, name="pc-segreteria", kind="workstation", created_at=at(1))
    s.add_all([server, pc])
    s.flush()
    ping = Check(machine_id=server.id, type="ping", name="ping", created_at=datetime(2026, 2, 1, tzinfo=UTC))
    backup = Check(
        machine_id=server.id, type="backup_age", name="backup", created_at=datetime(2026, 2, 1, tzinfo=UTC)
    )
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
            Intervention(
                client_id=client.id,
                title="Backup non eseguito",
                origin="monitoring",
                check_ref=f"check:{backup.id}",
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
            SessionLog(machine_id=server.id, protocol="ssh", started_at=at(13, 8), ended_at=at(13, 9)),
        ]
    )
    return client.id, server.id, ping.id


def test_a_past_month_counts_what_was_recorded(billing_app: App, tmp_path: Path) -> None:
    db = billing_app.db
    with db.transaction() as s:
        studio_verdi(s)
    report = gather(db, "Studio Verdi", 2026, 11, now=NOW)
    srv = next(m for m in report.machines if m.name == "srv01")
    assert srv.checks == 2 and srv.problems == 2 and srv.down_s == 3 * 3600
    assert srv.availability == pytest.approx(1 - 3 / 720)
    assert (srv.solved_by_technician, srv.solved_on_own) == (1, 1)  # the backup had an intervention
    assert (srv.sessions, srv.session_minutes) == (1, 60)
    s = report.summary
    assert (s.problems, s.interventions, s.sla_met, s.sla_missed) == (2, 2, 1, 0)
    assert (s.backup_ok, s.backup_expected) == (29, 30)  # late at the end of the 12th only
    text = _text(write_service_report(db, "Studio Verdi", (2026, 11), tmp_path / "report.pdf", now=NOW))
    assert "Rapporto mensile del servizio" in text and "1–30 novembre 2026" in text
    assert "99,58 %" in text and "29 su 30" in text and "Backup non eseguito" in text
    assert "1 sessione, 1 h" in text and "postazione di lavoro" in text
    assert "età del backup" in text and "backup_age" not in text and "workstation" not in text
    assert "(0 minuti)" not in text


def test_the_month_in_progress_reports_only_the_elapsed_days(sqlite_billing_app: App, tmp_path: Path) -> None:
    db = sqlite_billing_app.db
    with db.transaction() as s:
        studio_verdi(s)
    report = gather(db, "Studio Verdi", 2026, 12, now=NOW)
    s = report.summary
    assert (s.backup_ok, s.backup_expected) == (3, 3)  # not "31 of 31"
    assert [d.state for d in report.backup_days].count("future") == 28
    assert report.summary.problems == 0 and len(report.interventions) == 1  # the printer call is still open
    text = _text(write_service_report(db, "Studio Verdi", (2026, 12), tmp_path / "dec.pdf", now=NOW))
    assert "1–3 dicembre 2026" in text and "3 su 3" in text and "mese in corso" in text


def test_a_machine_added_mid_month_counts_from_its_addition(sqlite_billing_app: App) -> None:
    db = sqlite_billing_app.db
    with db.transaction() as s:
        cid, _srv, _ping = studio_verdi(s)
        ping = watched(s, cid, "pc-nuovo", "laptop", "ping", at(16, 9))
        s.add_all([event(ping, at(20), "CRITICAL", "OK"), event(ping, at(20, 12), "OK", "CRITICAL")])
    report = gather(db, "Studio Verdi", 2026, 11, now=NOW)
    line = next(m for m in report.machines if m.name == "pc-nuovo")
    assert line.added == date(2026, 11, 16) and line.down_s == 12 * 3600
    known = (at(30, 23) - at(16, 9)).total_seconds()  # to local midnight (23:00 UTC)
    assert line.availability == pytest.approx(1 - 12 * 3600 / known)


def test_maintenance_is_excluded_from_availability_and_listed(
    sqlite_billing_app: App, tmp_path: Path
) -> None:
    db = sqlite_billing_app.db
    with db.transaction() as s:
        cid, srv, _ping = studio_verdi(s)
        s.add(
            MaintenanceWindow(
                client_id=cid, machine_id=srv, start=at(10, 1), end=at(10, 4), comment="Aggiornamenti"
            )
        )
    report = gather(db, "Studio Verdi", 2026, 11, now=NOW)
    srv_line = next(m for m in report.machines if m.name == "srv01")
    assert srv_line.maintenance_s == 3 * 3600 and srv_line.down_s == 3600  # 04:00–05:00 only
    assert srv_line.problems == 1  # the outage began inside the window: planned, not a problem
    assert [m.comment for m in report.maintenance] == ["Aggiornamenti"]
    text = _text(write_service_report(db, "Studio Verdi", (2026, 11), tmp_path / "m.pdf", now=NOW))
    assert "FINESTRE DI MANUTENZIONE" in text and "Aggiornamenti" in text and "3 h, esclusa" in text


def test_summary_is_the_sum_of_the_tables_on_random_histories(sqlite_billing_app: App) -> None:
    """Property (seeded random fleets): every figure of page one equals the sum of its table."""
    db = sqlite_billing_app.db
    rng = Random(20261203)
    with db.transaction() as s:
        for n in range(6):
            client = add_client(s, f"Cliente {n}", 30 + n, created_at=datetime(2026, 1, 1, tzinfo=UTC))
            contract(s, client.id, f"C-R{n}")
            for k in range(rng.randint(1, 4)):
                m = Machine(
                    client_id=client.id,
                    name=f"m{k}",
                    kind=rng.choice(["server", "workstation", "nas"]),
                    created_at=at(rng.randint(1, 25)) if rng.random() < 0.3 else at(1, month=1),
                )
                s.add(m)
                s.flush()
                for kind in rng.sample(["ping", "tcp", "http", "backup_age", "restic"], rng.randint(1, 3)):
                    c = Check(machine_id=m.id, type=kind, name=kind, created_at=at(1, month=1))
                    s.add(c)
                    s.flush()
                    state, when = "OK", datetime(2026, 10, 25, tzinfo=UTC)
                    for _ in range(rng.randint(0, 25)):
                        new = rng.choice(["OK", "OK", "WARNING", "CRITICAL", "UNREACHABLE", "UNKNOWN"])
                        s.add(event(c.id, when, new, state))
                        state, when = new, when + timedelta(minutes=rng.randint(10, 4000))
                if rng.random() < 0.5:
                    start = at(rng.randint(1, 28), rng.randint(0, 20))
                    s.add(
                        MaintenanceWindow(
                            client_id=client.id, machine_id=m.id, start=start, end=start + timedelta(hours=3)
                        )
                    )
    for n in range(6):
        for month in (11, 12):
            try:
                r = gather(db, f"Cliente {n}", 2026, month, now=NOW)
            except ValidationError:
                continue
            s = r.summary
            assert s.problems == len(r.problems) == sum(m.problems for m in r.machines)
            assert (
                s.problems == sum(x.problems for x in r.services) == sum(n for *_w, n in s.problems_per_week)
            )
            solved = [p for p in r.problems if p.solved_by]
            assert s.solved_by_technician + s.solved_on_own == len(solved)
            assert s.down_s == sum(m.down_s for m in r.machines)
            assert s.maintenance_s == sum((m.end - m.start).total_seconds() for m in r.maintenance)
            assert s.backup_expected == sum(1 for d in r.backup_days if d.state in ("ok", "failed"))
            assert s.backup_expected <= len(r.period.days())


def test_bad_input_gets_a_clear_message_and_no_pdf(sqlite_billing_app: App, tmp_path: Path) -> None:
    db = sqlite_billing_app.db
    with db.transaction() as s:
        studio_verdi(s)
        empty = add_client(s, "Studio Vuoto", 9)
        contract(s, empty.id, "C-9")
        quiet = add_client(s, "Studio Muto", 10, created_at=datetime(2026, 6, 1, tzinfo=UTC))
        s.add(Machine(client_id=quiet.id, name="pc1", kind="workstation"))
    cases = [
        ("Studio Verdi", (2027, 1), "has not started yet"),
        ("Studio Vuoto", (2026, 11), "has no machines"),
        ("Studio Verdi", (2025, 12), "was added on 10/01/2026"),
        ("Studio Muto", (2026, 12), "no recorded monitoring"),
    ]
    for client, month, message in cases:
        with pytest.raises(ValidationError, match=message):
            write_service_report(db, client, month, tmp_path / "x.pdf", now=NOW)
    assert list(tmp_path.glob("*.pdf")) == []
    run = write_service_reports(db, (2026, 11), tmp_path, now=NOW)
    assert [c for c, _p in run.written] == ["Studio Verdi"]
    assert run.refused == [("Studio Vuoto", "Studio Vuoto has no machines: there is nothing to report")]


def test_every_client_in_one_run_repeatable_to_the_byte(sqlite_billing_app: App, tmp_path: Path) -> None:
    db = sqlite_billing_app.db
    with db.transaction() as s:
        studio_verdi(s)
        other = add_client(s, "Hotel Riva", 11, created_at=datetime(2026, 1, 1, tzinfo=UTC))
        contract(s, other.id, "C-11", language="en")
        watched(s, other.id, "fw", "firewall", "tcp", datetime(2026, 1, 1, tzinfo=UTC))
    first, second = tmp_path / "a", tmp_path / "b"
    progress: list[tuple[int, int]] = []
    first.mkdir()
    run = write_service_reports(db, (2026, 11), first, progress=lambda d, t: progress.append((d, t)), now=NOW)
    assert progress == [(1, 2), (2, 2)]
    assert sorted(p.name for _c, p in run.written) == [
        "Rapporto_Studio_Verdi_2026-11.pdf",
        "Service_report_Hotel_Riva_2026-11.pdf",
    ]
    second.mkdir()
    write_service_reports(db, (2026, 11), second, now=NOW)
    for _c, path in run.written:
        a, b = path.read_bytes(), (second / path.name).read_bytes()
        assert _without_dates(a) == _without_dates(b)
    english = _text(first / "Service_report_Hotel_Riva_2026-11.pdf")
    assert "Monthly service report" in english and "1–30 November 2026" in english and "TCP port" in english


def test_cli_writes_one_pdf_per_client_and_keeps_the_single_file_form(
    sqlite_url: str, tmp_path: Path
) -> None:
    app = App.open(sqlite_url)
    try:
        with app.db.transaction() as s:
            studio_verdi(s)
    finally:
        app.close()
    base = [sys.executable, "-m", "msp_console", "--database", sqlite_url, "report", "--month", "2026-11"]
    done = subprocess.run(
        [*base, "--out", str(tmp_path / "all")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "1/1" in done.stderr and "Rapporto_Studio_Verdi_2026-11.pdf" in done.stdout
    single = tmp_path / "verdi.pdf"
    done = subprocess.run(
        [*base, "--client", "Studio Verdi", "--out", str(single)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and single.is_file()
    future = subprocess.run(
        [*base[:-1], "2099-01", "--out", str(tmp_path / "f")], capture_output=True, text=True, check=False
    )
    assert future.returncode != 0 and "has not started yet" in future.stderr
    assert not any((tmp_path / "f").glob("*.pdf"))


def _without_dates(data: bytes) -> bytes:
    return re.sub(rb"/(CreationDate|ModDate) \(D:[0-9+']+\)", b"", data)


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_invoice_pdfs_can_carry_the_months_report_beside_them(
    sqlite_billing_app: App, tmp_path: Path
) -> None:
    from decimal import Decimal

    from msp_console.db.models import Client
    from msp_console.services.billing.catalog import find_service
    from msp_console.services.billing.contracts import LineSpec, create_contract
    from msp_console.services.billing.documents import write_pdfs
    from msp_console.services.billing.issuing import drafts_of_month, issue
    from msp_console.services.billing.run import run_month

    db = sqlite_billing_app.db
    with db.transaction() as s:
        cid, _srv, _ping = studio_verdi(s)
        monitoring = find_service(s, "MONITORING")
        client = s.get(Client, cid)
        assert monitoring is not None and client is not None
        create_contract(
            s, client, "C-7B", date(2026, 11, 1), [LineSpec(monitoring, Decimal(1), Decimal("350"))]
        )
    run_month(db, 2026, 11)
    with db.read() as s:
        ids = drafts_of_month(s, 2026, 11)
    issue(db, ids, date(2026, 11, 30))
    plain = write_pdfs(db, tmp_path / "plain", month=(2026, 11))
    assert [w.report for w in plain] == [None] and not list((tmp_path / "plain").glob("Rapporto*"))
    (both,) = write_pdfs(db, tmp_path / "both", month=(2026, 11), with_reports=True)
    assert both.report == tmp_path / "both" / "Rapporto_Studio_Verdi_2026-11.pdf" and both.report.is_file()
    assert both.path.parent == both.report.parent
    assert "1–30 novembre 2026" in _text(both.report)


def test_a_security_summary_is_printed_when_one_is_given(sqlite_billing_app: App, tmp_path: Path) -> None:
    """The hook the security feature fills: no section without it, its rows when given."""
    from dataclasses import replace

    from msp_console.billing.report_data import SecurityRow, SecuritySummary
    from msp_console.billing.report_pdf import render_service_report

    db = sqlite_billing_app.db
    with db.transaction() as s:
        studio_verdi(s)
    report = gather(db, "Studio Verdi", 2026, 11, now=NOW)
    without = tmp_path / "without.pdf"
    without.write_bytes(render_service_report(report))
    assert "SICUREZZA" not in _text(without)
    secured = replace(
        report,
        security=SecuritySummary(
            (
                SecurityRow("Aggiornamenti di sicurezza installati", "12 / 12", True),
                SecurityRow("Firewall", "attivo"),
            ),
            "Verifica del 30 novembre",
        ),
    )
    with_it = tmp_path / "with.pdf"
    with_it.write_bytes(render_service_report(secured))
    text = _text(with_it)
    assert (
        "SICUREZZA" in text
        and "Aggiornamenti di sicurezza installati" in text
        and "Verifica del 30 novembre" in text
    )


def test_antivirus_signature_age_is_the_last_reported_before_the_end(
    sqlite_billing_app: App, tmp_path: Path
) -> None:
    from msp_console.db.models import MetricRollup5m, MetricSeries

    db = sqlite_billing_app.db
    with db.transaction() as s:
        cid, _srv, _ping = studio_verdi(s)
        ssh = watched(s, cid, "pc-windows", "workstation", "ssh", datetime(2026, 2, 1, tzinfo=UTC))
        series = MetricSeries(check_id=ssh, name="defender_signature_age", unit="d")
        s.add(series)
        s.flush()
        end = int(at(30, 23).timestamp())  # local midnight at the end of November
        for ts, age in ((end - 7200, 8.0), (end - 600, 9.0), (end + 600, 1.0)):  # the last one is December's
            s.add(MetricRollup5m(series_id=series.id, bucket=ts, avg=age, min=age, max=age, count=1))
    report = gather(db, "Studio Verdi", 2026, 11, now=NOW)
    assert next(m for m in report.machines if m.name == "pc-windows").antivirus_days == 9.0
    assert report.summary.antivirus_oldest_days == 9.0
    text = _text(write_service_report(db, "Studio Verdi", (2026, 11), tmp_path / "av.pdf", now=NOW))
    assert "Firme antivirus più vecchie a fine periodo" in text and "9 giorni" in text


def test_sla_is_missed_when_the_times_show_it_even_without_a_recorded_breach(sqlite_billing_app: App) -> None:
    db = sqlite_billing_app.db
    with db.transaction() as s:
        cid, _srv, _ping = studio_verdi(s)
        due = at(20, 12)
        s.add_all(
            [
                Intervention(client_id=cid, title="Chiuso tardi", state="closed", opened_at=at(20, 9),
                             closed_at=at(21, 9), resolution_due_at=due),
                Intervention(client_id=cid, title="Ancora aperto, scaduto", state="open", opened_at=at(20, 9),
                             resolution_due_at=due),
                Intervention(client_id=cid, title="In tempo", state="closed", opened_at=at(20, 9),
                             closed_at=at(20, 10), response_due_at=at(20, 10), responded_at=at(20, 9),
                             resolution_due_at=due),
            ]
        )  # fmt: skip
    report = gather(db, "Studio Verdi", 2026, 11, now=NOW)
    sla = {i.title: i.sla for i in report.interventions}
    assert sla["Chiuso tardi"] == "missed" and sla["Ancora aperto, scaduto"] == "missed"
    assert sla["In tempo"] == "met" and sla["Stampante ferma"] == ""
    assert (report.summary.sla_met, report.summary.sla_missed) == (2, 2)  # with the backup one of the 13th
