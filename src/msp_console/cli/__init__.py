"""`msp-console <command>`: the headless, scriptable face of the console.

Exit codes (stable, documented in the README):
  0  success
  1  bad input or a rule refused the change (nothing was written)
  2  wrong command-line usage
  3  the database could not be opened or upgraded
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from msp_console import __version__
from msp_console.cli import (
    billing_commands,
    db_commands,
    gui_commands,
    hostkey_commands,
    intervention_commands,
    inventory_commands,
    monitoring_commands,
)
from msp_console.cli.common import EXIT_INPUT, EXIT_OK, EXIT_USAGE, CommandError
from msp_console.domain.errors import NotFoundError, ValidationError

# Each feature module adds its sub-commands here; order is the order in --help.
COMMAND_MODULES: list[Callable[[argparse._SubParsersAction], None]] = [
    inventory_commands.register,
    hostkey_commands.register,
    db_commands.register,
    gui_commands.register,
    monitoring_commands.register,
    billing_commands.register,
    intervention_commands.register,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="msp-console",
        description="MSP Console: clients, machines, monitoring, interventions and billing. "
        "With no command it opens the main window.",
    )
    parser.add_argument("--version", action="version", version=f"msp-console {__version__}")
    parser.add_argument("--database", metavar="URL", help="SQLAlchemy database URL "
                        "(default: $MSP_CONSOLE_DATABASE_URL, else the embedded SQLite file)")
    parser.add_argument("--demo", action="store_true", help="use (and create if needed) the demo database")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in COMMAND_MODULES:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            return gui_commands.open_window(args)
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
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `msp-console tree | head` is fine
        sys.stderr.close()
        return EXIT_OK


def gui_main() -> int:
    return main(sys.argv[1:])


__all__ = ["EXIT_USAGE", "build_parser", "main"]
