"""Opening the app for a command or the window, and the exit codes both report.

Below `cli` and `ui` so that the window's launcher and the commands share one way to open the
database without the GUI importing the command-line package.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from msp_console.settings import resolve_database_url

if TYPE_CHECKING:
    from msp_console.app import App

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3


class CommandError(Exception):
    def __init__(self, message: str, exit_code: int = EXIT_INPUT):
        super().__init__(message)
        self.exit_code = exit_code


def show_progress(step: object) -> None:
    """A long upgrade's progress, a line per committed batch on stderr (stdout carries results)."""
    print(f"msp-console: {step}", file=sys.stderr, flush=True)


def open_app(args: argparse.Namespace) -> App:
    """Opens the chosen database and brings its schema up to date (creating the demo if asked),
    telling how a long data conversion is getting on."""
    demo = bool(getattr(args, "demo", False))
    url = resolve_database_url(getattr(args, "database", None), demo=demo)
    from msp_console.app import App  # SQLAlchemy: the window imports it after its first paint

    try:
        app = App.open(url, progress=show_progress)
    except Exception as exc:  # the message is what a user can act on; details go to the log
        raise CommandError(f"cannot open the database: {exc}", EXIT_DATABASE) from exc
    if demo:
        from msp_console.demo import ensure_demo_data

        ensure_demo_data(app)
    return app
