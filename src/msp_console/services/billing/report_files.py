"""Service-report PDFs written to files: one client, or every client with a contract in the month.

A client whose report would be empty or invented (no machines, no history, added after the
month) is listed with the reason and gets no file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from msp_console.billing.report_data import ServiceReport
from msp_console.db.models import Client
from msp_console.domain.billing.report_period import report_period
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.fileio import atomic_write_bytes
from msp_console.services.billing.documents import render_in_workers
from msp_console.services.billing.service_report import build_report, clients_with_contract, gather
from msp_console.services.database import Database

Progress = Callable[[int, int], None]  # (done, total)


def report_file_name(report: ServiceReport) -> str:
    """``Rapporto_Studio_Verdi_2026-11.pdf`` (``Service_report_…`` for an English contract)."""
    prefix = "Service_report" if report.language == "en" else "Rapporto"
    return f"{prefix}_{safe_name(report.client)}_{report.period.month_first:%Y-%m}.pdf"


def safe_name(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "_", plain).strip("_") or "cliente"


def render(report: ServiceReport) -> bytes:
    from msp_console.billing.report_pdf import render_service_report

    return render_service_report(report)


def write_service_report(
    db: Database, client_name: str, month: tuple[int, int], out: Path, *, now: datetime | None = None
) -> Path:
    """Writes one client's report to ``out``: a file ending in .pdf, or a folder (named file inside)."""
    report = gather(db, client_name, *month, now=now)
    out = Path(out)
    path = out if out.suffix.lower() == ".pdf" else out / report_file_name(report)
    atomic_write_bytes(path, render(report))
    return path


@dataclass(slots=True)
class ReportRun:
    written: list[tuple[str, Path]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # client, why


def write_service_reports(
    db: Database,
    month: tuple[int, int],
    out_dir: Path,
    client: str | None = None,
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ReportRun:
    """One PDF per client with an active contract in the month (or just ``client``)."""
    period = report_period(*month, now or datetime.now(UTC))
    run = ReportRun()
    with db.read() as session:
        if client:
            found = session.scalars(select(Client).where(Client.name == client)).first()
            if found is None:
                raise NotFoundError(f"no client named '{client}'")
            clients = [found]
        else:
            clients = clients_with_contract(session, period)
        total = len(clients)
        reports: list[ServiceReport] = []
        for c in clients:
            try:
                reports.append(build_report(session, c, period))
            except ValidationError as exc:
                run.refused.append((c.name, "; ".join(e.message for e in exc.errors)))
    done = len(run.refused)
    # Layout is the cost (the reading above takes a tenth): many reports render on every core.
    for report, data in zip(reports, render_in_workers(render, reports), strict=True):
        path = Path(out_dir) / report_file_name(report)
        atomic_write_bytes(path, data)
        run.written.append((report.client, path))
        done += 1
        if progress is not None:
            progress(done, total)
    if progress is not None and not reports:
        progress(total, total)
    return run


def write_client_report(db: Database, client_id: int, month: tuple[int, int], out_dir: Path) -> Path | None:
    """The report beside an invoice: written when there is something to report, else None."""
    try:
        period = report_period(*month, datetime.now(UTC))
        with db.read() as session:
            client = session.get(Client, client_id)
            if client is None:
                return None
            report = build_report(session, client, period)
    except ValidationError:
        return None
    path = Path(out_dir) / report_file_name(report)
    atomic_write_bytes(path, render(report))
    return path


def preview_report(db: Database, client_name: str, month: tuple[int, int]) -> bytes:
    """The PDF of one client's report, not written anywhere (the Billing tab's preview)."""
    return render(gather(db, client_name, *month))
