"""Courtesy copies and reminders e-mailed through a real SMTP server on loopback.

    .venv/bin/python -m bench.invoice_mail --clients 50

Builds N clients with a monthly contract and an e-mail address (a Dovecot mailbox of the test lab,
tests/support/mail_servers.py), issues September and October, then times: `invoices send` for a
month (N e-mails, each with its PDF rendered and attached, one SMTP login), the same again (all
skipped), and `invoices remind` (N e-mails, two PDFs each). Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import warnings
from datetime import date
from decimal import Decimal
from pathlib import Path

from msp_console.app import App
from msp_console.mail import Account
from msp_console.mail.invoice_mail import send_courtesy_copies, send_reminders
from msp_console.services.billing.catalog import find_service
from msp_console.services.billing.company import update_profile
from msp_console.services.billing.contracts import LineSpec, create_contract
from msp_console.services.billing.issuing import drafts_of_month, issue
from msp_console.services.billing.run import run_month
from tests.integration.billing.conftest import COMPANY, add_client
from tests.support.mail_servers import start_mail_lab


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS")
    lab = start_mail_lab()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["MSP_CONSOLE_DATA_DIR"] = str(Path(tmp) / "data")
            app = App.open(f"sqlite:///{tmp}/bench.sqlite3")
            update_profile(app.db, COMPANY)
            sender = lab.claim_user()
            with app.db.transaction() as s:
                monitoring = find_service(s, "MONITORING")
                assert monitoring is not None
                for n in range(args.clients):
                    client = add_client(s, f"Cliente {n:03d}", n + 1, email=lab.claim_user().address)
                    lines = [LineSpec(monitoring, Decimal(1), Decimal("120"))]
                    create_contract(s, client, f"C-{n}", date(2026, 9, 1), lines)
            for month in (9, 10):
                run_month(app.db, 2026, month)
                with app.db.read() as s:
                    issue(app.db, drafts_of_month(s, 2026, month), date(2026, month, 1))
            account = Account(
                "bench", "smtp", lab.host, lab.smtp_port, "starttls", lab.host, lab.dovecot.imap_port,
                "starttls", sender.address, lab.cert.sha256,
            )  # fmt: skip
            for label, run in (
                ("send (month)", lambda: send_courtesy_copies(app.db, month=(2026, 9), account=account,
                                                              password=sender.password)),
                ("send again (all skipped)", lambda: send_courtesy_copies(app.db, month=(2026, 9),
                                                                          account=account,
                                                                          password=sender.password)),
                ("remind (2 PDFs each)", lambda: send_reminders(app.db, days=15, today=date(2026, 11, 20),
                                                                account=account, password=sender.password)),
            ):  # fmt: skip
                start, cpu = time.perf_counter(), time.process_time()
                out = run()
                wall, used = time.perf_counter() - start, time.process_time() - cpu
                sent = sum(o.status == "sent" for o in out)
                print(f"{label:26} {len(out):4} invoices/letters, {sent:4} sent: {wall:6.2f} s wall, "
                      f"{used:6.2f} s CPU ({wall / max(1, len(out)) * 1000:5.1f} ms each)")  # fmt: skip
            app.close()
    finally:
        lab.stop()


if __name__ == "__main__":
    main()
