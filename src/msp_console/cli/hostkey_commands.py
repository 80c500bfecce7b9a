"""`msp-console hostkeys list|trust|forget`: the technician decides which SSH host keys to trust."""

from __future__ import annotations

import argparse
import sys

from msp_console.cli.common import EXIT_INPUT, CommandError, open_app, print_json


def register(sub: argparse._SubParsersAction) -> None:
    hk = sub.add_parser("hostkeys", help="SSH host keys the monitoring trusts")
    hksub = hk.add_subparsers(dest="hostkeys_command", metavar="ACTION", required=True)
    ls = hksub.add_parser("list", help="trusted keys and keys seen but not yet trusted")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=_list)
    trust = hksub.add_parser("trust", help="trust a host's key (given, or fetched now and confirmed)")
    trust.add_argument("target", metavar="HOST[:PORT]")
    trust.add_argument(
        "--fingerprint",
        metavar="SHA256:…",
        help="the fingerprint to trust (compare it with `ssh-keygen -lf` on the server)",
    )
    trust.add_argument("--yes", action="store_true", help="trust the presented key without asking")
    trust.add_argument("--timeout", type=float, default=10.0)
    trust.set_defaults(handler=_trust)
    forget = hksub.add_parser("forget", help="forget every key of HOST[:PORT]")
    forget.add_argument("target", metavar="HOST[:PORT]")
    forget.set_defaults(handler=_forget)


def parse_target(text: str) -> tuple[str, int]:
    host, port = text.strip(), 22
    if host.startswith("["):  # [IPv6]:port
        inner, _, rest = host[1:].partition("]")
        host = inner
        if rest.startswith(":"):
            port = _port(rest[1:])
    elif host.count(":") == 1:
        host, _, p = host.partition(":")
        port = _port(p)
    if not host:
        raise CommandError("give a host, like server.example or 10.0.0.5:2222", EXIT_INPUT)
    return host, port


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise CommandError(f"{text!r} is not a port (1-65535)", EXIT_INPUT)
    return int(text)


def _list(args: argparse.Namespace) -> int:
    from msp_console.monitoring.hostkeys import HostKeyStore

    app = open_app(args)
    try:
        keys = HostKeyStore(app.db).list()
    finally:
        app.close()
    if args.json:
        print_json(
            [
                {
                    "host": k.host,
                    "port": k.port,
                    "key_type": k.key_type,
                    "fingerprint": k.fingerprint,
                    "first_seen": k.first_seen.isoformat(),
                    "trusted_at": k.trusted_at.isoformat() if k.trusted_at else None,
                }
                for k in keys
            ]
        )
        return 0
    for k in keys:
        status = f"trusted {k.trusted_at:%Y-%m-%d %H:%M}" if k.trusted_at else "NOT TRUSTED"
        print(f"{k.host}:{k.port}\t{k.key_type or '?'}\t{k.fingerprint}\t{status}")
    if not keys:
        print("no host keys yet")
    return 0


def _trust(args: argparse.Namespace) -> int:
    from msp_console.monitoring.hostkeys import HostKeyStore, normalise_fingerprint

    host, port = parse_target(args.target)
    key_type = ""
    if args.fingerprint:
        try:
            fp = normalise_fingerprint(args.fingerprint)
        except ValueError as exc:
            raise CommandError(str(exc), EXIT_INPUT) from None
    else:
        from msp_console.monitoring.hostkeys import fetch_host_key

        try:
            key_type, fp = fetch_host_key(host, port, args.timeout)
        except OSError as exc:
            raise CommandError(f"cannot fetch the host key of {host}:{port}: {exc}", EXIT_INPUT) from None
        print(f"{host}:{port} presents {key_type} key {fp}")
        if not args.yes:
            if not sys.stdin.isatty():
                raise CommandError("not trusted: confirm with --yes, or pass --fingerprint", EXIT_INPUT)
            if input("Trust this key? [y/N] ").strip().lower() not in {"y", "yes"}:
                print("not trusted")
                return EXIT_INPUT
    app = open_app(args)
    try:
        HostKeyStore(app.db).trust(host, port, fp, key_type)
    finally:
        app.close()
    print(f"trusted {fp} for {host}:{port}")
    return 0


def _forget(args: argparse.Namespace) -> int:
    from msp_console.monitoring.hostkeys import HostKeyStore

    host, port = parse_target(args.target)
    app = open_app(args)
    try:
        removed = HostKeyStore(app.db).forget(host, port)
    finally:
        app.close()
    print(f"forgot {removed} key(s) of {host}:{port}")
    return 0
