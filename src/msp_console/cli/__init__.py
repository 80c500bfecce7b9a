"""`msp-console <command>`: the headless, scriptable face of the console.

Exit codes (stable, documented in the README):
  0  success
  1  bad input or a rule refused the change (nothing was written)
  2  wrong command-line usage
  3  the database could not be opened or upgraded
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from msp_console import __version__
from msp_console.cli.common import EXIT_INPUT, EXIT_OK, EXIT_USAGE, CommandError
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.logs import FILE_ONLY, setup_logging
from msp_console.redaction import redact, register_url_password
from msp_console.secrets import KeyringUnavailableError
from msp_console.settings import ENV_DATABASE_URL

# Each feature module (with a `register(sub)` function) adds its name here; order is the order in
# --help. Modules are imported only when a command line is parsed, so opening the window stays fast.
COMMAND_MODULES: list[str] = [
    "msp_console.cli.inventory_commands",
    "msp_console.cli.hostkey_commands",
    "msp_console.cli.secret_commands",
    "msp_console.cli.db_commands",
    "msp_console.cli.gui_commands",
    "msp_console.cli.monitoring_commands",
    "msp_console.cli.billing_commands",
    "msp_console.cli.sdi_commands",
    "msp_console.cli.mail_commands",
    "msp_console.cli.intervention_commands",
    "msp_console.cli.backup_commands",
    "msp_console.cli.about_commands",
    "msp_console.cli.remote_commands",
    "msp_console.cli.onboard_commands",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="msp-console",
        description="MSP Console: clients, machines, monitoring, interventions and billing. "
        "With no command it opens the main window.",
    )
    parser.add_argument("--version", action="version", version=f"msp-console {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="SQLAlchemy database URL (default: $MSP_CONSOLE_DATABASE_URL, else the embedded SQLite file)",
    )
    parser.add_argument("--demo", action="store_true", help="use (and create if needed) the demo database")
    parser.add_argument("--language", choices=["en", "it"], help="interface language (default: the system's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _global_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options when the command line only opens the window (no command, no --help/--version)."""
    quick = argparse.ArgumentParser(add_help=False)
    quick.add_argument("--database")
    quick.add_argument("--demo", action="store_true")
    quick.add_argument("--language", choices=["en", "it"])
    args, rest = quick.parse_known_args(argv)
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _global_options(argv) or build_parser().parse_args(argv)
    log_file = setup_logging(verbose=bool(os.environ.get("MSP_CONSOLE_VERBOSE")))
    register_url_password(getattr(args, "database", None) or os.environ.get(ENV_DATABASE_URL))
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from msp_console.cli.gui_commands import open_window

            return open_window(args)
        return int(handler(args) or EXIT_OK)
    except CommandError as exc:
        print(f"msp-console: {exc}", file=sys.stderr)
        return exc.exit_code
    except ValidationError as exc:
        lines = "\n".join(f"  {e}" for e in exc.errors)
        print(f"msp-console: nothing was changed:\n{lines}", file=sys.stderr)
        return EXIT_INPUT
    except NotFoundError as exc:
        print(f"msp-console: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyringUnavailableError as exc:  # says what to install or unlock
        print(f"msp-console: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `msp-console tree | head` is fine
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # a bug: the traceback goes to the log, the user gets one line
        command = getattr(args, "command", None)
        logging.getLogger("msp_console.cli").exception("unexpected error in %r", command, extra=FILE_ONLY)
        what = redact(f"{type(exc).__name__}: {exc}".splitlines()[0])
        print(f"msp-console: unexpected error ({what}); details in {log_file}", file=sys.stderr)
        return EXIT_INPUT


def gui_main() -> int:
    return main(sys.argv[1:])


__all__ = ["EXIT_USAGE", "build_parser", "main"]
