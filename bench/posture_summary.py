"""How long a client's security summary takes to read (the client card, the service report).

    PYTHONPATH=src python bench/posture_summary.py [MACHINES]

A client with MACHINES Windows machines, each with an ssh check polled twice (posture metrics from
the bundle's parser), in a fresh SQLite file; prints the median of 5 reads of the summary and of one
machine's card.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from msp_console.app import App
from msp_console.db.models import Check, Machine
from msp_console.domain.monitoring_state import CheckStatus
from msp_console.monitoring.checks import bundle_windows
from msp_console.monitoring.checks.ssh import judge
from msp_console.monitoring.model import CheckResult, CheckSpec, CheckType
from msp_console.monitoring.writer import Processed, persist
from msp_console.services.security import security_summary

SAMPLE = """msp.now=2026-12-04T08:00:00Z
msp.defender_age=1
msp.producttype=1
msp.fw.Domain=True
msp.fw.Private=True
msp.fw.Public={public}
msp.mp.AMRunningMode=Normal
msp.mp.AntivirusEnabled=True
msp.mp.RealTimeProtectionEnabled=True
msp.mp.QuickScanAge=1
msp.mp.FullScanAge=4294967295
msp.mp.IsTamperProtected=True
msp.reboot=
msp.hotfix=KB5046617 11/20/2026
msp.bl.ProtectionStatus=On
"""


def main(count: int) -> None:
    import os

    os.environ["MSP_CONSOLE_MONITOR_NEW_MACHINES"] = "0"
    path = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    app = App.open(f"sqlite:///{path}")
    client = app.inventory.save_client({"name": "Grande cliente"})
    with app.db.transaction() as s:
        s.execute(
            insert(Machine),
            [
                {"client_id": client, "name": f"pc-{i}", "kind": "workstation", "os": "windows"}
                for i in range(count)
            ],
        )
        ids = [m.id for m in s.query(Machine).filter(Machine.client_id == client)]
        s.execute(
            insert(Check), [{"machine_id": m, "type": "ssh", "name": "system", "params": {}} for m in ids]
        )
        checks = {c.machine_id: c.id for c in s.query(Check)}
    now = datetime.now(UTC)
    for minutes in (10, 1):
        batch = []
        for i, mid in enumerate(ids):
            text = SAMPLE.format(public="False" if i % 7 == 0 else "True")
            spec = CheckSpec(checks[mid], mid, CheckType.SSH, "h", {"os": "windows"})
            out = judge(spec, bundle_windows.parse(text))
            batch.append(
                Processed(CheckResult(checks[mid], mid, out, now - timedelta(minutes=minutes)), CheckStatus())
            )
        with app.db.transaction() as s:
            persist(s, batch)
    times = []
    for _ in range(5):
        t = time.perf_counter()
        summary = security_summary(app.db, client)
        times.append(time.perf_counter() - t)
    card = []
    for _ in range(5):
        t = time.perf_counter()
        app.inventory.machine_card(ids[0])
        card.append(time.perf_counter() - t)
    app.close()
    green = {t.point.value: f"{t.green}/{t.reported}" for t in summary.points}
    print(
        f"{count} machines: summary {statistics.median(times) * 1000:.0f} ms, one machine's card "
        f"{statistics.median(card) * 1000:.1f} ms; {green}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
