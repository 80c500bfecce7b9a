"""An unexpected error in the GUI: a dialog with what happened and the log path; the app keeps going."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from msp_console.logs import log_path, setup_logging
from msp_console.ui import error_dialog

pytestmark = [pytest.mark.ui, pytest.mark.qt_no_exception_capture]


@pytest.fixture
def hooked(qtbot, monkeypatch: pytest.MonkeyPatch) -> QWidget:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(error_dialog, "_reporter", None)
    setup_logging()
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    error_dialog.install_excepthook(lambda: window)
    return window


def _dialog() -> error_dialog.ErrorDialog | None:
    return error_dialog._reporter.dialog if error_dialog._reporter else None


def test_an_error_in_a_slot_shows_the_dialog_and_the_app_goes_on(qtbot, hooked: QWidget) -> None:  # type: ignore[no-untyped-def]
    def boom() -> None:
        raise RuntimeError("the disk exploded (password=hunter2)")

    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: _dialog() is not None, timeout=5000)
    dialog = _dialog()
    assert dialog is not None and dialog.isVisible()
    text = dialog.message.text()
    assert "RuntimeError: the disk exploded" in text and str(log_path()) in text and "hunter2" not in text

    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and "in boom" in copied and "hunter2" not in copied
    assert dialog.isVisible()  # copying does not close it
    dialog.reject()
    qtbot.waitUntil(lambda: _dialog() is None, timeout=5000)

    ran = []
    QTimer.singleShot(0, lambda: ran.append(True))  # the event loop still works
    qtbot.waitUntil(lambda: ran == [True], timeout=5000)
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_path().read_text(encoding="utf-8")
    assert "unexpected error" in logged and "in boom" in logged and "hunter2" not in logged


def test_an_error_in_a_worker_thread_reaches_the_dialog_on_the_gui_thread(qtbot, hooked: QWidget) -> None:  # type: ignore[no-untyped-def]
    def worker() -> None:
        raise ValueError("bad row 12")

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: _dialog() is not None, timeout=5000)
    dialog = _dialog()
    assert dialog is not None and "ValueError: bad row 12" in dialog.message.text()
    second = threading.Thread(target=worker)  # another error while it is open: same dialog, both reports
    second.start()
    second.join()
    qtbot.waitUntil(lambda: dialog.details.toPlainText().count("bad row 12") >= 2, timeout=5000)
    dialog.reject()
