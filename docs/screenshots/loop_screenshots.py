"""Screenshots of the technician's loop for the user guide ("Il giro completo / The whole loop").

Drives the real window on a fresh demo database, in Italian at 1366×768, through the same steps
as tests/ui/scheduling/test_loop.py, and saves one PNG per step (a dialog is drawn over the window
where it opens). The red machine's default remote profile is a short real program (a stand-in
for the client's RDP/SSH session), so the "Work done?" question comes by itself.

    MSP_CONSOLE_DATA_DIR=$(mktemp -d) QT_QPA_PLATFORM=offscreen PYTHONPATH=src \
        .venv/bin/python docs/screenshots/loop_screenshots.py docs/screenshots
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QDockWidget, QWidget

CLIENT, MACHINE = "Studio Legale Ferrari", "srv-studio"  # critical in the demo: backup 50 h old
SIZE = (1366, 768)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("MSP_CONSOLE_DATA_DIR"):
        sys.exit("set MSP_CONSOLE_DATA_DIR to an empty directory: never the user's own data")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from msp_console.remote.profiles import ProfileSpec, Protocol
    from msp_console.remote.store import ProfileStore
    from msp_console.ui.launch import _install_language, _open_window, _qapplication
    from msp_console.ui.models.client_tree import Role
    from msp_console.ui.scheduling.feature import feature_of
    from msp_console.ui.worker import wait_for_background

    qapp = _qapplication(sys.argv[:1])
    _install_language(qapp, "it")
    args = argparse.Namespace(demo=True, database=None, language="it")
    app, window = _open_window(args, persist=False)
    shots: list[QWidget] = []

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            wait_for_background()
            qapp.processEvents()

    def until(what: Callable[[], object], seconds: float = 20) -> None:
        end = time.monotonic() + seconds
        while not what():
            if time.monotonic() > end:
                raise SystemExit("timed out waiting for the window")
            settle(0.05)

    def shoot(name: str, dialog: QWidget | None = None) -> None:
        settle()
        picture = window.grab()
        if dialog is not None and dialog.isVisible():
            over = dialog.grab()
            bar = 28  # offscreen windows have no frame: a title bar is drawn like a desktop's
            spot = QPoint(
                (picture.width() - over.width()) // 2, max(bar + 30, (picture.height() - over.height()) // 2)
            )
            painter = QPainter(picture)
            painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))  # the window behind a modal dialog
            title = QRect(spot.x() - 1, spot.y() - bar, over.width() + 2, bar)
            painter.fillRect(title, QColor("#3c4a5a"))
            painter.setPen(QColor("white"))
            painter.drawText(
                title.adjusted(10, 0, -10, 0), Qt.AlignmentFlag.AlignVCenter, dialog.windowTitle()
            )
            painter.setPen(QColor("#3c4a5a"))
            painter.drawRect(QRect(spot.x() - 1, spot.y() - 1, over.width() + 1, over.height() + 1))
            painter.drawPixmap(spot, over)
            painter.end()
        path = out / name
        if not picture.save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        print(f"{path}: {picture.width()}x{picture.height()}")

    try:
        window.preferences.set(replace(window.preferences.value, technician="Marco"))
        window.resize(*SIZE)
        window.fit_docks()
        window.show()
        loaded: list[bool] = []
        window.tree_loaded.connect(lambda: loaded.append(True))
        window.reload()
        until(lambda: loaded)
        machine_id = window.model.index_for_path(f"{CLIENT}/{MACHINE}").data(Role.REF).id
        ProfileStore(app.db).add(
            machine_id,
            ProfileSpec(
                "Sessione di prova", Protocol.CUSTOM, options={"template": "sleep 2"}, is_default=True
            ),
        )
        scheduling = feature_of(window)
        loop = scheduling.loop
        loop.dialog_opened.connect(shots.append)
        window.tree.select_source(window.model.index_for_path(f"{CLIENT}/{MACHINE}"))
        window.tree.view.setFocus()
        settle()
        shoot("loop-1-machine.png")
        # Ca&ll client (Ctrl+Shift+L)
        scheduling.log_call.trigger()
        until(lambda: shots)
        call = shots[-1]
        shoot("loop-2-call-client.png", call)
        saved: list[object] = []
        loop.call_saved.connect(saved.append)
        call.accept()
        until(lambda: saved)
        scheduling.bring(scheduling.today)
        for dock in window.findChildren(QDockWidget):  # the task tabs' screenshots: room for the page
            if dock is not window.tree_dock:
                dock.hide()
        window.resizeDocks([window.tree_dock], [int(window.width() * 0.2)], Qt.Orientation.Horizontal)
        window.tree.view.setColumnWidth(0, int(window.width() * 0.2) - 110)  # name and state in view
        until(lambda: scheduling.today.current_appointment() is not None)
        booked = saved[-1]
        tree = scheduling.today.appointments.tree
        for i in range(tree.topLevelItemCount()):  # the appointment just booked, as the technician picks it
            view = tree.topLevelItem(i).data(0, 256)
            if getattr(view, "id", None) == booked.appointment_id:  # type: ignore[attr-defined]
                tree.setCurrentItem(tree.topLevelItem(i))
        shoot("loop-3-today-start.png")
        started: list[object] = []
        loop.session_started.connect(lambda *a: started.append(a))
        view = scheduling.today.current_appointment()
        assert view is not None
        loop.start(view.id, view.machine_id)
        until(lambda: started)
        until(lambda: len(shots) >= 2)
        shoot("loop-4-work-done.png", shots[-1])
        follow: list[object] = []
        loop.follow_up_booked.connect(follow.append)
        box = shots[-1]
        box.button(box.StandardButton.Yes).click()  # type: ignore[attr-defined]
        until(lambda: follow)
        scheduling.log_call.trigger()
        until(lambda: len(shots) >= 3)
        shoot("loop-5-follow-up.png", shots[-1])
        shots[-1].accept()
        until(lambda: len(saved) >= 2)
        scheduling.show_intervention(booked.intervention_id)  # type: ignore[attr-defined]
        settle(1.0)
        shoot("loop-6-closed.png")
        return 0
    finally:
        window.close()
        wait_for_background()
        app.close()


if __name__ == "__main__":
    sys.exit(main())
