"""A simulated year of 50 contracts, checked against an independent calculation to the cent."""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from msp_console.app import App
from msp_console.db.models import Contract, Invoice
from msp_console.domain.billing.wording import money
from msp_console.domain.money import round_cents
from msp_console.services.billing.catalog import find_service
from msp_console.services.billing.contracts import LineSpec, change_line, create_contract
from msp_console.services.billing.documents import PARALLEL_FROM, write_fatturapa, write_pdfs
from msp_console.services.billing.issuing import ISSUE_CHUNK, drafts_of_month, issue
from msp_console.services.billing.ledger import credit_note, list_invoices
from msp_console.services.billing.run import run_month
from tests.integration.billing.conftest import add_client

YEAR = 2026


def half_up(value: Fraction) -> Fraction:
    cents = value * 100
    whole = cents.numerator // cents.denominator
    if cents - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole, 100)


def dec(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def month_days(year: int, month: int) -> int:
    return ((date(year + month // 12, month % 12 + 1, 1)) - date(year, month, 1)).days


@dataclass
class Plan:
    """What the test itself believes a contract costs: (qty, price, vat) per line, changes by month."""

    start: date
    end: date | None
    lines: list[tuple[int, Fraction, int]]
    changes: dict[int, dict[int, Fraction]] = field(default_factory=dict)  # month -> line idx -> price

    def expected(self, month: int) -> Fraction | None:
        first = date(YEAR, month, 1)
        last = date(YEAR, month, month_days(YEAR, month))
        lo, hi = max(first, self.start), min(last, self.end or last)
        if lo > hi:
            return None
        used, of = (hi - lo).days + 1, month_days(YEAR, month)
        prices = [p for _, p, _ in self.lines]
        for m in sorted(self.changes):
            if m <= month:
                for idx, price in self.changes[m].items():
                    prices[idx] = price
        by_rate: dict[int, Fraction] = {}
        for (qty, _, rate), price in zip(self.lines, prices, strict=True):
            by_rate[rate] = by_rate.get(rate, Fraction(0)) + half_up(qty * price * Fraction(used, of))
        return sum((t + half_up(t * rate / 100) for rate, t in by_rate.items()), Fraction(0))


def test_a_year_of_fifty_contracts_to_the_cent(
    sqlite_billing_app: App, rng: random.Random, tmp_path: Path
) -> None:
    db = sqlite_billing_app.db
    plans: dict[int, Plan] = {}
    with db.transaction() as s:
        services = [find_service(s, code) for code in ("MONITORING", "EMAIL")]
        for n in range(50):
            client = add_client(s, f"Cliente {n:02d}", n)
            start = date(YEAR, rng.randint(1, 6), rng.randint(1, 28))
            end = date(YEAR, rng.randint(7, 12), rng.randint(1, 28)) if n % 3 == 0 else None
            lines = [
                (1, Fraction(rng.randint(5000, 150000), 100), 22),
                (rng.randint(1, 40), Fraction(rng.randint(100, 999), 100), 22),
            ]
            specs = [
                LineSpec(svc, Decimal(q), dec(p))  # type: ignore[arg-type]
                for svc, (q, p, _) in zip(services, lines, strict=True)
            ]
            contract = create_contract(s, client, f"K-{n:02d}", start, specs)
            plan = Plan(start, end, lines)
            contract.end = end
            if n % 5 == 0:  # a price change from September
                new_price = Fraction(rng.randint(5000, 150000), 100)
                change_line(s, contract, 1, date(YEAR, 9, 1), unit_price=dec(new_price))
                plan.changes[9] = {0: new_price}
            plans[contract.id] = plan

    issued_numbers: list[str] = []
    for month in range(1, 13):
        if month == 4:
            continue  # a missed run: May's run must catch April up
        run_month(db, YEAR, month)
        assert run_month(db, YEAR, month) == []  # repeating the run creates nothing new
        with db.read() as s:
            ids = drafts_of_month(s, YEAR, month)
        done = issue(db, ids, date(YEAR, month, 2))
        issued_numbers += [d.number for d in done]
        if month == 6:
            credit_note(db, issued_numbers[0], "Storno totale", date(YEAR, 6, 3))
            credit_note(db, issued_numbers[1], "Storno riga 2", date(YEAR, 6, 3), [2])

    with db.read() as s:
        invoices = s.scalars(select(Invoice).where(Invoice.kind == "TD01")).all()
        by_key = {(inv.contract_id, inv.period_start): inv for inv in invoices}
        for contract_id, plan in plans.items():
            for month in range(1, 13):
                expected = plan.expected(month)
                inv = by_key.get((contract_id, date(YEAR, month, 1)))
                if expected is None:
                    assert inv is None
                    continue
                assert inv is not None, (contract_id, month)
                assert Fraction(inv.total) == expected, (contract_id, month, inv.total, expected)
                assert inv.status == "issued"
        april = [i for i in invoices if i.period_start == date(YEAR, 4, 1)]
        assert april and all(i.issue_date == date(YEAR, 5, 2) for i in april)
        assert len({c.id for c in s.scalars(select(Contract))}) == 50

    rows = [r for r in list_invoices(db) if r.number]
    seqs = sorted(int(r.number.split("/")[1]) for r in rows if r.number)
    assert seqs == list(range(1, len(rows) + 1))  # gapless and unique, credit notes included
    notes = [r for r in rows if r.kind == "TD04"]
    assert [n.credited for n in notes] == issued_numbers[:2]
    with db.read() as s:
        first, second = (
            s.scalars(select(Invoice).where(Invoice.number == n)).one() for n in issued_numbers[:2]
        )
        assert notes[0].total == first.total  # a full credit note gives everything back
        line2 = Fraction(second.lines[1].amount)
        assert Fraction(notes[1].total) == line2 + half_up(line2 * Fraction(second.lines[1].vat_rate) / 100)
    assert run_month(db, YEAR, 12) == []
    # Every invoice and credit note of the year as FatturaPA: all valid against the XSD.
    outcome = write_fatturapa(db, tmp_path / "xml")
    assert not outcome.refused and len(outcome.written) == len(rows)
    assert len({w.path.name for w in outcome.written}) == len(rows)


def test_a_month_of_pdfs_in_worker_processes(sqlite_billing_app: App, tmp_path: Path) -> None:
    db = sqlite_billing_app.db
    with db.transaction() as s:
        service = find_service(s, "MONITORING")
        assert service is not None
        for n in range(PARALLEL_FROM + 5):
            client = add_client(s, f"Cliente {n:02d}", n)
            create_contract(
                s, client, f"K-{n:02d}", date(YEAR, 11, 1), [LineSpec(service, Decimal(1), Decimal(100 + n))]
            )
    run_month(db, YEAR, 11)
    steps: list[tuple[int, int]] = []
    with db.read() as s:
        issue(
            db,
            drafts_of_month(s, YEAR, 11),
            date(YEAR, 11, 3),
            lambda done, total: steps.append((done, total)),
        )
    count = PARALLEL_FROM + 5
    assert steps == [(min(k + ISSUE_CHUNK, count), count) for k in range(0, count, ISSUE_CHUNK)]
    seen: list[tuple[int, int]] = []
    written = write_pdfs(
        db, tmp_path, month=(YEAR, 11), progress=lambda done, total: seen.append((done, total))
    )
    assert len(written) == PARALLEL_FROM + 5
    assert seen[-1] == (len(written), len(written)) and len(seen) == len(written)
    gate = threading.Event()  # another thread running (as in the GUI): rendered without forking
    other = threading.Thread(target=gate.wait)
    other.start()
    try:
        assert len(write_pdfs(db, tmp_path / "threaded", month=(YEAR, 11))) == len(written)
    finally:
        gate.set()
        other.join()
    for item in written[::11]:
        text = PdfReader(item.path).pages[0].extract_text()
        n = int(item.number.split("/")[1]) - 1
        total = money(round_cents(Decimal(100 + n) * Decimal("1.22")), "it").replace("\xa0", " ")
        assert item.number in text and total in text and "novembre 2026" in text
