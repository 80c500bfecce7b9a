"""Starts sessions off the GUI thread (a tunnel may take seconds) and reports back with Qt signals."""

from __future__ import annotations

import threading
import weakref
from typing import Any

from PySide6.QtCore import QObject, Signal

from msp_console.app import App
from msp_console.remote.credentials import Prompt
from msp_console.remote.sessions import RunningSession, SessionRunner
from msp_console.ui.remote.errors_text import launch_error_text

_controllers: dict[int, RemoteController] = {}  # id(app) → controller (App is an unhashable dataclass)


class RemoteController(QObject):
    started = Signal(object)  # RunningSession
    ended = Signal(object)  # RunningSession
    failed = Signal(str)  # what went wrong, in words a technician can act on

    def __init__(self, app: App, prompt: Prompt | None = None, **runner_options: Any):
        super().__init__()
        self.app = app
        self.runner = SessionRunner(app.db, prompt=prompt, **runner_options)
        self.last_machine_id: int | None = None  # the last machine asked for: what `failed` is about

    def sessions(self) -> list[RunningSession]:
        return sorted(self.runner.running.values(), key=lambda s: s.started)

    def open_session(
        self, machine_id: int, profile_name: str | None = None, password: str | None = None
    ) -> None:
        """Double-click / Enter / menu: returns at once; `started` or `failed` follows."""
        self.last_machine_id = machine_id
        threading.Thread(target=self._start, args=(machine_id, profile_name, password), daemon=True).start()

    def _start(self, machine_id: int, profile_name: str | None, password: str | None) -> None:
        try:
            session = self.runner.start(machine_id, profile_name, password=password)
        except Exception as exc:  # every launcher error carries a message meant for the user
            self.failed.emit(launch_error_text(exc))  # in the user's language
            return
        session.on_end.append(self.ended.emit)
        self.started.emit(session)


def controller_for(app: App) -> RemoteController:
    """One controller (and one list of running sessions) per open database."""
    ctl = _controllers.get(id(app))
    if ctl is None or ctl.app is not app:
        ctl = _controllers[id(app)] = RemoteController(app)
        weakref.finalize(app, _controllers.pop, id(app), None)
    return ctl
