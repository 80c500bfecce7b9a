"""Dialogs over stored data without the GUI thread waiting on the database (on a team database
every read and write is a network round trip).

``open_when_loaded``: what the dialog shows is read on the worker thread; the dialog is built and
opened (window-modal) when the answer arrives, so nothing half-filled is ever on screen
(``when_loaded``: the same for anything else that needs the data first, a question say;
``busy_while``: any work with the busy cursor on, its answer dropped if its owner has closed).
``BackgroundSave``: a dialog's write runs on the worker thread; meanwhile its buttons and fields
are disabled, it says "Saving…", and Esc / Cancel / the close button wait for the answer (the
dialog must still be there to show a refusal or to close on success).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from msp_console.ui.worker import run_in_background

T = TypeVar("T")
D = TypeVar("D", bound=QDialog)

_loading: set[Hashable] = set()  # what is being read now: a second click does not open a second dialog


def tr(text: str) -> str:
    return QCoreApplication.translate("BackgroundDialog", text)


def open_when_loaded(
    parent: QWidget,
    load: Callable[[], T],
    build: Callable[[T], D],
    title: str,
    key: Hashable | None = None,
    on_error: Callable[[Exception], bool] | None = None,
    on_open: Callable[[D], object] | None = None,
) -> None:
    """Runs ``load()`` on the worker, then ``build(data)`` on the GUI thread and opens the dialog.

    ``title`` heads the message shown when the data cannot be read; ``key`` names the dialog so
    that a second request while the first is still loading is ignored. ``on_error(error)`` may
    handle a failure its own way (True: handled, no message); ``on_open(dialog)`` runs just
    before the dialog shows (callers and tests connect to it there)."""

    def show(data: T) -> None:
        dialog = build(data)
        if on_open is not None:
            on_open(dialog)
        dialog.open()

    when_loaded(parent, load, show, title, key, on_error)


def when_loaded(
    parent: QWidget,
    load: Callable[[], T],
    then: Callable[[T], object],
    title: str,
    key: Hashable | None = None,
    on_error: Callable[[Exception], bool] | None = None,
) -> None:
    """Runs ``load()`` on the worker (busy cursor meanwhile), then ``then(data)`` on the GUI
    thread, unless ``parent`` has gone. Arguments as for ``open_when_loaded``: what needs the data
    first (a question before deleting, say) uses this."""
    if key is not None:
        if key in _loading:
            return
        _loading.add(key)

    def loaded(data: T) -> None:
        _loading.discard(key)
        then(data)

    def failed(error: Exception) -> None:
        _loading.discard(key)
        if on_error is not None and on_error(error):
            return
        text = tr("The data could not be read from the database: %1").replace("%1", str(error))
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    busy_while(parent, load, loaded, failed, lambda: _loading.discard(key))


def busy_while(
    owner: QObject,
    work: Callable[[], T],
    then: Callable[[T], object],
    failed: Callable[[Exception], object],
    gone: Callable[[], object] = lambda: None,
) -> None:
    """``work()`` on the worker thread with the busy cursor on; then ``then(result)`` or
    ``failed(error)`` on the GUI thread — or only ``gone()`` when ``owner`` closed meanwhile."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def settle() -> bool:
        QGuiApplication.restoreOverrideCursor()
        if shiboken6.isValid(owner):
            return True
        gone()
        return False

    def done(result: T) -> None:
        if settle():
            then(result)

    def refused(error: Exception) -> None:
        if settle():
            failed(error)

    run_in_background(work, done, refused)


class BackgroundSave:
    """Writes for one dialog on the worker thread. The dialog places ``status`` (hidden when idle)
    in its layout, and its ``reject`` does nothing while ``busy``."""

    def __init__(self, dialog: QDialog, *frozen: QWidget):
        """``frozen``: what cannot be used while saving (the buttons, the fields)."""
        self.dialog = dialog
        self.frozen = frozen
        self.busy = False
        self.status = QLabel(tr("Saving…"))
        self.status.setObjectName("savingStatus")
        self.status.hide()

    def start(
        self,
        write: Callable[[], T],
        on_saved: Callable[[T], None],
        on_refused: Callable[[Exception], None],
    ) -> bool:
        """Runs ``write()`` on the worker; ``on_saved(result)`` or ``on_refused(error)`` follow on
        the GUI thread with the dialog usable again. False when a save is already running."""
        if self.busy:
            return False
        self._set_busy(True)

        def saved(result: Any) -> None:
            if shiboken6.isValid(self.dialog):
                self._set_busy(False)
                on_saved(result)

        def refused(error: Exception) -> None:
            if shiboken6.isValid(self.dialog):
                self._set_busy(False)
                on_refused(error)

        run_in_background(write, saved, refused)
        return True

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in self.frozen:
            widget.setEnabled(not busy)
        self.status.setVisible(busy)
        if busy:
            self.dialog.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.dialog.unsetCursor()
