"""Opening a dialog the way a click does and getting hold of it, without waiting in its event loop.

``open_dialog(window, opener, ident)`` runs ``opener(window, ident)`` and returns the dialog that
came up. Dialogs the application opens with ``exec()`` are caught without a nested event loop:
meanwhile ``QDialog.exec`` (and QMessageBox's static helpers) show the dialog and stop the caller,
so nothing after the "OK" runs; file and input pickers answer Cancel; a nested loop not known here
is closed after 5 s instead of hanging the run.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from msp_console.ui.worker import wait_for_background

Opener = Callable[[Any, Any], object]  # fn(window, what is selected)


def settle(rounds: int = 4) -> None:
    """What the worker thread reads lands, and the layouts follow."""
    for _ in range(rounds):
        wait_for_background()
        QApplication.processEvents()


class _Opened(Exception):
    """Raised by the patched exec(): the dialog is on show, the caller stops here."""


def _shown_exec(self: QDialog) -> int:
    self.show()
    raise _Opened(self)


def _static_box(icon: QMessageBox.Icon) -> Callable[..., Any]:
    def show(parent: QWidget | None, title: str, text: str, *_args: Any, **_kw: Any) -> Any:
        return QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent).exec()

    return show


@contextlib.contextmanager
def _catching_exec() -> Iterator[None]:
    patched: list[tuple[type, str, Any]] = [
        (QDialog, "exec", _shown_exec),
        (QMessageBox, "exec", _shown_exec),
        (QMessageBox, "about", staticmethod(_static_box(QMessageBox.Icon.NoIcon))),
        (QMessageBox, "information", staticmethod(_static_box(QMessageBox.Icon.Information))),
        (QMessageBox, "warning", staticmethod(_static_box(QMessageBox.Icon.Warning))),
        (QMessageBox, "critical", staticmethod(_static_box(QMessageBox.Icon.Critical))),
        (QMessageBox, "question", staticmethod(_static_box(QMessageBox.Icon.Question))),
        # the file and input pickers answer "cancelled": nothing is exported or asked
        (QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: ("", ""))),
        (QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: ("", ""))),
        (QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: "")),
        (QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("", False))),
        (QInputDialog, "getItem", staticmethod(lambda *_a, **_k: ("", False))),
        (QInputDialog, "getMultiLineText", staticmethod(lambda *_a, **_k: ("", False))),
        (QInputDialog, "getInt", staticmethod(lambda *_a, **_k: (0, False))),
        (QInputDialog, "getDouble", staticmethod(lambda *_a, **_k: (0.0, False))),
        (QPrintDialog, "exec", _shown_exec),
    ]
    saved = [(cls, attr, cls.__dict__.get(attr)) for cls, attr, _ in patched]
    hook = sys.excepthook

    def quiet(kind: type[BaseException], value: BaseException, tb: Any) -> None:
        if not isinstance(value, _Opened):  # raised inside a slot: Qt reports it here
            hook(kind, value, tb)

    sys.excepthook = quiet
    for cls, attr, new in patched:
        setattr(cls, attr, new)
    try:
        yield
    finally:
        sys.excepthook = hook
        for cls, attr, old in saved:
            if old is None:
                delattr(cls, attr)
            else:
                setattr(cls, attr, old)


def _open_dialogs() -> set[QWidget]:
    return {w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()}


def _close_modal() -> None:
    modal = QApplication.activeModalWidget()
    if modal is not None:
        modal.close()


def open_dialog(window: QWidget, opener: Opener, ident: Any, rounds: int = 40) -> QDialog | None:
    """Runs ``opener`` and returns the dialog it brought up (None if none came within the rounds)."""
    before = _open_dialogs()
    guard = QTimer()  # a nested loop not caught above (a new picker…) is closed, not waited on
    guard.setSingleShot(True)
    guard.timeout.connect(_close_modal)
    with _catching_exec():
        guard.start(5000)
        with contextlib.suppress(_Opened):  # opened with exec(): on show, the caller stopped
            opener(window, ident)
        guard.stop()
        for _ in range(rounds):
            settle(1)
            new = _open_dialogs() - before
            if new:
                dialog = new.pop()
                settle(2)
                return dialog  # type: ignore[return-value]
    return None


def close_dialog(dialog: QWidget) -> None:
    if isinstance(dialog, QDialog):
        dialog.reject()
    dialog.close()
    settle(2)
