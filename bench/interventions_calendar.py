"""Calendar and Today page on a busy MSP: 5 technicians, a year of appointments, 500 interventions.

Measures what the GUI calls on every repaint or refresh: the week view (expanding series and
exceptions), the Today page (calls due, SLA clocks of every active intervention), a conflict
check for a new recurring appointment, and a whole-year .ics export.

    .venv/bin/python -m bench.interventions_calendar [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from msp_console.app import App
from msp_console.calendar.ics_export import export_range
from msp_console.services.interventions import AppointmentDraft, Scheduling

ROME = ZoneInfo("Europe/Rome")
TECHS = ("Luca", "Anna", "Marco", "Sara", "Paolo")


def build(app: App, start: date) -> Scheduling:
    sc = Scheduling(app.db)
    clients = [app.inventory.save_client({"name": f"Cliente {i:03d}"}) for i in range(50)]
    t0 = datetime.combine(start, datetime.min.time(), ROME) - timedelta(days=180)
    made = 0
    day = 0
    while made < 4000:
        d = t0 + timedelta(days=day)
        day += 1
        if d.weekday() >= 5:
            continue
        for slot in range(4):
            for tech in TECHS[: 1 + (made % 5)]:
                when = d.replace(hour=9 + slot * 2)
                sc.appointments.add(
                    AppointmentDraft(clients[made % 50], when, f"Intervento {made}", 90, technician=tech),
                    force=True,
                    now=when,
                )
                made += 1
    for i, tech in enumerate(TECHS * 10):
        sc.appointments.add(
            AppointmentDraft(
                clients[i],
                t0 + timedelta(days=i % 7, hours=8),
                "Check-up",
                30,
                technician=tech,
                rrule="FREQ=WEEKLY;INTERVAL=2",
            ),
            force=True,
            now=t0,
        )
    now = datetime.combine(start, datetime.min.time(), ROME).replace(hour=11)
    for i in range(500):
        iid = sc.interventions.open(
            clients[i % 50], f"Problema {i}", priority=f"P{1 + i % 4}", now=now - timedelta(hours=i % 40)
        )
        if i % 3 == 0:
            sc.interventions.transition(iid, "waiting_for_client", now=now - timedelta(hours=i % 20))
    return sc


def timed(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    monday = date(2026, 11, 23)
    with tempfile.TemporaryDirectory() as tmp:
        app = App.open(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        t = time.perf_counter()
        sc = build(app, monday)
        print(f"setup: {time.perf_counter() - t:.1f} s")
        now = datetime(2026, 11, 23, 11, tzinfo=ROME)
        year_lo = datetime(2026, 1, 1, tzinfo=ROME)
        draft = AppointmentDraft(
            1,
            datetime(2026, 11, 24, 9, tzinfo=ROME),
            "new",
            60,
            technician="Luca",
            rrule="FREQ=WEEKLY;COUNT=52",
        )
        rows = [
            ("week view (7 days)", lambda: sc.week(monday)),
            ("Today page (500 active interventions)", lambda: sc.today(now)),
            ("conflict check, weekly rule over a year", lambda: sc.appointments.conflicts(draft)),
            ("export a year as .ics", lambda: export_range(app.db, year_lo, year_lo + timedelta(days=365))),
        ]
        for name, fn in rows:
            print(f"| {name} | {timed(fn, args.runs) * 1000:.0f} ms |")
        app.close()


if __name__ == "__main__":
    main()
