"""The article's case 3, end to end: problem → call → appointment → remote work → follow-up → closed."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from msp_console.domain.errors import ValidationError
from msp_console.services.interventions import AppointmentDraft
from tests.integration.interventions.conftest import World

ROME = ZoneInfo("Europe/Rome")


def rome(d: int, h: int, mi: int = 0) -> datetime:
    return datetime(2026, 11, d, h, mi, tzinfo=ROME)  # November 2026: 23 = Monday


def test_the_whole_case3_loop_leaves_a_complete_timeline(world: World) -> None:
    ivs, calls, appts = world.sched.interventions, world.sched.calls, world.sched.appointments
    # 1. monitoring spots the disk filling up on Monday 09:10
    iid = ivs.open(
        world.client_id,
        "Disk C: 91% full on srv-01",
        machine_ids=[world.server_id],
        origin="monitoring",
        check_ref="check:17",
        priority="P2",
        now=rome(23, 9, 10),
    )
    today = world.sched.today(rome(23, 9, 15))
    assert [p.intervention_id for p in today.problems_to_call] == [iid]
    # 2. the technician calls; nobody answers, a retry is scheduled; the second call reaches Giulia
    first = calls.log(
        world.client_id, "no_answer", intervention_id=iid, contact_id=world.contact_id, now=rome(23, 9, 20)
    )
    assert first.task_id is not None and first.state == "open"
    assert [t.kind for t in calls.due(rome(23, 10, 30))] == ["retry"]
    reached = calls.log(
        world.client_id,
        "reached",
        intervention_id=iid,
        contact_id=world.contact_id,
        note="ok for tomorrow 14:00",
        now=rome(23, 10, 25),
    )
    assert reached.state == "contacted"
    assert calls.due(rome(23, 18)) == []  # the retry was done by reaching her
    # 3. an appointment, remote, tomorrow at 14:00
    first_appt = appts.add(
        AppointmentDraft(
            world.client_id,
            rome(24, 14),
            "Clean up disk C:",
            60,
            machine_id=world.server_id,
            intervention_id=iid,
            technician="Luca",
        ),
        now=rome(23, 10, 30),
    )
    assert first_appt.warnings == ()
    assert ivs.show(iid, rome(23, 10, 31)).state == "scheduled"
    # 4. at that time the technician is remoted in (the launcher logs the session)
    ivs.link_session(
        iid,
        machine_id=world.server_id,
        protocol="ssh",
        started=rome(24, 14, 2),
        ended=rome(24, 14, 40),
        exit_code=0,
    )
    assert ivs.show(iid, rome(24, 14, 41)).state == "in_progress"
    ivs.log_time(iid, 40, "removed old logs", now=rome(24, 14, 41))
    appts.complete(first_appt.id, now=rome(24, 14, 45))
    assert ivs.show(iid, rome(24, 14, 46)).state == "awaiting_check"
    # 5. the follow-up call is scheduled by itself for the next business day
    due = calls.due(rome(25, 23))
    assert [(t.kind, t.due_at) for t in due] == [("follow_up", rome(25, 10))]
    assert [t.kind for t in world.sched.today(rome(25, 8)).calls_due] == ["follow_up"]
    # 6. still broken → reopened, a new appointment
    broken = calls.log(
        world.client_id,
        "still_broken",
        intervention_id=iid,
        contact_id=world.contact_id,
        note="disk full again",
        now=rome(25, 10, 5),
    )
    assert broken.needs_appointment and broken.state == "reopened"
    second = appts.add(
        AppointmentDraft(
            world.client_id,
            rome(26, 9),
            "Move the archive to the NAS",
            90,
            machine_id=world.server_id,
            intervention_id=iid,
            technician="Luca",
        ),
        now=rome(25, 10, 10),
    )
    sid = ivs.link_session(iid, machine_id=world.server_id, protocol="rdp", started=rome(26, 9))
    running = [e.summary for e in ivs.timeline(iid) if e.kind == "session"]
    assert running[-1] == "rdp session to srv-01"  # still running: no length yet
    ivs.end_session(sid, ended=rome(26, 10), exit_code=0)
    appts.complete(second.id, now=rome(26, 10, 5))
    # 7. the follow-up says all is well → closed
    ok = calls.log(
        world.client_id, "all_ok", intervention_id=iid, contact_id=world.contact_id, now=rome(27, 10)
    )
    assert ok.state == "closed"
    view = ivs.show(iid, rome(27, 10, 1))
    assert view.state == "closed" and view.closed_at == rome(27, 10)
    assert view.machines == ((world.server_id, "srv-01"),)
    assert calls.due(rome(30, 23)) == []
    states = [(e.from_state, e.to_state) for e in view.timeline if e.kind == "state"]
    assert states == [
        ("", "open"),
        ("open", "contacted"),
        ("contacted", "scheduled"),
        ("scheduled", "in_progress"),
        ("in_progress", "awaiting_check"),
        ("awaiting_check", "reopened"),
        ("reopened", "scheduled"),
        ("scheduled", "in_progress"),
        ("in_progress", "awaiting_check"),
        ("awaiting_check", "closed"),
    ]
    kinds = [e.kind for e in view.timeline]
    assert kinds.count("session") == 2 and kinds.count("time") == 1
    summaries = " | ".join(e.summary for e in view.timeline)
    for expected in (
        "no_answer",
        "retry call scheduled",
        "reached — ok for tomorrow 14:00",
        "appointment 2026-11-24 14:00 (remote): Clean up disk C:",
        "ssh session to srv-01, 38 min, exit 0",
        "follow-up call scheduled for 2026-11-25 10:00",
        "still_broken — disk full again",
        "rdp session to srv-01, 60 min, exit 0",
        "appointment done: Move the archive to the NAS",
        "all_ok",
    ):
        assert expected in summaries
    times = [e.at for e in view.timeline]
    assert times == sorted(times)
    # SLA: P2 response 4 business hours — met (reached at 10:25, 1h15 after opening)
    response = next(c for c in view.clocks if c.name == "response")
    assert response.level == "met" and response.elapsed == timedelta(hours=1, minutes=15)


def test_a_problem_returning_within_the_window_reopens_the_closed_intervention(world: World) -> None:
    ivs = world.sched.interventions
    iid = ivs.open(
        world.client_id,
        "Backup not run",
        machine_ids=[world.nas_id],
        origin="monitoring",
        check_ref="check:3",
        priority="P3",
        now=rome(23, 9),
    )
    assert ivs.problem_returned(world.client_id, world.nas_id, "check:3", rome(23, 10)) == iid  # still open
    ivs.close(iid, note="backup re-run", now=rome(23, 12))
    assert ivs.problem_returned(world.client_id, world.nas_id, "check:3", rome(27, 9)) == iid
    assert ivs.show(iid, rome(27, 9)).state == "reopened"
    ivs.close(iid, now=rome(27, 10))
    # more than 7 days later: a new intervention is needed
    assert (
        ivs.problem_returned(world.client_id, world.nas_id, "check:3", datetime(2026, 12, 7, 10, tzinfo=ROME))
        is None
    )
    assert ivs.problem_returned(world.client_id, world.server_id, "check:3", rome(28, 9)) is None


def test_waiting_for_the_client_pauses_resolution_and_a_breach_survives_reopening(world: World) -> None:
    ivs = world.sched.interventions
    iid = ivs.open(world.client_id, "Firewall down", priority="P1", now=rome(23, 9))  # P1: 1h / 8h
    ivs.transition(iid, "waiting_for_client", now=rome(23, 9, 30))  # response not yet given…
    view = ivs.show(iid, rome(23, 11))
    clocks = {c.name: c for c in view.clocks}
    assert clocks["resolution"].level == "paused" and clocks["resolution"].elapsed == timedelta(minutes=30)
    assert clocks["response"].level == "breached"  # …and the response clock never pauses
    assert ivs.refresh_sla(rome(23, 11)) == [(iid, "response")]
    assert ivs.refresh_sla(rome(23, 12)) == []  # recorded once
    ivs.transition(iid, "contacted", now=rome(24, 9))  # resumes: 7h30 left → Tuesday 16:30
    assert {c.name: c for c in ivs.show(iid, rome(24, 9)).clocks}["resolution"].deadline == rome(24, 16, 30)
    ivs.close(iid, now=rome(24, 15))
    ivs.transition(iid, "reopened", now=rome(25, 9))
    view = ivs.show(iid, rome(25, 9, 5))
    clocks = {c.name: c for c in view.clocks}
    assert clocks["response"].breached_at == rome(23, 10)
    assert clocks["resolution"].elapsed == timedelta(hours=6, minutes=35)  # closed time paused it
    assert [e.summary for e in view.timeline if e.kind == "sla"] == ["response SLA breached"]
    alerts = world.sched.today(rome(25, 10, 30)).sla_alerts
    assert [(a.intervention_id, a.clock.name) for a in alerts] == [(iid, "resolution")]


def test_refused_moves_and_bad_calls_write_nothing(world: World) -> None:
    ivs, calls = world.sched.interventions, world.sched.calls
    iid = ivs.open(world.client_id, "Printer offline", now=rome(23, 9))
    before = ivs.timeline(iid)
    with pytest.raises(ValidationError, match="cannot go from open to awaiting_check"):
        ivs.transition(iid, "awaiting_check", now=rome(23, 10))
    with pytest.raises(ValidationError, match="outcome: all_ok is the answer to a follow-up"):
        calls.log(world.client_id, "all_ok", intervention_id=iid, now=rome(23, 10))
    with pytest.raises(ValidationError, match="outcome: unknown outcome"):
        calls.log(world.client_id, "busy", intervention_id=iid, now=rome(23, 10))
    assert ivs.timeline(iid) == before
    with pytest.raises(ValidationError, match="title"):
        ivs.open(world.client_id, "  ")
    with pytest.raises(ValidationError, match="machine"):
        ivs.open(world.client_id, "x", machine_ids=[9999])


def test_a_client_with_interventions_is_archived_not_deleted(world: World) -> None:
    world.sched.interventions.open(world.client_id, "Printer offline", now=rome(23, 9))
    outcome = world.app.inventory.delete_client(world.client_id)
    assert "archiv" in outcome
