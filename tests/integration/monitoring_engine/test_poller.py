"""The Poller service (what the GUI and `msp-console poller` run) against real loopback ports."""

from __future__ import annotations

import threading
import time

from sqlalchemy import select

from msp_console.app import App
from msp_console.db.models import CheckStatus as StatusRow
from msp_console.monitoring.model import CheckResult
from msp_console.monitoring.params import clean_check
from msp_console.monitoring.poller import Poller
from msp_console.monitoring.service import add_check
from tests.integration.monitoring_engine.conftest import Listener


def test_poller_runs_checks_persists_them_and_picks_up_new_checks(
    app: App, listener: Listener, closed_port: int
) -> None:
    cid = app.inventory.save_client({"name": "Panificio Neri"})
    app.inventory.save_machine(cid, {"name": "srv", "kind": "server", "address": "127.0.0.1"})
    fast = {"interval": "5"}
    add_check(app.db, "Panificio Neri/srv", clean_check("tcp", "open", {"port": str(listener.port)}, **fast))
    seen: list[CheckResult] = []
    before = threading.active_count()
    poller = Poller(app.db, workers=2, sinks=[seen.append], lease_s=1.5, refresh_s=0.3, interval_scale=0.2)
    poller.start()
    try:
        # A check added while the poller runs is picked up at the next refresh.
        add_check(
            app.db, "Panificio Neri/srv", clean_check("tcp", "closed", {"port": str(closed_port)}, **fast)
        )
        end = time.monotonic() + 20
        states: dict[str, str] = {}
        while time.monotonic() < end:
            with app.db.read() as s:
                rows = s.execute(select(StatusRow.check_id, StatusRow.hard_state)).all()
            names = {c.id: c.name for c in _checks(app)}
            states = {names[c]: h for c, h in rows}
            if states.get("open") == "OK" and states.get("closed") == "CRITICAL":
                break
            time.sleep(0.2)
        assert states == {"open": "OK", "closed": "CRITICAL"}  # closed: confirmed hard after 3 attempts
        assert listener.wait_for_accepted(1), listener.accepted
        assert {r.check_id for r in seen} == set(names)
    finally:
        poller.stop()
    # The engine's threads are gone (the checks' own process-wide deadline watchdog may stay).
    end = time.monotonic() + 5
    while _engine_threads() and time.monotonic() < end:
        time.sleep(0.05)
    assert not _engine_threads()
    assert threading.active_count() <= before + 1


def _engine_threads() -> list[str]:
    mine = ("check-worker", "monitoring-", "APScheduler")
    return [t.name for t in threading.enumerate() if t.name.startswith(mine)]


def _checks(app: App):  # type: ignore[no-untyped-def]
    from msp_console.db.models import Check

    with app.db.read() as s:
        return list(s.scalars(select(Check)))
