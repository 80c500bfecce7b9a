"""`msp-console onboard windows|linux CLIENT/MACHINE --out FILE`: the script that lets the console in.

The console's SSH key pair is made on first use (private half in the OS keyring). Bad input — an
unknown machine, an address that is not an IP/CIDR, a bad user name — exits 1 and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from msp_console.cli.common import EXIT_INPUT, CommandError, open_app


def register(sub: argparse._SubParsersAction) -> None:
    onboard = sub.add_parser(
        "onboard", help="write the script that opens a client's machine to the console (SSH + its key)"
    )
    osub = onboard.add_subparsers(dest="onboard_command", metavar="OS", required=True)
    for kind, text in (
        ("windows", "PowerShell: install OpenSSH Server, trust the console key, firewall TCP 22"),
        ("linux", "shell: add the console key, restricted, for a user"),
    ):
        p = osub.add_parser(kind, help=text)
        p.add_argument("machine", metavar="CLIENT/MACHINE")
        p.add_argument(
            "--out", required=True, metavar="FILE", help="where to write the script ('-': print it)"
        )
        p.add_argument(
            "--allow-from",
            default="",
            metavar="ADDRESS",
            help="the console's IP address or network (CIDR) allowed in"
            + (" (default: the local subnet)" if kind == "windows" else " (default: any)"),
        )
        if kind == "linux":
            p.add_argument("--user", default="root", help="the user the console logs in as (default root)")
        p.set_defaults(handler=_onboard, onboard_kind=kind)


def _onboard(args: argparse.Namespace) -> int:
    from msp_console.fileio import atomic_write_bytes
    from msp_console.remote.onboard import Request, check_request, make_script
    from msp_console.remote.onboarding import script_bytes

    request = Request(args.onboard_kind, args.machine, args.allow_from, getattr(args, "user", "root"))
    check_request(request)  # before opening the database: a typo is refused at once
    out = None if args.out == "-" else Path(args.out)
    if out is not None and out.is_dir():
        raise CommandError(f"--out: {out} is a directory; give a file name", EXIT_INPUT)
    app = open_app(args)
    try:
        script = make_script(app.db, request)
    finally:
        app.close()
    if out is None:
        sys.stdout.write(script.text)
        _say_who_may_connect(args, script.kind)
        return 0
    try:
        atomic_write_bytes(out, script_bytes(script.kind, script.text), mode=0o600)
    except OSError as exc:
        raise CommandError(f"--out: cannot write {out}: {exc.strerror or exc}", EXIT_INPUT) from None
    print(f"wrote the {script.kind} onboarding script for {script.target.path} to {out}")
    print(f"console key: {script.key_fingerprint}")
    _say_who_may_connect(args, script.kind)
    return 0


def _say_who_may_connect(args: argparse.Namespace, kind: str) -> None:
    if not args.allow_from:
        reach = "the machine's local subnet" if kind == "windows" else "any address"
        print(
            f"note: SSH is allowed from {reach}; --allow-from ADDRESS limits it to this PC", file=sys.stderr
        )
