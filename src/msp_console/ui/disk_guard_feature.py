"""A banner over the task tabs while the disk holding the database is nearly full.

Under 5 % or 2 GiB free (``services.disk_space``) the technician reads it before anything fails:
monitoring then keeps less history by itself (``monitoring.disk_guard``), and the banner says so and
what to do. The free space is measured off the GUI thread every minute; PostgreSQL's disk is the
server's, so a team database shows no banner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from msp_console.monitoring.disk_guard import LOW_FIVE_MIN_KEEP_S, LOW_RAW_KEEP_S
from msp_console.services.disk_space import DiskSpace, database_disk
from msp_console.ui.palette_colours import is_dark
from msp_console.ui.worker import run_in_background

if TYPE_CHECKING:
    from msp_console.ui.main_window import MainWindow

CHECK_EVERY_MS = 60_000


class DiskBanner(QLabel):
    """Hidden while there is room; a warning with the free space and what to do when there is not."""

    def __init__(self, measure: Callable[[], DiskSpace | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.measure = measure
        self.setObjectName("diskBanner")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Disk space warning"))
        background, text = ("#5d4300", "#fff8e1") if is_dark() else ("#fff3cd", "#5d4300")
        self.setStyleSheet(
            f"QLabel#diskBanner {{ background: {background}; color: {text}; padding: 6px 10px; "
            "border-bottom: 2px solid #f9a825; }"
        )
        self.space: DiskSpace | None = None
        self.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check_now)

    def check_now(self) -> None:
        run_in_background(self.measure, self._measured, lambda _error: None)

    def _measured(self, space: DiskSpace | None) -> None:
        if isValid(self):  # the window may have closed while the disk was measured
            self.show_space(space)

    def show_space(self, space: DiskSpace | None) -> None:
        self.space = space
        if space is None or not space.low:
            self.hide()
            return
        locale = QLocale()
        text = self.tr(
            "⚠ The disk holding the database is running out of room: %1 free (%2 % of the disk). "
            "Monitoring now keeps raw samples %3 hours and 5-minute averages %4 days so the database "
            "stops growing. Free some space on that disk, or move the backups folder elsewhere "
            "(Settings → Backups)."
        )
        for key, value in (
            ("%1", locale.formattedDataSize(space.free, 1)),
            ("%2", locale.toString(space.free_fraction * 100, "f", 1)),
            ("%3", locale.toString(LOW_RAW_KEEP_S // 3600)),
            ("%4", locale.toString(LOW_FIVE_MIN_KEEP_S // 86400)),
        ):
            text = text.replace(key, value)
        self.setText(text)
        self.show()


def install(window: MainWindow) -> None:
    if not window.app.db.is_sqlite:
        return
    url = window.app.db.url
    banner = DiskBanner(lambda: database_disk(url))
    window.takeCentralWidget()  # the task tabs, put back under the banner
    holder = QWidget()
    holder.setObjectName("centralHolder")
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(window.tabs, 1)
    window.setCentralWidget(holder)
    window.disk_banner = banner  # type: ignore[attr-defined]
    banner.timer.start()
    QTimer.singleShot(0, banner.check_now)
    window.shutdown_hooks.append(banner.timer.stop)
