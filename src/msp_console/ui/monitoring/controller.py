"""Live health in the window: the background engine (or the team's pollers) → one dispatcher →
the tree, the problems list, the tray and the status bar.

Workers hand ``Processed`` results (frozen) to ``submit`` from any thread; the dispatcher keeps
the latest per check and applies them on the GUI thread in time-boxed batches. Here each check's
row is updated, the machines it touches get their new worst state and reason, and the tree
emits dataChanged only for those rows. Nothing here waits on the network or the database.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from msp_console.app import App
from msp_console.domain.health import HealthState
from msp_console.domain.monitoring_state import ALERTING
from msp_console.monitoring.engine import Runner
from msp_console.monitoring.live import CheckRow, MachineHealth, load_check_rows, machine_health, problems
from msp_console.monitoring.writer import Processed
from msp_console.preferences import Preferences
from msp_console.ui import locale_format
from msp_console.ui.monitoring.engine_host import EngineHost
from msp_console.ui.result_dispatcher import ResultDispatcher
from msp_console.ui.worker import run_in_background

log = logging.getLogger(__name__)
ENV_TEAM = "MSP_CONSOLE_TEAM_MODE"


def team_mode_default(app: App) -> bool:
    """Team mode (listen, do not poll) only makes sense on PostgreSQL; env or setting turns it on."""
    raw = os.environ.get(ENV_TEAM, "").strip().lower()
    return not app.db.is_sqlite and raw not in {"0", "false", "no", "off"}


class MonitoringController(QObject):
    rows_changed = Signal(list)  # [CheckRow] whose state/flags changed (the problems list follows)
    reloaded = Signal()  # every row was (re)loaded
    notify = Signal(object)  # CheckRow that turned HARD WARNING/CRITICAL or recovered
    status_changed = Signal(str)

    def __init__(
        self,
        app: App,
        apply_machines: Callable[[dict[int, HealthState], dict[int, tuple[object, str]]], None],
        parent: QObject | None = None,
        *,
        team: bool = False,
        runner: Runner | None = None,
    ):
        super().__init__(parent)
        self.app = app
        self._apply_machines = apply_machines
        self.rows: dict[int, CheckRow] = {}
        self.by_machine: dict[int, set[int]] = {}
        self.dispatcher: ResultDispatcher[Processed] = ResultDispatcher(
            self._apply, lambda p: p.result.check_id, parent=self
        )
        self.host = EngineHost(app, self.submit, self.submit_ids, team=team, runner=runner)
        self.do_not_disturb = False  # the Monitoring menu's switch, for this session
        self.preferences = Preferences()  # which changes notify, quiet hours (Settings → Notifications)
        self.closed = False
        self._recent: deque[float] = deque()  # completion times, for checks per minute
        self._pending_reload: set[int] = set()
        self._lock = threading.Lock()
        self._timer = QTimer(self)
        self._timer.setInterval(5000)
        self._timer.timeout.connect(self._report_status)

    # -- from any thread ------------------------------------------------------------------------
    def submit(self, processed: Processed) -> None:
        self.dispatcher.submit(processed)

    def submit_ids(self, check_ids: Iterable[int]) -> None:
        """Team mode: other pollers wrote these checks' results; read them (off the GUI thread)."""
        ids = set(check_ids)
        db = self.app.db

        def load() -> list[CheckRow]:
            with db.read() as s:
                return load_check_rows(s, check_ids=ids)

        QTimer.singleShot(0, self, lambda: run_in_background(load, self._merge_rows))

    # -- loading ---------------------------------------------------------------------------------
    def reload(self, done: Callable[[], None] | None = None) -> None:
        db = self.app.db

        def load() -> Loaded:
            with db.read() as s:
                return Loaded.of(load_check_rows(s))  # indexed and judged here, off the GUI thread

        def loaded(got: Loaded) -> None:
            self.set_rows(got.rows, got)
            if done is not None:
                done()

        run_in_background(load, loaded, lambda exc: log.warning("cannot load check states: %s", exc))

    def set_rows(self, rows: Sequence[CheckRow], prepared: Loaded | None = None) -> None:
        if self.closed:  # a load finishing after the window closed
            return
        got = prepared if prepared is not None else Loaded.of(rows)
        self.rows, self.by_machine = got.by_check, got.by_machine
        if got.states:
            self._apply_machines(got.states, got.notes)
        # Thousands of long-lived rows and tree nodes: keep them out of the cyclic collector's
        # full passes, which otherwise pause the GUI thread for tens of ms under a stream of results.
        gc.freeze()
        self.reloaded.emit()

    def _merge_rows(self, rows: list[CheckRow]) -> None:
        if self.closed:
            return
        changed = []
        for r in rows:
            old = self.rows.get(r.check_id)
            self.rows[r.check_id] = r
            self.by_machine.setdefault(r.machine_id, set()).add(r.check_id)
            if old is None or old.state is not r.state or old.hard_state is not r.hard_state:
                changed.append(r)
                if old is not None and _notable(old.hard_state, r.hard_state) and not r.muted:
                    self._notify(r, old.hard_state)
            elif old != r:
                changed.append(r)
        self._count(len(rows))
        self._push_machines(r.machine_id for r in changed)
        if changed:
            self.rows_changed.emit(changed)

    # -- applying results (GUI thread) --------------------------------------------------------
    def _apply(self, batch: Sequence[Processed]) -> None:
        if self.closed:
            return
        changed: list[CheckRow] = []
        unknown: set[int] = set()
        for p in batch:
            row = self.rows.get(p.result.check_id)
            if row is None:  # added elsewhere (CLI, another console) since the rows were loaded
                unknown.add(p.result.check_id)
                continue
            new = row.with_status(p.status)
            self.rows[row.check_id] = new
            if new != row:
                changed.append(new)
            if p.notify and not new.muted:
                self._notify(new, row.hard_state)
        self._count(len(batch))
        if changed:
            self._push_machines({r.machine_id for r in changed})
            self.rows_changed.emit(changed)
        if unknown:
            self.submit_ids(unknown)

    def _notify(self, row: CheckRow, before: HealthState) -> None:
        if self.do_not_disturb:
            return
        if self.preferences.should_notify(row.hard_state.value, datetime.now().time(), before.value):
            self.notify.emit(row)

    def _count(self, n: int) -> None:
        now = time.monotonic()
        self._recent.extend([now] * min(n, 10_000))
        while self._recent and self._recent[0] < now - 60:
            self._recent.popleft()

    def health(self, machine_id: int) -> MachineHealth:
        return machine_health(self.rows[c] for c in self.by_machine.get(machine_id, ()))

    def _push_machines(self, machine_ids: Iterable[int]) -> None:
        """Each machine's worst state and note to the tree, in one call (the note's text is only
        formatted when a tooltip shows it)."""
        states: dict[int, HealthState] = {}
        notes: dict[int, tuple[object, str]] = {}
        for mid in machine_ids:
            h = self.health(mid)
            states[mid] = h.state
            notes[mid] = (HealthNote(h), h.badge)
        if states:
            self._apply_machines(states, notes)

    # -- local changes made in this window (ack, maintenance) -------------------------------
    def mark(self, check_ids: Iterable[int], **flags: object) -> None:
        """Shows an acknowledgement or maintenance at once (the engine learns it at its refresh)."""
        changed = []
        for cid in check_ids:
            row = self.rows.get(cid)
            if row is not None:
                self.rows[cid] = replace(row, **flags)  # type: ignore[arg-type]
                changed.append(self.rows[cid])
        self._push_machines({r.machine_id for r in changed})
        if changed:
            self.rows_changed.emit(changed)
        self.host.refresh_soon()

    def problems(self) -> list[CheckRow]:
        return problems(self.rows.values())

    # -- engine control ---------------------------------------------------------------------
    def start(self) -> None:
        self.closed = False
        self.host.start()
        self._timer.start()
        self._report_status()

    def stop(self) -> None:
        self._timer.stop()
        self.host.stop()

    def close(self) -> None:
        """The window is going: stop, and ignore whatever still arrives."""
        self.stop()
        self.closed = True

    def _report_status(self) -> None:
        self.status_changed.emit(self.host.describe(len(self._recent)))


@dataclass(frozen=True, slots=True)
class Loaded:
    """Every check's row as loaded, indexed by check and machine, with each machine's state and
    note: built by the background load so that the GUI thread only swaps them in."""

    rows: Sequence[CheckRow]
    by_check: dict[int, CheckRow]
    by_machine: dict[int, set[int]]
    states: dict[int, HealthState]
    notes: dict[int, tuple[object, str]]

    @classmethod
    def of(cls, rows: Sequence[CheckRow]) -> Loaded:
        by_check = {r.check_id: r for r in rows}
        by_machine: dict[int, set[int]] = {}
        for r in rows:
            by_machine.setdefault(r.machine_id, set()).add(r.check_id)
        states: dict[int, HealthState] = {}
        notes: dict[int, tuple[object, str]] = {}
        for mid, checks in by_machine.items():
            h = machine_health(by_check[c] for c in checks)
            states[mid], notes[mid] = h.state, (HealthNote(h), h.badge)
        return cls(rows, by_check, by_machine, states, notes)


def _notable(before: HealthState, after: HealthState) -> bool:
    """Team mode's reading of the engine's rule: a new confirmed problem, or a recovery from one."""
    return before is not after and (after in ALERTING or (after is HealthState.OK and before in ALERTING))


@dataclass(frozen=True, slots=True)
class HealthNote:
    """A machine's health as the tree keeps it: compared cheaply, put in words only when shown."""

    health: MachineHealth

    def __str__(self) -> str:
        return describe(self.health)


def describe(h: MachineHealth) -> str:
    """The tooltip's line: what is wrong and since when (local time)."""
    if not h.reason:
        return ""
    since = ""
    if h.since is not None:
        today = locale_format.local(h.since).date() == locale_format.local(datetime.now(UTC)).date()
        when = locale_format.short_time(h.since) if today else locale_format.short_datetime(h.since)
        since = " " + QCoreApplication.translate("Monitoring", "(since %1)").replace("%1", when)
    return f"{h.state.glyph} {h.reason}{since}"
