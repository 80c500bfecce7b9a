"""Runs the monitoring engine for the window, off the GUI thread.

Desktop (SQLite): a ``Poller`` with the real checks — or, on the demo database, the demo's
simulator (only "questo-pc" on 127.0.0.1 is checked for real). Team mode (PostgreSQL): no
polling here; a ``ResultListener`` thread hears which checks the shared pollers wrote. Start
and stop never block the GUI for long: start happens on a thread, stop joins every thread
(the window's shutdown hook), so nothing is left running when the app quits.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from msp_console.app import App
from msp_console.db.models import Check, Machine
from msp_console.monitoring import demo_sim
from msp_console.monitoring.engine import Runner
from msp_console.monitoring.poller import Poller, default_runner
from msp_console.monitoring.writer import Processed
from msp_console.preferences import load_preferences

log = logging.getLogger(__name__)
STOP_JOIN_S = 2.0


def demo_runner(app: App) -> Runner:
    """Synthetic results for the demo's fake machines; the real checks only for 127.0.0.1."""
    with app.db.read() as s:
        names = {
            cid: (machine, check)
            for cid, machine, check in s.execute(
                select(Check.id, Machine.name, Check.name).join(Machine, Check.machine_id == Machine.id)
            )
        }
        first = s.scalar(select(Check.created_at).where(Check.name == demo_sim.BACKUP_CHECK))
    epoch = (first or datetime.now(UTC)).timestamp()
    return demo_sim.DemoRunner(names, default_runner(app.db), epoch)


def _t(text: str) -> str:
    return QCoreApplication.translate("EngineHost", text)


class EngineHost:
    def __init__(
        self,
        app: App,
        on_result: Callable[[Processed], None],
        on_ids: Callable[[Iterable[int]], None],
        *,
        team: bool = False,
        demo: bool | None = None,
        runner: Runner | None = None,
    ):
        self.app, self.on_result, self.on_ids = app, on_result, on_ids
        self.team = team
        self.demo = demo_sim.is_demo_database(app.db.url) if demo is None else demo
        self.runner = runner
        self.poller: Poller | None = None
        self.paused = False
        self.last_error = ""
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        self._listener: object | None = None

    # -- lifecycle ----------------------------------------------------------------------------
    def start(self) -> None:
        self._stop.clear()
        self.paused = False
        self._spawn(self._listen if self.team else self._start_poller, "monitoring-start")

    def stop(self) -> None:
        """Stops and joins everything (safe to call twice)."""
        self._stop.set()
        for t in list(self._threads):
            t.join(30)
        self._threads.clear()
        with self._lock:
            poller, self.poller = self.poller, None
        if poller is not None:
            # Quitting must not wait a check's whole timeout: running checks get STOP_JOIN_S, then
            # end on their own (their hard timeout) while the app exits.
            poller.engine.stop(join_s=STOP_JOIN_S)
            poller.stop()

    def pause(self) -> None:
        self.paused = True
        with self._lock:
            poller, self.poller = self.poller, None
        if poller is not None:
            self._spawn(poller.stop, "monitoring-pause")

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            self._spawn(self._start_poller, "monitoring-start")

    def _spawn(self, fn: Callable[[], None], name: str) -> None:
        self._threads = [t for t in self._threads if t.is_alive()]
        t = threading.Thread(target=self._guard(fn), name=name, daemon=True)
        self._threads.append(t)
        t.start()

    def _guard(self, fn: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            try:
                fn()
            except Exception as exc:
                self.last_error = str(exc) or type(exc).__name__
                log.exception("monitoring: %s failed", getattr(fn, "__name__", fn))

        return run

    def _make_runner(self) -> Runner:
        if self.runner is not None:
            return self.runner
        return demo_runner(self.app) if self.demo else default_runner(self.app.db)

    def _start_poller(self) -> None:
        if self._stop.is_set() or self.paused:
            return
        workers = load_preferences().poll_workers  # on this start thread, not the GUI's
        poller = Poller(self.app.db, self._make_runner(), workers=workers, team=False, refresh_s=10.0)
        poller.engine.on_processed = self.on_result
        poller.start()
        with self._lock:
            if self._stop.is_set() or self.paused:
                stale = True
            else:
                self.poller, stale = poller, False
        if stale:
            poller.stop()
            return
        if self.demo:  # the demo comes alive at once, not one interval later
            self._run_soon(poller, poller.engine.check_ids, spread_s=2.0)

    def _listen(self) -> None:
        from msp_console.monitoring.team import ResultListener

        listener = ResultListener(self.app.db.url)
        try:
            while not self._stop.is_set():
                ids = listener.poll(0.5)
                if ids:
                    self.on_ids(ids)
        finally:
            listener.close()

    # -- actions --------------------------------------------------------------------------------
    def check_now(self, check_ids: Iterable[int]) -> bool:
        """Runs the checks at once (through the scheduler: never blocks); False when not polling."""
        with self._lock:
            poller = self.poller
        if poller is None:
            return False
        self._run_soon(poller, check_ids)
        return True

    @staticmethod
    def _run_soon(poller: Poller, check_ids: Iterable[int], spread_s: float = 0.0) -> None:
        now = datetime.now(UTC)
        ids = sorted(set(check_ids) & poller.engine.check_ids)
        for i, cid in enumerate(ids):
            offset = spread_s * i / max(1, len(ids))
            poller.engine.scheduler.run_at(cid, now + timedelta(seconds=offset))

    def refresh_soon(self) -> None:
        """Acks and maintenance made here reach the engine now, not at its next refresh."""
        with self._lock:
            poller = self.poller
        if poller is not None:
            self._spawn(poller.refresh, "monitoring-refresh")

    def describe(self, per_minute: int) -> str:
        """The status bar's polling text, in the user's language."""
        if self.team:
            state = _t("team: listening to the shared pollers")
        elif self.paused:
            state = _t("polling paused")
        elif self.poller is None:
            state = _t("polling starting…")
        elif self.demo:
            state = _t("polling running (demo simulator)")
        else:
            state = _t("polling running")
        text = state + " · " + _t("%1 checks/min").replace("%1", str(per_minute))  # a rate: no plural
        if self.poller is not None and self.poller.writer.failed_batches:
            text += " · " + _t("failed writes: %1").replace("%1", str(self.poller.writer.failed_batches))
        if self.last_error:
            text += " · " + _t("last error: %1").replace("%1", self.last_error)
        return text
