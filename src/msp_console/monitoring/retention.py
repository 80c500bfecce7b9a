"""Metric sealing and retention, so the database stays bounded.

Every complete hour of raw samples is sealed into compressed blocks (raw, 5-minute and hourly
roll-ups, see ``db.metric_blocks``); blocks are then kept as long as their resolution's horizon:
raw 48 hours, 5-minute roll-ups 30 days, hourly roll-ups 13 months; the state-change log 25
months (what the service reports and SLA disputes look back on), its months before the previous
one packed into one block per check (``db.event_history``). Running the job often is cheap and
running it twice changes nothing. Samples arriving later than ``settle_s`` after their hour
closed are merged into the already sealed blocks on the next run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from weakref import WeakKeyDictionary

from sqlalchemy import delete, select, text

from msp_console.db.event_history import drop_expired_blocks, pack_cut, pack_events
from msp_console.db.metric_blocks import drop_expired, seal
from msp_console.db.models import Check, StateEvent
from msp_console.db.models.monitoring_history import FIVE_MIN, HOURLY, RAW
from msp_console.services.database import Database

RAW_KEEP_S = 48 * 3600
FIVE_MIN_KEEP_S = 30 * 86400
HOURLY_KEEP_S = 395 * 86400  # 13 months
STATE_EVENTS_KEEP_S = 760 * 86400  # 25 months: this month and last year's same month stay provable
SETTLE_S = 60
KEEP_S = {RAW: RAW_KEEP_S, FIVE_MIN: FIVE_MIN_KEEP_S, HOURLY: HOURLY_KEEP_S}
_LOCK_KEY = 0x6D73_7072  # team mode: one poller at a time runs the job
# Per database: the packing cut up to which this process found no rows left. Looking for old rows
# costs a probe per check, so it is done once a month (and once per start, for imported history).
_packed_until: WeakKeyDictionary[Database, datetime] = WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class RetentionReport:
    sealed_samples: int  # raw rows moved into blocks
    sealed_rollups: int  # roll-up rows (older databases, demo history) moved into blocks
    blocks_written: int
    blocks_deleted: int
    deleted_events: int = 0
    packed_events: int = 0  # state event rows packed into month blocks


def run_retention(
    db: Database, now: datetime, *, raw_keep_s: int = RAW_KEEP_S, five_min_keep_s: int = FIVE_MIN_KEEP_S
) -> RetentionReport:
    """``raw_keep_s``/``five_min_keep_s``: shorter horizons while the disk is low (``disk_guard``)."""
    t = int(now.timestamp())
    keep = {**KEEP_S, RAW: raw_keep_s, FIVE_MIN: five_min_keep_s}
    with db.transaction() as s:
        if not db.is_sqlite and not s.scalar(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": _LOCK_KEY}):
            return RetentionReport(0, 0, 0, 0, 0)  # another poller is sealing right now
        sealed = seal(s, t - SETTLE_S)
        dropped = drop_expired(s, t, keep)
        events_cut = datetime.fromtimestamp(t - STATE_EVENTS_KEEP_S, UTC)
        # Per check, so the (check, time) index serves it: no index on time alone to keep up.
        d_events = s.execute(
            delete(StateEvent).where(StateEvent.check_id.in_(select(Check.id)), StateEvent.at < events_cut)
        )
        dropped += drop_expired_blocks(s, events_cut)
        packed = pack_events(s, now) if _packed_until.get(db) != pack_cut(now) else None
        report = RetentionReport(
            sealed.samples,
            sealed.rollups,
            sealed.blocks,
            dropped,
            int(getattr(d_events, "rowcount", 0) or 0),
            packed.events if packed else 0,
        )
    if packed is not None and packed.done:  # committed: no need to look again this month
        _packed_until[db] = pack_cut(now)
    return report
