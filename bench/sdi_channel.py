"""The SdI channel on a month of N invoices: precheck (dry run), the sending bookkeeping, and
applying N notifications as .xml and as signed .p7m. The PEC transport itself is left out (it is
the provider's time): the deliver step here only counts the messages.

.venv/bin/python -m bench.sdi_channel [--invoices 200]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date
from email.message import EmailMessage
from pathlib import Path

from bench.billing_month import seed
from msp_console.app import App
from msp_console.services.billing import sdi_send
from msp_console.services.billing.issuing import drafts_of_month, issue
from msp_console.services.billing.run import run_month
from msp_console.services.billing.sdi_receipts import apply_bytes
from tests.integration.sdi.sdi_player import Signer, notification


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--invoices", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = App.open(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        seed(app, args.invoices)
        run_month(app.db, 2026, 11)
        with app.db.read() as s:
            ids = drafts_of_month(s, 2026, 11)
        issue(app.db, ids, date(2026, 12, 1))
        today, month = date(2026, 12, 2), (2026, 12)
        print(f"{args.invoices} invoices, load average {os.getloadavg()[0]:.1f}")

        t = time.perf_counter()
        dry = sdi_send.send(app.db, None, month=month, today=today)
        took = time.perf_counter() - t
        print(f"precheck (dry run): {took:.2f} s, {took / len(dry) * 1000:.1f} ms per invoice")

        sent: list[EmailMessage] = []

        def deliver(msg: EmailMessage) -> str:
            sent.append(msg)
            return f"<{len(sent)}@bench>"

        t = time.perf_counter()
        outcomes = sdi_send.send(app.db, lambda: deliver, month=month, today=today)
        took = time.perf_counter() - t
        print(
            f"send (precheck + 2 transactions each, no SMTP): {took:.2f} s, "
            f"{took / len(outcomes) * 1000:.1f} ms each"
        )

        signer = Signer.generate()
        xmls = [notification("RC", o.file_name) for o in outcomes]
        half = len(xmls) // 2
        t = time.perf_counter()
        for name, data in xmls[:half]:
            apply_bytes(app.db, data, name)
        plain = time.perf_counter() - t
        signed = [(name + ".p7m", signer.p7m(data)) for name, data in xmls[half:]]
        t = time.perf_counter()
        for name, data in signed:
            apply_bytes(app.db, data, name)
        p7m = time.perf_counter() - t
        print(
            f"apply .xml: {plain / half * 1000:.1f} ms each; "
            f".xml.p7m (verify + unwrap): {p7m / len(signed) * 1000:.1f} ms each"
        )
        t = time.perf_counter()
        for name, data in xmls:
            apply_bytes(app.db, data, name)
        print(
            f"again (all recognised as applied): {(time.perf_counter() - t) / len(xmls) * 1000:.1f} ms each"
        )
        app.close()


if __name__ == "__main__":
    main()
