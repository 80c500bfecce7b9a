"""A remote session that could not start: a window saying what happened and what to do, with the
buttons that do it (try again, a new connection profile) — not a status-bar line that vanishes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def _t(text: str) -> str:
    return QCoreApplication.translate("ConnectFailed", text)


def show_connect_failed(
    parent: QWidget,
    reason: str,
    retry: Callable[[], None] | None,
    new_profile: Callable[[], None] | None,
) -> QMessageBox:
    """Window-modal, no nested event loop; ``retry`` / ``new_profile`` None: no such button."""
    box = QMessageBox(parent)
    box.setObjectName("connectFailed")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_t("Could not connect"))
    box.setText(_t("The remote session could not start."))
    box.setInformativeText(
        reason
        + "\n\n"
        + _t(
            "Check that the machine is on and reachable, and that its connection profile (address, "
            "user, password) is right; then try again, or add a new connection profile."
        )
    )
    if retry is not None:
        again = box.addButton(_t("&Try again"), QMessageBox.ButtonRole.AcceptRole)
        again.setObjectName("connectRetry")
        again.clicked.connect(retry)
        box.setDefaultButton(again)
    if new_profile is not None:
        add = box.addButton(_t("&New connection profile…"), QMessageBox.ButtonRole.ActionRole)
        add.setObjectName("connectNewProfile")
        add.clicked.connect(new_profile)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box
