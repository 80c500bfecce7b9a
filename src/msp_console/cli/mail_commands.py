"""`msp-console mail add|test|pin|list|remove`: the mailboxes invoices and SdI files leave from.

The password is read from the terminal (asked twice, not echoed) or from the first line of stdin,
never from the command line; it goes to the OS keyring, the database keeps the rest.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from msp_console.cli.common import EXIT_INPUT, CommandError, open_app, print_json

if TYPE_CHECKING:
    from msp_console.services.database import Database

T = TypeVar("T")


def register(sub: argparse._SubParsersAction) -> None:
    mail = sub.add_parser("mail", help="mail accounts (PEC or SMTP + IMAP) for invoices and the SdI")
    msub = mail.add_subparsers(dest="mail_command", metavar="ACTION", required=True)
    add = msub.add_parser(
        "add", help="add a mail account; the password is read from stdin or asked (never an argument)"
    )
    add.add_argument("name", metavar="NAME", help="a short name, e.g. pec or office")
    add.add_argument("--kind", choices=["pec", "smtp"], default="smtp", help="pec: sends to the SdI")
    add.add_argument("--smtp-host", required=True)
    add.add_argument("--smtp-port", type=int, help="default 465 with --tls, 587 with --starttls")
    add.add_argument("--imap-host", help="default: the SMTP host")
    add.add_argument("--imap-port", type=int, help="default 993 with --tls, 143 with --starttls")
    add.add_argument("--user", required=True, help="the login, usually the mailbox address")
    add.add_argument("--sender", default="", help="the From: address (default: the user)")
    sec = add.add_mutually_exclusive_group()
    sec.add_argument(
        "--tls", dest="security", action="store_const", const="tls", help="implicit TLS (default)"
    )
    sec.add_argument("--starttls", dest="security", action="store_const", const="starttls")
    add.add_argument(
        "--pin-fingerprint",
        metavar="SHA256",
        help="accept this self-signed server certificate (as `mail test` shows it)",
    )
    add.add_argument("--replace", action="store_true", help="update the account NAME if it exists")
    add.set_defaults(handler=_add, security="tls")
    test = msub.add_parser("test", help="log in to SMTP and IMAP and say what fails, in words")
    test.add_argument("name", metavar="NAME")
    test.set_defaults(handler=_test)
    pin = msub.add_parser("pin", help="accept a server certificate by its SHA-256 fingerprint")
    pin.add_argument("name", metavar="NAME")
    pin.add_argument("fingerprint", metavar="SHA256", help="as `mail test` shows it; 'none' removes the pin")
    pin.set_defaults(handler=_pin)
    ls = msub.add_parser("list", help="the mail accounts (never the passwords)")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=_list)
    rm = msub.add_parser("remove", help="remove a mail account and its password")
    rm.add_argument("name", metavar="NAME")
    rm.set_defaults(handler=_remove)


def _on_db(args: argparse.Namespace, fn: Callable[[Database], T]) -> T:
    app = open_app(args)
    try:
        return fn(app.db)
    finally:
        app.close()


def _add(args: argparse.Namespace) -> int:
    from msp_console.cli.secret_commands import read_secret
    from msp_console.mail.account import Account, default_port, normalise_fingerprint
    from msp_console.mail.store import save_account

    account = Account(
        name=args.name,
        kind=args.kind,
        smtp_host=args.smtp_host.strip(),
        smtp_port=args.smtp_port or default_port("smtp", args.security),
        smtp_security=args.security,
        imap_host=(args.imap_host or args.smtp_host).strip(),
        imap_port=args.imap_port or default_port("imap", args.security),
        imap_security=args.security,
        username=args.user.strip(),
        pinned_sha256=normalise_fingerprint(args.pin_fingerprint),
        sender_address=args.sender.strip(),
    ).validate()  # before asking for the password
    password = read_secret(f"mail account {account.name}")
    if not password:
        raise CommandError("empty password: nothing stored", EXIT_INPUT)
    _on_db(args, lambda db: save_account(db, account, password, replace=args.replace))
    print(
        f"mail account {account.name} saved (password in the OS keyring); check it with: "
        f"msp-console mail test {account.name}"
    )
    return 0


def _test(args: argparse.Namespace) -> int:
    from msp_console.mail.check import try_account
    from msp_console.mail.errors import format_fingerprint
    from msp_console.mail.store import get_account

    account = _on_db(args, lambda db: get_account(db, args.name))
    results = try_account(account)
    for r in results:
        print(f"{r.step.upper()}: {'OK' if r.ok else 'FAILED'} — {r.message}")
    shown = {r.fingerprint for r in results if r.fingerprint}
    for fp in sorted(shown):
        print(
            f"\nThe server's certificate has SHA-256 fingerprint {format_fingerprint(fp)}.\n"
            "Compare it with the one your provider publishes; if it is the same, accept it with:\n"
            f"  msp-console mail pin {account.name} {format_fingerprint(fp)}"
        )
    return 0 if all(r.ok for r in results) else EXIT_INPUT


def _pin(args: argparse.Namespace) -> int:
    from msp_console.mail.account import normalise_fingerprint
    from msp_console.mail.store import get_account, save_account

    pin = None if args.fingerprint.lower() == "none" else normalise_fingerprint(args.fingerprint)

    def pin_it(db: Database) -> None:
        account = dataclasses.replace(get_account(db, args.name), pinned_sha256=pin)
        save_account(db, account, None, replace=True)

    _on_db(args, pin_it)
    print(f"{args.name}: " + ("certificate pinned" if pin else "pin removed: only CA-signed certificates"))
    return 0


def _list(args: argparse.Namespace) -> int:
    from msp_console.mail.errors import format_fingerprint
    from msp_console.mail.store import list_accounts

    accounts = _on_db(args, list_accounts)
    if args.json:
        print_json([{k: v for k, v in dataclasses.asdict(a).items() if k != "id"} for a in accounts])
        return 0
    for a in accounts:
        pin = f"\tpinned {format_fingerprint(a.pinned_sha256)[:23]}…" if a.pinned_sha256 else ""
        print(
            f"{a.name}\t{a.kind}\t{a.username}\tSMTP {a.smtp_host}:{a.smtp_port} {a.smtp_security}"
            f"\tIMAP {a.imap_host}:{a.imap_port} {a.imap_security}{pin}"
        )
    if not accounts:
        print("no mail accounts yet (msp-console mail add NAME …)")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from msp_console.mail.store import remove_account

    _on_db(args, lambda db: remove_account(db, args.name))
    print(f"mail account {args.name} removed, and its password from the OS keyring")
    return 0
