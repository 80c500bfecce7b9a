"""`msp-console connect|sessions|profiles|secrets`: remote sessions from the command line.

Secrets are read from a no-echo prompt (or stdin when it is not a terminal) — never from argv.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from msp_console.cli.common import EXIT_INPUT, CommandError, open_app, print_json


def register(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("connect", help="open a remote session on CLIENT/MACHINE (its default profile)")
    c.add_argument("machine", metavar="CLIENT/MACHINE")
    c.add_argument("--profile", metavar="NAME", help="the profile to use (default: the machine's default)")
    c.add_argument(
        "--dry-run", action="store_true", help="print argv, files and stdin use (secrets redacted)"
    )
    c.add_argument("--json", action="store_true")
    c.add_argument("--terminal", help="terminal for SSH on Linux (e.g. tmux, xterm)")
    c.add_argument("--detach", action="store_true", help="return once started (the audit row stays open)")
    c.set_defaults(handler=_connect)

    s = sub.add_parser("sessions", help="the remote-session log (who, when, machine, protocol, duration)")
    s.add_argument("--json", action="store_true")
    s.add_argument("--limit", type=int, default=200)
    s.set_defaults(handler=_sessions)

    p = sub.add_parser("profiles", help="connection profiles of a machine")
    ps = p.add_subparsers(dest="profiles_command", metavar="ACTION", required=True)
    ls = ps.add_parser("list", help="profiles (or the proposed ones when none is saved)")
    ls.add_argument("machine", metavar="CLIENT/MACHINE")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=_profiles_list)
    add = ps.add_parser("add", help="add a profile")
    add.add_argument("machine", metavar="CLIENT/MACHINE")
    add.add_argument("name")
    add.add_argument(
        "protocol", choices=["ssh", "rdp", "vnc", "web", "anydesk", "rustdesk", "teamviewer", "custom"]
    )
    add.add_argument("--host", default="", help="default: the machine's address")
    add.add_argument("--port", type=int)
    add.add_argument("--user", default="")
    add.add_argument("--domain", default="")
    add.add_argument(
        "--credential", choices=["none", "profile", "client", "shared", "prompt"], default="none"
    )
    add.add_argument(
        "--shared", default="", metavar="NAME", help="shared credential name (with --credential shared)"
    )
    add.add_argument("--jump", metavar="MACHINE", help="another machine of the client with an ssh profile")
    add.add_argument("--option", "-o", action="append", default=[], metavar="KEY=VALUE")
    add.add_argument("--default", action="store_true")
    add.set_defaults(handler=_profiles_add)
    rm = ps.add_parser("remove", help="remove a profile (and its keyring secret)")
    rm.add_argument("machine", metavar="CLIENT/MACHINE")
    rm.add_argument("name")
    rm.set_defaults(handler=_profiles_remove)
    d = ps.add_parser("default", help="make a profile the default (double-click, Enter)")
    d.add_argument("machine", metavar="CLIENT/MACHINE")
    d.add_argument("name")
    d.set_defaults(handler=_profiles_default)

    _extend_secrets_set(sub)


def _extend_secrets_set(sub: argparse._SubParsersAction) -> None:
    """`secrets set` (secret_commands.py) takes a raw REF; this adds CLIENT[/MACHINE] [--profile]
    [--user] [--domain] [--shared NAME] to it. A REF (like machine:12:ssh) still works as before."""
    sec = sub.choices.get("secrets")
    if sec is None:  # stand-alone: our own `secrets set|status`
        sec = sub.add_parser("secrets", help="passwords in the OS keyring")
        ss = sec.add_subparsers(dest="secrets_command", metavar="ACTION", required=True)
        ss.add_parser("status", help="is a usable OS keyring there?").set_defaults(handler=_secrets_status)
        st = ss.add_parser("set", help="store a password (read without echo, or from stdin)")
        st.add_argument("ref", nargs="?", metavar="CLIENT[/MACHINE]|REF")
        previous = None
    else:
        actions = [a for a in sec._actions if isinstance(a, argparse._SubParsersAction)]
        st = actions[0].choices["set"]
        for action in st._actions:
            if action.dest == "ref":
                action.nargs, action.default, action.metavar = "?", None, "CLIENT[/MACHINE]|REF"
                action.help = "a client (its admin account), CLIENT/MACHINE (a profile), or a raw REF " + (
                    f"({action.help})" if action.help else "like machine:12:ssh"
                )
        previous = st.get_default("handler")
    st.add_argument(
        "--profile", metavar="NAME", help="with CLIENT/MACHINE: the profile (default: the default one)"
    )
    st.add_argument("--user", metavar="USER", help="the account name stored with it")
    st.add_argument("--domain", metavar="DOMAIN")
    st.add_argument("--shared", metavar="NAME", help="a named shared credential (no CLIENT needed)")

    def handler(args: argparse.Namespace) -> int:
        from msp_console.secrets import _REF

        if previous is not None and args.ref and _REF.match(args.ref) and not args.shared:
            return int(previous(args) or 0)
        return _secrets_set(args)

    st.set_defaults(handler=handler)


def _connect(args: argparse.Namespace) -> int:
    from msp_console.remote.credentials import CredentialError
    from msp_console.remote.plan import MissingClientError
    from msp_console.remote.sessions import LaunchError, SessionRunner
    from msp_console.remote.store import ProfileStore
    from msp_console.remote.tunnel import TunnelError
    from msp_console.secrets import KeyringUnavailableError

    app = open_app(args)
    try:
        machine = ProfileStore(app.db).machine_by_path(args.machine)
        runner = SessionRunner(app.db, prompt=_prompt, terminal=args.terminal)
        try:
            if args.dry_run:
                view = runner.dry_run(machine.id, args.profile)
                if args.json:
                    print_json(view)
                else:
                    _print_plan(view)
                return 0
            session = runner.start(machine.id, args.profile)
        except (
            MissingClientError,
            CredentialError,
            LaunchError,
            TunnelError,
            KeyringUnavailableError,
        ) as exc:
            command = getattr(exc, "command", "")
            raise CommandError(
                str(exc) + (f": set it with `{command}`" if command else ""), EXIT_INPUT
            ) from None
        info = {"session": session.session_id, "tool": session.tool, "tunnel": session.tunnel_text,
                "intervention": session.intervention_id}  # fmt: skip
        if args.json:
            print_json(info)
        else:
            via = f" through {session.tunnel_text}" if session.tunnel else ""
            print(f"session {session.session_id}: {session.tool} to {machine.path}{via}", flush=True)
        if args.detach:
            return 0
        code = session.wait()
        if not args.json:
            print(f"session {session.session_id} ended (exit {code})")
        return 0
    finally:
        app.close()


def _print_plan(view: dict[str, Any]) -> None:
    import shlex

    print(
        f"machine: {view['machine']}  profile: {view['profile']} ({view['protocol']})  "
        f"target: {view['target']}"
    )
    if view["tunnel"]:
        print(f"tunnel:  {view['tunnel']}")
    print(f"tool:    {view['tool']}")
    print("argv:    " + shlex.join(view["argv"]))
    if view["wait_argv"]:
        print("waits:   " + shlex.join(view["wait_argv"]))
    for k, v in view["env"].items():
        print(f"env:     {k}={v}")
    if view["stdin"]:
        print(f"stdin:   {view['stdin']}")
    for f in view["files"]:
        print(
            f"file:    {f['path']} ({f['mode']}, {f['purpose']}, written by {f['written_by']}): "
            f"{f['content']!r}"
        )
    for note in view["notes"]:
        print(f"note:    {note}")


def _prompt(message: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(message)


def _sessions(args: argparse.Namespace) -> int:
    from msp_console.remote.audit import list_sessions

    app = open_app(args)
    try:
        records = list_sessions(app.db, args.limit)
    finally:
        app.close()
    if args.json:
        print_json([r.as_dict() for r in records])
        return 0
    for r in records:
        took = "running" if r.ended is None else f"{r.duration_seconds} s"
        code = "" if r.exit_code is None else f" exit {r.exit_code}"
        link = f" intervention #{r.intervention_id}" if r.intervention_id else ""
        via = f" via {r.tunnel}" if r.tunnel else ""
        print(
            f"{r.started:%Y-%m-%d %H:%M}  {r.machine}  {r.protocol}/{r.profile}  {r.technician}  "
            f"{took}{code}{link}{via}"
        )
    if not records:
        print("no remote sessions yet")
    return 0


def _profiles_list(args: argparse.Namespace) -> int:
    from msp_console.remote.store import ProfileStore

    app = open_app(args)
    try:
        store = ProfileStore(app.db)
        machine = store.machine_by_path(args.machine)
        profiles = store.list(machine.id)
    finally:
        app.close()
    rows = [
        {"name": p.name, "protocol": p.protocol.value, "default": p.is_default, "saved": p.id is not None,
         "host": p.host or machine.address, "port": p.port, "user": p.user, "domain": p.domain,
         "credential": p.credential_mode.value, "shared": p.shared_name, "secret_ref": p.secret_ref,
         "jump_machine_id": p.jump_machine_id, "options": p.options}
        for p in profiles
    ]  # fmt: skip
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        flag = "*" if r["default"] else " "
        saved = "" if r["saved"] else "  (proposed, not saved)"
        port = f":{r['port']}" if r["port"] else ""
        user = f"{r['user']}@" if r["user"] else ""
        print(
            f"{flag} {r['name']}\t{r['protocol']}\t{user}{r['host']}{port}\t"
            f"credential: {r['credential']}{saved}"
        )
    return 0


def _profiles_add(args: argparse.Namespace) -> int:
    from msp_console.remote.profiles import CredentialMode, ProfileSpec, Protocol, parse_option_pairs
    from msp_console.remote.store import ProfileStore

    protocol = Protocol(args.protocol)
    options = parse_option_pairs(args.option, protocol)
    app = open_app(args)
    try:
        store = ProfileStore(app.db)
        machine = store.machine_by_path(args.machine)
        jump_id = store.machine_by_path(f"{machine.client_name}/{args.jump}").id if args.jump else None
        spec = ProfileSpec(
            args.name, protocol, args.host, args.port, args.user, args.domain,
            CredentialMode(args.credential), args.shared, jump_id, options, args.default,
        )  # fmt: skip
        store.add(machine.id, spec)
    finally:
        app.close()
    print(f"profile '{args.name}' ({protocol.value}) added to {machine.path}")
    return 0


def _profiles_remove(args: argparse.Namespace) -> int:
    from msp_console.remote.store import ProfileStore

    app = open_app(args)
    try:
        store = ProfileStore(app.db)
        machine = store.machine_by_path(args.machine)
        ref = store.remove(machine.id, args.name)
    finally:
        app.close()
    if ref:
        from msp_console.secrets import KeyringUnavailableError, delete_secret

        try:
            delete_secret(ref)
        except KeyringUnavailableError as exc:
            print(
                f"msp-console: the profile is removed, but its keyring entry {ref} is not: {exc}",
                file=sys.stderr,
            )
    print(f"profile '{args.name}' removed from {machine.path}")
    return 0


def _profiles_default(args: argparse.Namespace) -> int:
    from msp_console.remote.store import ProfileStore

    app = open_app(args)
    try:
        store = ProfileStore(app.db)
        machine = store.machine_by_path(args.machine)
        store.set_default(machine.id, args.name)
    finally:
        app.close()
    print(f"'{args.name}' is now the default profile of {machine.path}")
    return 0


def read_secret(prompt: str = "Password: ") -> str:
    """No echo on a terminal; one line from stdin otherwise (pipes, scripts). Never argv."""
    if sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if getpass.getpass("Again: ") != first:
            raise CommandError("the two passwords differ: nothing was stored", EXIT_INPUT)
        secret = first
    else:
        secret = sys.stdin.readline().rstrip("\r\n")
    if not secret:
        raise CommandError("empty password: nothing was stored", EXIT_INPUT)
    return secret


def _secrets_set(args: argparse.Namespace) -> int:
    from msp_console.remote.store import ProfileStore
    from msp_console.secrets import KeyringUnavailableError, keyring_status, set_secret

    args.target = args.ref
    if not args.shared and not args.target:
        raise CommandError("give CLIENT[/MACHINE], or --shared NAME", EXIT_INPUT)
    usable, message = keyring_status()
    if not usable:
        raise CommandError(message, EXIT_INPUT)
    app = open_app(args)
    try:
        store = ProfileStore(app.db)
        if args.shared:
            what = f"shared credential '{args.shared}'"
            ref = store.save_credential(client_id=None, name=args.shared, user=args.user, domain=args.domain)
        elif "/" in args.target:
            machine = store.machine_by_path(args.target)
            ref, name = store.use_own_secret(machine.id, args.profile, args.user)
            what = f"profile '{name}' of {machine.path}"
        else:
            cid = store.client_id_by_name(args.target)
            what = f"admin credential of client '{args.target}'"
            ref = store.save_credential(client_id=cid, name="admin", user=args.user, domain=args.domain)
        secret = read_secret(f"Password for the {what}: ")
        try:
            set_secret(ref, secret)
        except KeyringUnavailableError as exc:
            raise CommandError(str(exc), EXIT_INPUT) from None
    finally:
        app.close()
    print(f"stored the password of the {what} in the OS keyring ({ref})")
    return 0


def _secrets_status(args: argparse.Namespace) -> int:
    from msp_console.secrets import keyring_status

    usable, message = keyring_status()
    print(message)
    return 0 if usable else EXIT_INPUT
