"""Numbers under stress: a process killed mid-run, two processes issuing at once, immutability."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from msp_console.app import App
from msp_console.db.models import Invoice, InvoiceCounter
from msp_console.db.models.billing import ImmutableInvoiceError
from msp_console.services.billing.catalog import find_service
from msp_console.services.billing.contracts import LineSpec, create_contract
from msp_console.services.billing.issuing import drafts_of_month, issue
from msp_console.services.billing.run import run_month
from tests.integration.billing.conftest import add_client

CLI = [sys.executable, "-c", "import sys; from msp_console.cli import main; sys.exit(main())"]


def make_drafts(app: App, count: int) -> None:
    with app.db.transaction() as s:
        service = find_service(s, "MONITORING")
        assert service is not None
        for n in range(count):
            client = add_client(s, f"Cliente {n:03d}", n)
            create_contract(
                s,
                client,
                f"K-{n:03d}",
                date(2026, 11, 1),
                [LineSpec(service, Decimal(1), Decimal("100.00") + n)],
            )
    run_month(app.db, 2026, 11)


def assert_gapless(app: App) -> list[Invoice]:
    with app.db.read() as s:
        invoices = list(s.scalars(select(Invoice)))
        issued = [i for i in invoices if i.status != "draft"]
        seqs = sorted(i.seq for i in issued if i.seq is not None)
        assert seqs == list(range(1, len(issued) + 1)), "numbers must be gapless and unique"
        for inv in invoices:
            if inv.status == "draft":
                assert inv.number is None and inv.seq is None and inv.customer is None
            else:
                assert inv.number == f"2026/{inv.seq:04d}" and inv.customer and inv.supplier
                assert inv.issue_date and inv.due_date
        counter = s.get(InvoiceCounter, 2026)
        assert (counter.last_seq if counter else 0) == len(issued)
        return invoices


def test_a_process_killed_mid_issue_leaves_no_gap(sqlite_billing_app: App) -> None:
    make_drafts(sqlite_billing_app, 400)
    env = os.environ | {"MSP_CONSOLE_DATABASE_URL": sqlite_billing_app.db.url}
    proc = subprocess.Popen(
        [*CLI, "invoices", "issue", "--month", "2026-11", "--date", "2026-11-02"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    with sqlite_billing_app.db.engine.connect() as conn:
        while time.monotonic() < deadline:
            issued = conn.execute(select(func.count()).where(Invoice.status == "issued")).scalar_one()
            conn.rollback()
            if issued >= 20:
                break
            time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    invoices = assert_gapless(sqlite_billing_app)
    issued_count = sum(1 for i in invoices if i.status == "issued")
    assert 20 <= issued_count < 400, "the kill must land in the middle of the run"
    # Issuing again finishes the job, still without a gap.
    rest = subprocess.run(
        [*CLI, "invoices", "issue", "--month", "2026-11", "--date", "2026-11-02"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"issued {400 - issued_count} invoice(s)" in rest.stdout
    assert all(i.status == "issued" for i in assert_gapless(sqlite_billing_app))


@pytest.mark.postgres
def test_two_processes_issuing_at_once_on_postgresql(postgres_server: object, tmp_path: object) -> None:
    from tests.support.postgres import PostgresServer

    assert isinstance(postgres_server, PostgresServer)
    url = postgres_server.create_database(f"msp_billing_race_{os.getpid()}")
    app = App.open(url)
    from msp_console.services.billing.company import update_profile
    from tests.integration.billing.conftest import COMPANY

    update_profile(app.db, COMPANY)
    try:
        make_drafts(app, 150)
        env = os.environ | {"MSP_CONSOLE_DATABASE_URL": url}
        cmd = [*CLI, "invoices", "issue", "--month", "2026-11", "--date", "2026-11-02", "--json"]
        procs = [
            subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        outputs = [p.communicate(timeout=120) for p in procs]
        assert all(p.returncode == 0 for p in procs), outputs
        invoices = assert_gapless(app)
        assert len(invoices) == 150 and all(i.status == "issued" for i in invoices)
        import json

        numbers = [x["number"] for out, _ in outputs for x in json.loads(out)["issued"]]
        assert len(numbers) == len(set(numbers)) == 150  # each invoice issued by exactly one process
    finally:
        app.close()


def test_issued_invoices_are_immutable_even_bypassing_the_service(billing_app: App) -> None:
    make_drafts(billing_app, 2)
    with billing_app.db.read() as s:
        ids = drafts_of_month(s, 2026, 11)
    issue(billing_app.db, ids[:1], date(2026, 11, 2))
    with pytest.raises(ImmutableInvoiceError, match="total cannot change"), billing_app.db.transaction() as s:
        inv = s.get(Invoice, ids[0])
        assert inv is not None
        inv.total = Decimal("1.00")
    with pytest.raises(ImmutableInvoiceError, match="lines cannot change"), billing_app.db.transaction() as s:
        inv = s.get(Invoice, ids[0])
        assert inv is not None
        inv.lines[0].amount = Decimal("1.00")
    with pytest.raises(ImmutableInvoiceError, match="cannot be deleted"), billing_app.db.transaction() as s:
        s.delete(s.get(Invoice, ids[0]))
    with billing_app.db.transaction() as s:  # a draft stays editable
        draft = s.get(Invoice, ids[1])
        assert draft is not None
        draft.lines[0].description = "Canone concordato"


def test_a_client_with_invoices_is_archived_not_deleted(sqlite_billing_app: App) -> None:
    make_drafts(sqlite_billing_app, 1)
    with sqlite_billing_app.db.read() as s:
        client_id = s.scalars(select(Invoice.client_id)).one()
    assert sqlite_billing_app.inventory.delete_client(client_id) == "archived"
