"""Opening the window, and `msp-console screenshot` (rendering it offscreen to a PNG)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from msp_console.cli.common import EXIT_USAGE, CommandError


def register(sub: argparse._SubParsersAction) -> None:
    shot = sub.add_parser("screenshot", help="render the main window to a PNG and exit")
    shot.add_argument("out", type=Path, metavar="OUT.png")
    shot.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help="use the demo database")
    shot.add_argument("--size", default="1400x850", help="window size WxH (default 1400x850)")
    shot.add_argument("--select", metavar="CLIENT[/MACHINE]", help="select this client or machine first")
    shot.add_argument("--language", choices=["en", "it"], help="interface language")
    shot.add_argument(
        "--view",
        metavar="NAME[:ARG]",
        help="bring a view forward first (e.g. today, calendar, interventions, intervention:N)",
    )
    shot.set_defaults(handler=_screenshot)


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{3,5})x(\d{3,5})", text)
    if not m:
        raise CommandError(f"--size {text!r}: use WIDTHxHEIGHT, e.g. 1400x850", EXIT_USAGE)
    return int(m.group(1)), int(m.group(2))


def open_window(args: argparse.Namespace) -> int:
    from msp_console.ui.launch import run_gui

    return run_gui(args)


def _screenshot(args: argparse.Namespace) -> int:
    from msp_console.ui.launch import render_screenshot

    width, height = _size(args.size)
    return render_screenshot(args, args.out, width, height)
