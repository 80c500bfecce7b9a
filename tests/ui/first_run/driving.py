"""Runs the real start-up (``run_gui``: wizard, then the window) with a timer that plays the user."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def run_gui_driven(drive: Callable[[], None]) -> argparse.Namespace:
    """``drive()`` every 100 ms while ``run_gui`` runs; returns the arguments it ran with (the
    wizard may change them). The translators it installed are removed again."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from msp_console.ui import launch

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(100)
    before = len(launch._translators)
    args = argparse.Namespace(demo=False, database=None, language=None, select=None)
    try:
        assert launch.run_gui(args) == 0
    finally:
        timer.stop()
        for translator in launch._translators[before:]:
            QCoreApplication.removeTranslator(translator)
        del launch._translators[before:]
    return args
