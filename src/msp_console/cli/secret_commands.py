"""`msp-console secrets status|set|has|delete`: passwords go into the OS keyring, never on a command line.

``set`` reads the secret from the terminal (asked twice, not echoed) or from the first line of
stdin when piped, so it never appears in the shell history or in ``/proc/PID/cmdline``.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TypeVar

from msp_console.cli.common import EXIT_INPUT, CommandError

T = TypeVar("T")


def register(sub: argparse._SubParsersAction) -> None:
    sec = sub.add_parser("secrets", help="passwords in the OS keyring (the database keeps only references)")
    secsub = sec.add_subparsers(dest="secrets_command", metavar="ACTION", required=True)
    status = secsub.add_parser(
        "status", help="is there a usable OS keyring? (exit 1 if not, saying how to fix it)"
    )
    status.set_defaults(handler=_status)
    put = secsub.add_parser("set", help="store a secret under REF (read from the terminal or stdin)")
    put.add_argument("ref", metavar="REF", help="e.g. machine:12:ssh, machine:12:snmp:priv, client:3:admin")
    put.set_defaults(handler=_set)
    has = secsub.add_parser("has", help="say whether REF is stored (never prints the secret)")
    has.add_argument("ref", metavar="REF")
    has.set_defaults(handler=_has)
    rm = secsub.add_parser("delete", help="remove the secret stored under REF")
    rm.add_argument("ref", metavar="REF")
    rm.set_defaults(handler=_delete)


def _call(fn: Callable[..., T], *args: str) -> T:
    from msp_console import secrets

    try:
        return fn(*args)
    except secrets.KeyringUnavailableError as exc:
        raise CommandError(str(exc), EXIT_INPUT) from None
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_INPUT) from None


def _status(args: argparse.Namespace) -> int:
    from msp_console import secrets

    usable, message = secrets.keyring_status()
    print(message)
    return 0 if usable else EXIT_INPUT


def read_secret(ref: str) -> str:
    """Asked twice on a terminal, else the first line of stdin (never argv)."""
    if sys.stdin.isatty():
        first = getpass.getpass(f"Secret for {ref}: ")
        if getpass.getpass("Again: ") != first:
            raise CommandError("the two entries differ: nothing stored", EXIT_INPUT)
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _set(args: argparse.Namespace) -> int:
    from msp_console import secrets

    _call(secrets.get_secret, args.ref)  # refuse a bad ref or a missing keyring before asking
    value = read_secret(args.ref)
    if not value:
        raise CommandError("empty secret: nothing stored", EXIT_INPUT)
    _call(secrets.set_secret, args.ref, value)
    print(f"stored {args.ref} in the OS keyring")
    return 0


def _has(args: argparse.Namespace) -> int:
    from msp_console import secrets

    stored = _call(secrets.get_secret, args.ref) is not None
    print(f"{args.ref}: {'stored' if stored else 'not stored'}")
    return 0 if stored else EXIT_INPUT


def _delete(args: argparse.Namespace) -> int:
    from msp_console import secrets

    _call(secrets.delete_secret, args.ref)
    print(f"{args.ref}: deleted")
    return 0
