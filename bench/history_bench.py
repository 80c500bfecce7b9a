"""The history benches behind ``python -m bench.monitoring_tcp dbsize``: size, chart reads, writer CPU.

Size: a sample of machines gets 60 days of realistic minute data (``history_data``), stored the
way the app stores it (open-hour rows, raw hour blocks for 48 h, 5-minute day blocks, hourly week
blocks) plus realistic state events (4 a check a day, months of them): first all as rows, then
the way the retention job leaves them (rows since the previous month, month blocks before);
bytes per point and per event are measured on the real database and extrapolated to the steady
state of 1,000 machines × 10 checks × 2 metrics. The machine timeline and a past month's service
report history are timed on both layouts.
"""

from __future__ import annotations

import gc
import os
import random
import resource
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import numpy as np
from sqlalchemy import delete, event, insert, select, text

from bench.history_data import SERIES, machine_minutes
from msp_console.app import App
from msp_console.db import block_codec
from msp_console.db.event_blocks import PackedEvent
from msp_console.db.event_history import block_row, month_start, pack_cut
from msp_console.db.metric_blocks import PIECE_S, merge_pieces, rollup, seal
from msp_console.db.models import (
    Check,
    Client,
    Machine,
    MetricBlock,
    MetricRollup1h,
    MetricRollup5m,
    MetricSample,
    MetricSeries,
    StateEvent,
    StateEventBlock,
)
from msp_console.db.models.monitoring_history import (
    BLOCK_SPAN_S,
    FIVE_MIN,
    HOURLY,
    RAW,
    micros,
    with_outputs,
)
from msp_console.monitoring.live import state_timeline
from msp_console.monitoring.metric_history import machine_series
from msp_console.services.billing.report_history import load_client_history

DAYS = 60  # two 4-week hourly blocks


@dataclass
class Measured:
    per_point: dict[str, float]  # bytes per point: open, raw, 5m, 1h, event (row), event_block
    chart_30d_ms: tuple[float, float]  # (DB time, CPU of the whole call)
    chart_24h_ms: tuple[float, float]
    # (DB time, CPU) with every event a row, then with old months in blocks
    timeline_ms: tuple[tuple[float, float], tuple[float, float]] = ((0.0, 0.0), (0.0, 0.0))
    report_ms: tuple[tuple[float, float], tuple[float, float]] = ((0.0, 0.0), (0.0, 0.0))


def _size(app: App) -> int:
    from bench.monitoring_tcp import _size as size

    return size(app)


def _machines(app: App, n: int) -> list[tuple[int, list[int]]]:
    """n machines with 10 checks and 20 series each: [(machine id, series ids in SERIES order)]."""
    out = []
    with app.db.transaction() as s:
        client = Client(name=f"Size {n} machines, {time.time_ns()}")  # unique: a bench may run twice
        s.add(client)
        s.flush()
        for m in range(n):
            machine = Machine(client_id=client.id, name=f"m{m}", address="127.0.0.1")
            s.add(machine)
            s.flush()
            checks = []
            for c in range(10):
                check = Check(machine_id=machine.id, type="tcp", name=f"c{c}", params={"port": "22"})
                s.add(check)
                checks.append(check)
            s.flush()
            sids = []
            for i, (name, unit) in enumerate(SERIES):
                series = MetricSeries(check_id=checks[i // 2].id, name=name, unit=unit)
                s.add(series)
                s.flush()
                sids.append(series.id)
            out.append((machine.id, sids))
    return out


def _blocks(sid: int, unit: str, ts_ms: np.ndarray, values: np.ndarray, now_s: int) -> dict[int, list[Any]]:
    """The blocks the app holds for one series at ``now_s``, per resolution."""
    d = block_codec.digits_for(unit)
    out: dict[int, list[Any]] = {RAW: [], FIVE_MIN: [], HOURLY: []}
    sealed = now_s // 3600 * 3600
    ts_s = ts_ms // 1000
    for res, keep in ((RAW, 48 * 3600), (FIVE_MIN, 30 * 86400), (HOURLY, 395 * 86400)):
        span = BLOCK_SPAN_S[res]
        pick = (ts_s < sealed) & (ts_s >= sealed - keep)
        t, v = ts_ms[pick], values[pick]
        starts = (t // 1000) // span * span
        if res == FIVE_MIN:  # the open span: 4-hour pieces until it ends
            open_span = starts + span > sealed
            starts = np.where(open_span, (t // 1000) // PIECE_S * PIECE_S, starts)
        for start in np.unique(starts):
            p = starts == start
            if res == RAW:
                blob = block_codec.encode(t[p], [v[p]], [d])
                out[res].append((sid, res, int(start), int(p.sum()), blob))
            else:
                b = rollup(t[p] // 1000, v[p], 300 if res == FIVE_MIN else 3600)
                blob = block_codec.encode(b[0], list(b[1:]), [d, d, d, 0])
                out[res].append((sid, res, int(start), len(b[0]), blob))
    return out


def _events(checks: list[int], now: datetime, n: int) -> list[dict[str, Any]]:
    """Problems and recoveries with the outputs the checks really write (numbers included), about
    four a check a day, going back from ``now`` as far as ``n`` events take (months)."""
    rng = random.Random(5)
    problems = [
        "10.0.{m}.{h}:3389: connection refused (nothing listens on that port)",
        "no reply (3 of 3 packets lost)",
        "10.0.{m}.{h}:443: no answer within 10 s",
        "disk / {x:.1f} % used (warning at 85 %) — load 0.4, mem 61 %",
        "HTTP 503 Service Unavailable in {x:.0f} ms",
        "newest backup is {x:.0f} h old",
    ]
    recoveries = [
        "TCP 10.0.{m}.{h}:443 open in {x:.1f} ms",
        "rtt {x:.2f} ms, loss 0 %",
        "HTTP 200 in {x:.0f} ms",
        "load 0.3, mem 58 %, disks fine",
    ]
    out = []
    per_check = max(1, n // len(checks))
    for k, cid in enumerate(checks):
        at = now - timedelta(microseconds=rng.randint(0, 6 * 3600 * 10**6))
        for j in range(per_check if k < len(checks) - 1 else n - per_check * (len(checks) - 1)):
            problem = j % 2 == 1  # going back in time: the newest change is a recovery
            text = rng.choice(problems if problem else recoveries).format(
                m=cid % 250, h=cid % 7, x=rng.uniform(0.2, 120)
            )
            state, prev = ("CRITICAL", "OK") if problem else ("OK", "CRITICAL")
            out.append(
                {
                    "check_id": cid,
                    "at": at,
                    "kind": "hard_change",
                    "state": state,
                    "hard_state": state,
                    "state_type": "hard",
                    "previous_state": prev,
                    "previous_hard_state": prev,
                    "attempt": 3,
                    "notify": True,
                    "output": text,
                }
            )
            # 4 changes a day on average, at any microsecond
            at -= timedelta(microseconds=int(rng.expovariate(1.0) * 6 * 3600 * 10**6) + 1)
    out.sort(key=lambda e: cast(datetime, e["at"]))  # the writer inserts them as they happen
    return out


def measure(app: App, machines: int, events: int) -> Measured:
    rng = np.random.default_rng(11)
    five_span = BLOCK_SPAN_S[FIVE_MIN]  # the open span holds a day of pieces (the average)
    now_s = int(time.time()) // five_span * five_span + five_span // 2 + 1800
    if now_s > time.time():
        now_s -= five_span
    start_s = (now_s - DAYS * 86400) // 60 * 60
    layout = _machines(app, machines)
    blocks: dict[int, list[Any]] = {RAW: [], FIVE_MIN: [], HOURLY: []}
    open_rows = []
    points = {RAW: 0, FIVE_MIN: 0, HOURLY: 0}
    for _mid, sids in layout:
        cols = machine_minutes(rng, start_s, DAYS * 1440)
        # A check runs on its interval from a random phase; a result's time is its start plus
        # how long the check took (tens of ms, sometimes a timeout's seconds).
        phase = int(rng.integers(0, 60_000))
        took = rng.gamma(2.0, 15.0, DAYS * 1440) + (rng.random(DAYS * 1440) < 0.002) * 10_000
        ts_ms = (start_s + 60 * np.arange(DAYS * 1440)) * 1000 + phase + took.astype(np.int64)
        for sid, (_name, unit), values in zip(sids, SERIES, cols, strict=True):
            for res, rows in _blocks(sid, unit, ts_ms, values, now_s).items():
                blocks[res].extend(rows)
                points[res] += sum(r[3] for r in rows)
            recent = ts_ms >= now_s // 3600 * 3600 * 1000
            open_rows += [
                {"series_id": sid, "ts_ms": int(t), "value": float(v)}
                for t, v in zip(ts_ms[recent], values[recent], strict=True)
            ]
    per: dict[str, float] = {}
    names = {RAW: "raw", FIVE_MIN: "5m", HOURLY: "1h"}
    for res in (RAW, FIVE_MIN, HOURLY):
        before = _size(app)
        rows = blocks[res]
        for i in range(0, len(rows), 5000):
            with app.db.transaction() as s:
                s.execute(
                    insert(MetricBlock),
                    [
                        {"series_id": a, "resolution": r, "start": t, "points": n, "data": d}
                        for a, r, t, n, d in rows[i : i + 5000]
                    ],
                )
        per[names[res]] = (_size(app) - before) / points[res]
    before = _size(app)
    with app.db.transaction() as s:
        s.execute(insert(MetricSample), open_rows)
    per["open"] = (_size(app) - before) / max(1, len(open_rows))
    with app.db.read() as s:
        check_ids = list(s.scalars(select(Check.id)))
        client_id = int(s.scalar(select(Client.id)) or 0)
    before = _size(app)
    now_dt = datetime.fromtimestamp(now_s, UTC)
    rows_e = _events(check_ids, now_dt, events)
    stored = []
    for i in range(0, len(rows_e), 20_000):
        with app.db.transaction() as s:
            batch = with_outputs(s, rows_e[i : i + 20_000])
            s.execute(insert(StateEvent), batch)
            stored += batch
    per["event"] = (_size(app) - before) / len(rows_e)
    analyze(app)
    mid = layout[0][0]
    timeline_rows, report_rows, shown = _event_reads(app, mid, client_id, now_dt)
    # The retention job's layout: the months before the previous one as one block per check.
    cut = pack_cut(now_dt)
    groups: dict[tuple[int, int], list[PackedEvent]] = {}
    for e in stored:
        if e["at"] < cut:
            groups.setdefault((e["check_id"], int(month_start(e["at"]).timestamp())), []).append(
                PackedEvent(
                    micros(e["at"]), e["kind"], e["state"], e["hard_state"], e["state_type"],
                    e["previous_state"], e["previous_hard_state"], e["attempt"], e["notify"],
                    e["output_id"], e["output_args"],
                )
            )  # fmt: skip
    packed = sum(len(g) for g in groups.values())
    before = _size(app)
    rows_b = [block_row(cid, start, g) for (cid, start), g in groups.items()]
    with app.db.transaction() as s:
        s.execute(insert(StateEventBlock), rows_b)
    per["event_block"] = (_size(app) - before) / max(1, packed)
    per["events_per_block"] = packed / max(1, len(rows_b))
    with app.db.transaction() as s:
        s.execute(delete(StateEvent).where(StateEvent.at < cut))
    analyze(app, vacuum=True)
    timeline_blocks, report_blocks, shown_after = _event_reads(app, mid, client_id, now_dt)
    assert shown_after == shown, "rows and blocks must show the same history"
    # Chart reads of one machine (10 checks, 20 series), best of 5 (a shared machine: the best
    # run is the one least disturbed by the neighbours). DB time: the SQL statements' execution;
    # CPU: this process's CPU for the whole call (SQL, decoding the blocks, building the points).
    now = now_dt
    timings: dict[str, tuple[float, float]] = {}
    spent = [0.0]

    def started(conn: Any, *_a: Any) -> None:
        conn.info["sql_t0"] = time.perf_counter()

    def finished(conn: Any, *_a: Any) -> None:
        spent[0] += time.perf_counter() - conn.info["sql_t0"]

    event.listen(app.db.engine, "before_cursor_execute", started)
    event.listen(app.db.engine, "after_cursor_execute", finished)
    for label, span in (("30d", timedelta(days=30)), ("24h", timedelta(hours=24))):
        best_db = best_cpu = float("inf")
        for _ in range(5):
            with app.db.read() as s:
                spent[0] = 0.0
                c0 = time.process_time()
                series = machine_series(s, mid, now - span, now)
                best_cpu = min(best_cpu, time.process_time() - c0)
                best_db = min(best_db, spent[0])
        assert series and all(x.points for x in series)
        timings[label] = (best_db * 1000, best_cpu * 1000)
    event.remove(app.db.engine, "before_cursor_execute", started)
    event.remove(app.db.engine, "after_cursor_execute", finished)
    return Measured(
        per, timings["30d"], timings["24h"], (timeline_rows, timeline_blocks), (report_rows, report_blocks)
    )


def analyze(app: App, *, vacuum: bool = False) -> None:
    """What autovacuum / the app's optimize would have done."""
    with app.db.engine.connect() as c:
        if vacuum and not app.db.is_sqlite:
            c = c.execution_options(isolation_level="AUTOCOMMIT")
            c.execute(text("VACUUM ANALYZE"))
        else:
            c.exec_driver_sql("ANALYZE")
            c.commit()


def _event_reads(
    app: App, machine_id: int, client_id: int, now: datetime
) -> tuple[tuple[float, float], tuple[float, float], tuple[Any, ...]]:
    """Best of 5 (DB ms, CPU ms) of the machine's 30-day timeline and of the client's service
    report history for the month three months back (packed), and what they showed."""
    end = month_start(now)
    for _ in range(2):
        end = month_start(end - timedelta(days=1))
    month = month_start(end - timedelta(days=1))
    spent = [0.0]

    def started(conn: Any, *_a: Any) -> None:
        conn.info["sql_t0"] = time.perf_counter()

    def finished(conn: Any, *_a: Any) -> None:
        spent[0] += time.perf_counter() - conn.info["sql_t0"]

    event.listen(app.db.engine, "before_cursor_execute", started)
    event.listen(app.db.engine, "after_cursor_execute", finished)
    best: list[tuple[float, float]] = []
    shown: list[Any] = []
    try:
        for read in (
            lambda s: state_timeline(s, machine_id, now - timedelta(days=30)),
            lambda s: load_client_history(s, client_id, month, end).histories,
        ):
            db_t = cpu_t = float("inf")
            for _ in range(5):
                with app.db.read() as s:
                    spent[0] = 0.0
                    c0 = time.process_time()
                    result = read(s)
                    cpu_t = min(cpu_t, time.process_time() - c0)
                    db_t = min(db_t, spent[0])
            best.append((db_t * 1000, cpu_t * 1000))
            shown.append(result)
    finally:
        event.remove(app.db.engine, "before_cursor_execute", started)
        event.remove(app.db.engine, "after_cursor_execute", finished)
    assert shown[0] and any(h.changes for h in shown[1].values()), "the reads must find events"
    return best[0], best[1], tuple(shown)


def _steady_blocks(app: App, sids: list[int], h0: int) -> None:
    """The blocks a running install holds before hour ``h0`` for ``sids`` (raw 48 hours, 5-minute
    30 days in finished spans, hourly 13 months): one realistic block per resolution, repeated."""
    rng = np.random.default_rng(4)
    ts = (h0 + 60 * np.arange(2880)) * 1000 + rng.integers(0, 900, 2880)
    values = rng.gamma(2.0, 3.0, 2880).round(2)
    five = rollup(ts // 1000, values, 300)
    hour_ts = h0 + 3600 * np.arange(672)
    hourly = rng.gamma(2.0, 3.0, 672).round(2)
    made = {  # resolution: (points, data)
        RAW: (60, block_codec.encode(ts[:60], [values[:60]], [2])),
        FIVE_MIN: (len(five[0]), block_codec.encode(five[0], list(five[1:]), [2, 2, 2, 0])),
        HOURLY: (
            672,
            block_codec.encode(hour_ts, [hourly, hourly - 1, hourly + 1, hourly * 0 + 60], [2, 2, 2, 0]),
        ),
    }
    rows = []
    for res, back in ((RAW, 48 * 3600), (FIVE_MIN, 30 * 86400), (HOURLY, 395 * 86400)):
        span = BLOCK_SPAN_S[res]
        points, data = made[res]
        end = h0 if res == RAW else h0 // span * span  # roll-up blocks: the finished spans
        for start in range((h0 - back) // span * span, end, span):
            rows += [
                {"series_id": sid, "resolution": res, "start": start, "points": points, "data": data}
                for sid in sids
            ]
    for i in range(0, len(rows), 5000):
        with app.db.transaction() as s:
            s.execute(insert(MetricBlock), rows[i : i + 5000])


def write_hour_of_samples(
    app: App, rng: np.random.Generator, sids: list[int], h: int, per_hour: int = 60
) -> int:
    """The hour from ``h`` of ``per_hour`` samples a series, written as the poller's writer does
    (rows, in transactions of 500); returns how many."""
    rows = [
        {
            "series_id": sid,
            "ts_ms": (h + 3600 // per_hour * m) * 1000 + int(rng.integers(0, 900)),
            "value": float(v),
        }
        for sid in sids
        for m, v in enumerate(rng.gamma(2.0, 3.0, per_hour).round(2))
    ]
    for i in range(0, len(rows), 500):
        with app.db.transaction() as s:
            s.execute(insert(MetricSample), rows[i : i + 500])
    return len(rows)


def server_ticks(app: App) -> dict[int, int]:
    """CPU clock ticks so far of each PostgreSQL server process serving ``app``'s connections
    (their ``/proc`` entries: a server on this machine); none for SQLite, which works in this
    process. On PostgreSQL the roll-ups, scans and deletes run in the server while the client
    waits: a writer's cost is both processes' CPU."""
    if app.db.is_sqlite:
        return {}
    with app.db.engine.connect() as c:
        pids = c.execute(
            text(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                " AND backend_type = 'client backend'"
            )
        ).scalars()
        ticks = {}
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError as exc:
                raise SystemExit(f"no CPU figure of the server ({exc}): run the bench beside it") from exc
            ticks[pid] = int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return ticks


def cpu_spent(app: App, since: tuple[float, dict[int, int]] | None = None) -> tuple[float, dict[int, int]]:
    """(this process's CPU seconds, the server's ticks per process) — or, given ``since``, the CPU
    seconds spent after it by this process and the server processes (a new one counts whole)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    now = (r.ru_utime + r.ru_stime, server_ticks(app))
    if since is None:
        return now
    server = sum(t - since[1].get(pid, 0) for pid, t in now[1].items()) / os.sysconf("SC_CLK_TCK")
    return now[0] - since[0] + server, {}


def writer_cpu(
    before_app: App, after_app: App, machines: int, steady: bool, rounds: int = 9
) -> tuple[float, float]:
    """CPU seconds per 1,000 samples over a sample's life, each design on its own database:
    (before: rows, the SQL roll-ups and the old retention's deletes of raw and roll-up rows;
    after: rows, sealing — which deletes the raw rows — and the retention's delete of expired
    blocks, plus its share of the merge that ends each 2-day span: the span's 4-hour 5-minute
    pieces into one block, measured once on a full span, divided by its 48 hours). Not counted:
    the after side's fold of a 5-minute block into the hourly one at 30 days (one decode and
    encode per series per 2 days, ~1/48 of the hourly sealing), and the old job's ``max(bucket)``
    look-ups of where it had stopped (scans of the roll-up tables, given to it for free).

    ``steady``: both databases first hold what a running install holds for the bench's series
    (raw 48 h, 5-minute 30 days, hourly 13 months: ~10 million rows before, ~30,000 blocks
    after), so every insert and delete works on tables of their real size; else empty tables,
    a new install (the old design at its cheapest).

    Each is the median of ``rounds`` hours, the two alternating which goes first, after one
    unmeasured hour of each: a process's first statements pay for compiling them and for cold
    caches, which made whichever half ran first look dearer. The garbage collector runs before
    each hour, so a full collection of what an earlier hour left does not land in a random one.
    The sealed hours follow each other inside one open span (each joins its 4-hour piece).
    """
    from bench.legacy_rollup import legacy_retention_deletes, legacy_rollup, steady_rows
    from msp_console.db.metric_blocks import drop_expired
    from msp_console.monitoring.retention import KEEP_S

    old_sids = [sid for _m, s in _machines(before_app, machines) for sid in s]
    new_sids = [sid for _m, s in _machines(after_app, machines) for sid in s]
    span = BLOCK_SPAN_S[FIVE_MIN]
    base = (int(time.time()) - 4 * 86400) // span * span  # measured hours: early in an open span
    if steady:
        with before_app.db.transaction() as s:
            steady_rows(s, old_sids, base)
        _steady_blocks(after_app, new_sids, base)
        for app in (before_app, after_app):
            analyze(app)
    rng = np.random.default_rng(2)

    def write_hour(app: App, sids: list[int], h: int, per_hour: int = 60) -> int:
        return write_hour_of_samples(app, rng, sids, h, per_hour)

    def old(h: int) -> float:
        gc.collect()
        c0 = cpu_spent(before_app)
        n = write_hour(before_app, old_sids, h)
        with before_app.db.transaction() as s:
            legacy_rollup(s, h + 3600 + 120, since_s=h)
        with before_app.db.transaction() as s:
            if steady:  # the old retention's deletes, as it ran them
                legacy_retention_deletes(s, h + 3600 + 120)
            else:  # nothing expires yet: its deletes, row by row, of what this hour wrote (a
                # DELETE without WHERE would be SQLite's free truncate)
                s.execute(delete(MetricSample).where(MetricSample.ts_ms < (h + 3600) * 1000))
                for model in (MetricRollup5m, MetricRollup1h):
                    s.execute(delete(model).where(model.bucket < h + 3600))
        return cpu_spent(before_app, c0)[0] / n * 1000

    def new(h: int) -> float:
        gc.collect()
        c0 = cpu_spent(after_app)
        n = write_hour(after_app, new_sids, h)
        with after_app.db.transaction() as s:  # sealing deletes the hour's rows itself
            seal(s, h + 3600 + 120)
        with after_app.db.transaction() as s:  # the retention's delete of expired blocks
            if steady:
                drop_expired(s, h + 3600 + 120, KEEP_S)
            else:  # nothing expires yet: the delete of the hour's raw blocks 48 h later
                s.execute(delete(MetricBlock).where(MetricBlock.resolution == RAW, MetricBlock.start == h))
        return cpu_spent(after_app, c0)[0] / n * 1000

    old(base)
    new(base)
    before, after = [], []
    for r in range(rounds):
        h = base + 3600 * (r + 1)
        if r % 2:
            after.append(new(h))
            before.append(old(h))
        else:
            before.append(old(h))
            after.append(new(h))
    # The rest of the span's pieces (one sample per 5-minute bucket: the pieces are the same),
    # then the merge its end brings, shared by the span's 48 hours of samples.
    for h in range(base + 3600 * (rounds + 1), base + span - 3600, 3600):
        write_hour(after_app, new_sids, h, per_hour=12)
        with after_app.db.transaction() as s:
            seal(s, h + 3600 + 120)
    gc.collect()
    c0 = cpu_spent(after_app)
    with after_app.db.transaction() as s:
        merged = merge_pieces(s, base + span + 120)
    merge = cpu_spent(after_app, c0)[0] / (48 * 60 * len(new_sids)) * 1000
    assert merged == len(new_sids), merged
    return float(np.median(before)), float(np.median(after)) + merge
