"""The first-run wizard: shown at the very first start only, never again once finished.

Not shown for --demo, an explicit --database or $MSP_CONSOLE_DATABASE_URL, screenshots (they
never call :func:`run_first_run`), nor when MSP_CONSOLE_NO_WIZARD=1 or under pytest (unless
MSP_CONSOLE_NO_WIZARD=0 asks for it).
"""

from __future__ import annotations

import argparse
import os

from msp_console.settings import ENV_DATABASE_URL
from msp_console.ui.ui_settings import ui_settings

DONE_KEY = "first_run_done"
ENV_NO_WIZARD = "MSP_CONSOLE_NO_WIZARD"


def first_run_done() -> bool:
    return ui_settings().value(DONE_KEY, False) in (True, "true", "1")


def mark_done() -> None:
    s = ui_settings()
    s.setValue(DONE_KEY, True)
    s.sync()


def first_run_needed(args: argparse.Namespace) -> bool:
    switch = os.environ.get(ENV_NO_WIZARD, "")
    if switch == "1" or (switch != "0" and "PYTEST_CURRENT_TEST" in os.environ):
        return False
    if getattr(args, "demo", False) or getattr(args, "database", None) or os.environ.get(ENV_DATABASE_URL):
        return False
    return not first_run_done()


def run_first_run(args: argparse.Namespace | None = None) -> bool:
    """Shows the wizard (modal); True when finished, False when cancelled. With the demo ticked,
    ``args.demo`` is set: the window opens on the demo, as ``--demo`` does."""
    from msp_console.ui.first_run.wizard import FirstRunWizard

    wizard = FirstRunWizard()
    if wizard.exec() != FirstRunWizard.DialogCode.Accepted:
        return False
    mark_done()
    if wizard.demo_chosen and args is not None:
        args.demo = True
    return True
