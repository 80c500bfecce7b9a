"""The scheduled side of the SdI channel: every 15 minutes, fetch the notifications and retry
the sendings that failed; after a failure wait longer (15, 30, 60 … at most 240 minutes), and
keep what went wrong for the window to show. Never raises: a failure is a result.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from msp_console.services.billing.sdi_receipts import Applied
from msp_console.services.billing.sdi_send import SendOutcome
from msp_console.services.database import Database

log = logging.getLogger(__name__)
EVERY_MINUTES = 15
BACKING_OFF = "backing off"
MAX_BACKOFF_MINUTES = 240


@dataclass(frozen=True, slots=True)
class PollResult:
    at: datetime
    applied: list[Applied] = field(default_factory=list)
    resent: list[SendOutcome] = field(default_factory=list)
    error: str = ""  # the fetch or the retry failed (shown in the window)
    error_code: str = ""  # the mail layer's code (login, dropped…), for the window to word
    error_params: dict[str, str] = field(default_factory=dict)
    skipped: str = ""  # nothing tried: NO_ACCOUNT, or BACKING_OFF
    next_attempt: datetime | None = None

    @property
    def rejections(self) -> list[Applied]:
        return [a for a in self.applied if a.kind == "NS" and a.outcome == "applied"]


class SdiPoller:
    """One per process; ``run`` is what the scheduler calls (on its own thread)."""

    def __init__(self, db: Database, transport: Callable[[], Any] | None = None):
        self.db = db
        self._transport = transport
        self.failures = 0
        self.next_attempt: datetime | None = None
        self.last: PollResult | None = None
        self._lock = threading.Lock()

    def transport(self) -> Any:
        if self._transport is not None:
            return self._transport()
        from msp_console.services.billing.sdi_transport import PecTransport

        return PecTransport.for_channel(self.db)

    def backoff(self) -> timedelta:
        """After the n-th failure in a row: 15, 30, 60, 120, then 240 minutes."""
        return timedelta(minutes=min(EVERY_MINUTES * 2 ** max(self.failures - 1, 0), MAX_BACKOFF_MINUTES))

    def run(self, now: datetime | None = None, *, force: bool = False) -> PollResult:
        now = now or datetime.now(UTC)
        with self._lock:  # a manual "fetch now" and the scheduler never overlap
            if not force and self.next_attempt is not None and now < self.next_attempt:
                return PollResult(now, skipped=BACKING_OFF, next_attempt=self.next_attempt)
            result = self._attempt(now)
            self.last = result
            return result

    def _attempt(self, now: datetime) -> PollResult:
        from msp_console.services.billing import sdi_send
        from msp_console.services.billing.sdi_fetch import FetchFailed, fetch
        from msp_console.services.billing.sdi_transport import TransportUnavailable

        try:
            transport = self.transport()
        except TransportUnavailable as exc:
            return PollResult(now, skipped=str(exc))
        applied: list[Applied] = []
        resent: list[SendOutcome] = []
        try:
            applied = fetch(self.db, transport.inbox).applied
            failed = sdi_send.failed_numbers(self.db)
            if failed:
                resent = sdi_send.send(self.db, lambda: transport.deliver, numbers=failed)
                broken = [o for o in resent if o.outcome == sdi_send.FAILED]
                if broken:
                    return self._failed(
                        now, broken[0].reason, broken[0].reason_code, broken[0].reason_params, applied, resent
                    )
        except Exception as exc:  # FetchFailed, MailError …: in words, retried later
            if isinstance(exc, FetchFailed):
                applied = exc.applied
            code, params = sdi_send.error_code(exc)
            return self._failed(now, str(exc), code, params, applied, resent)
        finally:
            close = getattr(transport, "close", None)
            if close is not None:
                close()
        self.failures, self.next_attempt = 0, None
        return PollResult(now, applied, resent)

    def _failed(
        self,
        now: datetime,
        error: str,
        code: str,
        params: dict[str, str],
        applied: list[Applied],
        resent: list[SendOutcome],
    ) -> PollResult:
        self.failures += 1
        self.next_attempt = now + self.backoff()
        log.warning("SdI fetch/retry failed (%d in a row): %s", self.failures, error)
        return PollResult(now, applied, resent, error, code, params, next_attempt=self.next_attempt)


def add_sdi_job(
    scheduler: Any, poller: SdiPoller, done: Callable[[PollResult], None], first_in_s: float = 30
) -> Any:
    """The 15-minute job on an APScheduler scheduler (the window's); ``done`` gets each result."""

    def job() -> None:
        result = poller.run()
        if result.skipped != BACKING_OFF:  # a wait is not news
            done(result)

    return scheduler.add_job(
        job,
        "interval",
        minutes=EVERY_MINUTES,
        id="msp-console-sdi-fetch",
        replace_existing=True,
        next_run_time=datetime.now(UTC) + timedelta(seconds=first_in_s),
        coalesce=True,
        max_instances=1,
    )
