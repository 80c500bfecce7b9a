"""`msp-console invoices pdf|fatturapa` and `msp-console report`: documents written to files."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from msp_console.app import App
from msp_console.cli.common import EXIT_INPUT, CommandError, print_json


def register(isub: Any, sub: Any, with_app: Callable[..., Any], month: Callable[[str], Any]) -> None:
    p = isub.add_parser("pdf", help="write the printable PDF of issued invoices and credit notes")
    p.add_argument("numbers", nargs="*", metavar="NUMBER")
    p.add_argument("--month", type=month, metavar="YYYY-MM", help="every document issued in that month")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p.add_argument(
        "--with-report",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also write each client's service report of the month beside its invoice "
        "(default: the invoice_pdf_with_report preference)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=with_app(_pdf))

    p = isub.add_parser("fatturapa", help="write FatturaPA XML (FPR12), validated against the XSD")
    p.add_argument("numbers", nargs="*", metavar="NUMBER")
    p.add_argument("--month", type=month, metavar="YYYY-MM")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=with_app(_xml))

    p = isub.add_parser("preview", help="print a draft as it will look (marked BOZZA/DRAFT, no number)")
    p.add_argument("id", type=int)
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    p.set_defaults(handler=with_app(_preview))

    p = sub.add_parser(
        "report",
        help="monthly service reports (PDF): one per client with a contract in the month, or --client NAME",
    )
    p.add_argument("--client", metavar="NAME", help="only this client")
    p.add_argument("--month", type=month, required=True, metavar="YYYY-MM")
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="folder for the PDFs (with --client, a FILE.pdf name also works)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=with_app(_report))


def _target(args: argparse.Namespace) -> tuple[list[str] | None, Any]:
    if bool(args.numbers) == (args.month is not None):
        raise CommandError("give either invoice numbers or --month YYYY-MM", EXIT_INPUT)
    return (list(args.numbers) or None), args.month


def _pdf(app: App, args: argparse.Namespace) -> int:
    from msp_console.preferences import load_preferences
    from msp_console.services.billing.documents import write_pdfs

    numbers, month = _target(args)
    with_reports = (
        load_preferences().invoice_pdf_with_report if args.with_report is None else args.with_report
    )
    written = write_pdfs(app.db, args.out, numbers, month, with_reports=with_reports)
    if args.json:
        print_json(
            {
                "written": [
                    {"number": w.number, "path": str(w.path), "report": str(w.report) if w.report else None}
                    for w in written
                ]
            }
        )
    else:
        print(f"wrote {len(written)} PDF(s) to {args.out}")
        for w in written:
            print(f"  {w.number}  {w.path.name}" + (f"  + {w.report.name}" if w.report else ""))
    return 0


def _xml(app: App, args: argparse.Namespace) -> int:
    from msp_console.services.billing.documents import write_fatturapa

    numbers, month = _target(args)
    outcome = write_fatturapa(app.db, args.out, numbers, month)
    if args.json:
        print_json(
            {
                "written": [{"number": w.number, "path": str(w.path)} for w in outcome.written],
                "refused": {n: [str(e) for e in errs] for n, errs in outcome.refused.items()},
            }
        )
    else:
        print(f"wrote {len(outcome.written)} FatturaPA file(s) to {args.out}")
        for w in outcome.written:
            print(f"  {w.number}  {w.path.name}")
    if outcome.refused:
        details = "\n".join(f"  {number}: {e}" for number, errs in outcome.refused.items() for e in errs)
        raise CommandError(f"{len(outcome.refused)} invoice(s) not written, the XML is not valid:\n{details}")
    return 0


def _preview(app: App, args: argparse.Namespace) -> int:
    from msp_console.fileio import atomic_write_bytes
    from msp_console.services.billing.documents import draft_preview_pdf

    atomic_write_bytes(args.out, draft_preview_pdf(app.db, args.id))
    print(f"wrote the preview of draft {args.id} to {args.out}")
    return 0


def _report(app: App, args: argparse.Namespace) -> int:
    from msp_console.services.billing.report_files import write_service_report, write_service_reports

    if args.client and args.out.suffix.lower() == ".pdf":  # the single-report form
        path = write_service_report(app.db, args.client, args.month, args.out)
        print(f"wrote the service report to {path}")
        return 0
    if args.out.exists() and not args.out.is_dir():
        raise CommandError(f"--out: {args.out} is a file; give a folder", EXIT_INPUT)
    args.out.mkdir(parents=True, exist_ok=True)

    def progress(done: int, total: int) -> None:
        if not args.json:
            print(f"\r{done}/{total} clients", end="" if done < total else "\n", file=sys.stderr, flush=True)

    run = write_service_reports(app.db, args.month, args.out, args.client, progress=progress)
    if args.json:
        print_json(
            {
                "written": [{"client": c, "path": str(p)} for c, p in run.written],
                "refused": [{"client": c, "reason": why} for c, why in run.refused],
            }
        )
    else:
        print(f"wrote {len(run.written)} service report(s) to {args.out}")
        for client, path in run.written:
            print(f"  {client}  {path.name}")
        for client, why in run.refused:
            print(f"  {client}: no report — {why}")
    if not run.written:
        reasons = (
            "; ".join(f"{c}: {why}" for c, why in run.refused) or "no client has a contract in that month"
        )
        raise CommandError(f"no service report written ({reasons})", EXIT_INPUT)
    return 0
