"""Where later features plug into the main window without editing it.

Each feature package under msp_console.ui has a module with ``install(window)`` that adds its
tabs (``window.add_task_tab``), docks, menu entries, context-menu hooks
(``window.context_menu_hooks``) and shutdown hooks (``window.shutdown_hooks``). Add the module's
name here; the order is the order of the tabs.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from msp_console.ui.main_window import MainWindow

log = logging.getLogger(__name__)

FEATURES: list[str] = [
    "msp_console.ui.scheduling.feature",
    "msp_console.ui.monitoring.feature",
    "msp_console.ui.remote.feature",
    "msp_console.ui.remote.onboard_feature",
    "msp_console.ui.settings_dialog",
    "msp_console.ui.billing.feature",
    "msp_console.ui.billing.sdi_schedule",
    "msp_console.ui.backup_feature",
    "msp_console.ui.disk_guard_feature",
]


# The technician's tasks in the order UI.md gives them (tabs are found by object name).
TAB_ORDER = ("todayTabPage", "problemsTab", "calendarTabPage", "interventionsTabPage", "billingPage")


def install_features(window: MainWindow) -> None:
    for name in FEATURES:
        importlib.import_module(name).install(window)


def tab_position(tabs: list[str], name: str) -> int:
    """Where a task tab named ``name`` goes among the tabs already there (after the Overview)."""
    rank = {n: i for i, n in enumerate(TAB_ORDER)}
    mine = rank.get(name, len(TAB_ORDER))
    for index, other in enumerate(tabs):
        if index > 0 and rank.get(other, len(TAB_ORDER)) > mine:
            return index
    return len(tabs)
