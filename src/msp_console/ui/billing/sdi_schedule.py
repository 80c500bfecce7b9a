"""The SdI fetch every 15 minutes while the window is open, and what it finds shown: the Billing
tab's message line (red when it failed, with the next try), the badges reloaded, and a tray
message for each rejection — a rejected invoice was never issued, so it must not wait unseen.

The job runs on APScheduler's thread (the same scheduler kind as the backups); its result comes
to the GUI thread through a queued signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from msp_console.services.billing.sdi_poller import PollResult, SdiPoller, add_sdi_job
from msp_console.ui.billing.look import tr

if TYPE_CHECKING:
    from msp_console.ui.billing.panel import BillingPanel
    from msp_console.ui.main_window import MainWindow

LAST_MESSAGE = "mspLastMessage"  # the tray's property: whose message a click answers


class SdiBridge(QObject):
    result = Signal(object)  # PollResult, emitted from the scheduler's thread


class SdiWatch(QObject):
    """Connects the poller's results to the panel and the tray."""

    def __init__(self, window: MainWindow, panel: BillingPanel, poller: SdiPoller):
        super().__init__(window)
        self.window, self.panel, self.poller = window, panel, poller
        self.bridge = SdiBridge(self)
        self.bridge.result.connect(panel.show_poll)
        panel.sdi_polled.connect(self.notify_rejections)
        panel.sdi_poller = poller
        self.shown: list[tuple[str, str]] = []  # what the tray said (tests, the status bar)
        self.last_rejected = ""  # the invoice a click on the tray message opens
        tray = getattr(window, "tray", None)
        if isinstance(tray, QSystemTrayIcon):
            tray.messageClicked.connect(self.message_clicked)

    def message_clicked(self) -> None:
        """A click on a rejection's message: the window comes up on Billing, that invoice selected."""
        tray = getattr(self.window, "tray", None)
        if not isinstance(tray, QSystemTrayIcon) or tray.property(LAST_MESSAGE) != "sdi":
            return  # another feature's message
        from msp_console.ui.billing.feature import feature_of

        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        feature_of(self.window).invoices_of("")
        self.panel.select_number(self.last_rejected)

    def notify_rejections(self, result: PollResult) -> None:
        for a in result.rejections:
            title = tr("Invoice %s rejected by the SdI") % a.number
            body = "\n".join(f"{code} {text}" for code, text in a.errors[:3])
            body += "\n" + tr("Open Billing and use “Fix and resend”.")
            self.shown.append((title, body))
            self.last_rejected = a.number
            tray = getattr(self.window, "tray", None)
            if isinstance(tray, QSystemTrayIcon) and tray.isVisible() and QSystemTrayIcon.supportsMessages():
                tray.setProperty(LAST_MESSAGE, "sdi")
                tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Critical, 15_000)
            self.window.statusBar().showMessage(title, 15_000)


def install(window: MainWindow) -> SdiWatch:
    from msp_console.ui.billing.feature import feature_of

    panel = feature_of(window).panel
    poller = SdiPoller(window.app.db)
    watch = SdiWatch(window, panel, poller)
    window.sdi_watch = watch  # type: ignore[attr-defined]
    if window.persist:  # screenshots and test windows do not poll
        from apscheduler.schedulers.background import BackgroundScheduler

        scheduler = BackgroundScheduler(daemon=True)
        add_sdi_job(scheduler, poller, watch.bridge.result.emit)
        scheduler.start()
        window.shutdown_hooks.append(lambda: scheduler.shutdown(wait=False))
    return watch
