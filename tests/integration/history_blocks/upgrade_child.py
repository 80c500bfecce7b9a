"""A separate process that upgrades a database, for the test that kills it half-way.

    python -m tests.integration.history_blocks.upgrade_child URL STALL

Converts in batches of one event and one series, prints each committed batch's progress as a
JSON line, and with STALL = ``events:N`` or ``metrics:N`` stops in the middle of batch N — its
rows written but not committed — prints ``STALLED`` and waits for a line on stdin (the test
kills it there). ``none`` runs to the end and prints ``DONE``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any

from msp_console.app import App
from msp_console.db import history_conversion
from tests.integration.history_blocks.old_history import NOW


def main(url: str, stall: str) -> None:
    history_conversion.now = lambda: NOW  # upgraded the moment the history was written
    history_conversion.EVENT_BATCH = 1
    history_conversion.SERIES_BATCH = 1
    where, _, at = stall.partition(":")
    calls = 0

    def stall_in(real: Any) -> Any:
        def batch_step(session: Any, *args: Any) -> Any:
            nonlocal calls
            result = real(session, *args)
            calls += 1
            if calls == int(at):
                session.flush()  # this batch's rows are in the database's transaction, uncommitted
                print("STALLED", flush=True)
                sys.stdin.readline()
            return result

        return batch_step

    if where == "events":
        history_conversion.output_ids = stall_in(history_conversion.output_ids)
    elif where == "metrics":
        history_conversion.seal = stall_in(history_conversion.seal)

    def progress(step: history_conversion.Progress) -> None:
        print(json.dumps({**dataclasses.asdict(step), "text": str(step)}), flush=True)

    App.open(url, progress=progress).close()
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
