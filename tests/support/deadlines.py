"""'It ended by its timeout' without racing the clock on a busy machine.

A check that honours its timeout ends a little after it; one that does not waits for the OS (a TCP
connect gives up after ~2 minutes) or for ever (a frozen server, a `sleep 60`). The bound below sits
between the two: generous enough for a machine whose cores are all busy (`setup.sh test --stress`),
far below what a hang costs, so the test still fails when the timeout is not applied.
"""

from __future__ import annotations

SCHEDULING_SLACK_S = 10.0


def assert_ended_by_its_timeout(duration_ms: float, timeout_s: float, what: object = "") -> None:
    limit_ms = (timeout_s + SCHEDULING_SLACK_S) * 1000
    assert duration_ms < limit_ms, f"took {duration_ms:.0f} ms with a {timeout_s:g} s timeout: {what}"
