"""Timeline events carry a code + values (for each screen to word in its language); the migration
that adds them keeps the rows written before, which show their text as they always did."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import inspect, text

from msp_console.db.migrate import alembic_config
from tests.integration.interventions.conftest import World


def test_the_services_write_codes_and_values(sqlite_world: World) -> None:
    w = sqlite_world
    iid = w.sched.interventions.open(w.client_id, "Disk full", machine_ids=[w.server_id], priority="P2")
    w.sched.calls.log(
        w.client_id, "no_answer", intervention_id=iid, contact_id=w.contact_id, note="voicemail"
    )
    timeline = w.sched.interventions.timeline(iid)
    by_code = {e.code: e for e in timeline}
    assert by_code["opened"].params == {"origin": "client_call", "priority": "P2"}
    assert by_code["call_outbound"].params == {
        "who": "Giulia Rossi",
        "outcome": "no_answer",
        "note": "voicemail",
    }
    assert "due" in by_code["task_retry"].params
    assert by_code["call_outbound"].summary.startswith("outbound call with Giulia Rossi")  # CLI text kept


def test_the_migration_keeps_old_rows_and_goes_both_ways(sqlite_world: World) -> None:
    w = sqlite_world
    iid = w.sched.interventions.open(w.client_id, "Printer jam")
    engine = w.app.db.engine
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003d_event_codes-1")
    columns = {c["name"] for c in inspect(engine).get_columns("intervention_event")}
    assert not {"code", "params"} & columns
    with engine.begin() as conn:  # a line written by a version without codes
        conn.execute(
            text(
                "INSERT INTO intervention_event (intervention_id, at, kind, from_state, to_state, summary,"
                " minutes, author) VALUES (:i, '2026-11-27 08:00:00', 'call', '', '',"
                " 'outbound call: reached', 0, '')"
            ),
            {"i": iid},
        )
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
    old = [e for e in w.sched.interventions.timeline(iid) if e.kind == "call"]
    assert [(e.code, e.params, e.summary) for e in old] == [("", {}, "outbound call: reached")]
    w.sched.interventions.add_note(iid, "toner ordered")
    w.sched.calls.log(w.client_id, "reached", intervention_id=iid, contact_id=w.contact_id)
    with engine.connect() as conn:
        stored = conn.execute(
            text("SELECT params FROM intervention_event WHERE code = 'call_outbound'")
        ).scalar_one()
    assert json.loads(stored)["outcome"] == "reached"
