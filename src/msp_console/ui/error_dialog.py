"""The dialog for an unexpected error: what happened, where the log is, "Copy details"; the app goes on.

`install_excepthook(parent_getter)` (called once by the GUI start-up) routes every uncaught exception —
in a Qt slot, on the GUI thread or in a Python worker thread — to the log (full traceback, secrets
masked) and to this dialog on the GUI thread. PySide6 keeps the event loop running after a slot
raises, so the window stays usable; the dialog says the last action may not have completed.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msp_console import __version__
from msp_console.logs import log_path
from msp_console.redaction import redact

log = logging.getLogger("msp_console.ui")
ParentGetter = Callable[[], QWidget | None]


def _t(text: str) -> str:
    return QCoreApplication.translate("ErrorDialog", text)


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(_t("Something went wrong"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.message = QLabel(
            _t(
                "MSP Console hit an unexpected error:\n%1\n\n"
                "What you were doing may not have been completed; the rest of the program keeps "
                "working. If something looks wrong, restart MSP Console.\n\n"
                "The details are in the log file:\n%2"
            )
            .replace("%1", summary)
            .replace("%2", str(log_path()))
        )
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(_t("Error details"))
        self.details.setMinimumSize(560, 180)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(_t("Copy details"))
        self.copy_button.setObjectName("copyDetails")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(_t("Copied"))

    def add_error(self, summary: str, details: str) -> None:
        """A second error while the first is shown: one dialog, both reports."""
        self.details.appendPlainText("\n" + details)
        log.debug("another error while the error dialog is open: %s", summary)


class _Reporter(QObject):
    """Lives on the GUI thread; a signal carries reports from any thread to it."""

    report = Signal(str, str)

    def __init__(self, parent_getter: ParentGetter):
        super().__init__(QCoreApplication.instance())
        self.parent_getter = parent_getter
        self.dialog: ErrorDialog | None = None
        self.report.connect(self.show, Qt.ConnectionType.QueuedConnection)

    def show(self, summary: str, details: str) -> None:
        if self.dialog is not None:
            self.dialog.add_error(summary, details)
            return
        dialog = ErrorDialog(summary, details, self.parent_getter())
        dialog.destroyed.connect(self._closed)
        self.dialog = dialog
        dialog.open()  # window-modal, not a nested event loop

    def _closed(self) -> None:
        self.dialog = None


_reporter: _Reporter | None = None


def describe(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> tuple[str, str]:
    """(one line for people, the traceback for the log and "Copy details"), secrets masked."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    summary = redact(f"{exc_type.__name__}: {first}" if first else exc_type.__name__)
    trace = "".join(traceback.format_exception(exc_type, exc, tb))
    details = redact(
        f"MSP Console {__version__} on Python {sys.version.split()[0]} ({sys.platform})\n{trace}"
    )
    return summary, details


def report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    if _reporter is not None:
        _reporter.report.emit(*describe(exc_type, exc, tb))


def install_excepthook(parent_getter: ParentGetter) -> None:
    """Routes uncaught exceptions (GUI thread and Python threads) to the log and the error dialog."""
    global _reporter
    previous = sys.excepthook
    _reporter = _Reporter(parent_getter)

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        try:
            report(exc_type, exc, tb)
        except Exception:  # never loop on a failing error report
            previous(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
