"""Per-client SLA plans, feature settings, and the Today page fed by the monitoring tables."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from msp_console.cli import main
from msp_console.db.models import Check, CheckStatus
from msp_console.domain.errors import ValidationError
from msp_console.domain.intervention_state import Priority
from msp_console.domain.sla import SlaTarget
from msp_console.services.interventions.today import check_ref
from tests.integration.interventions.conftest import World

ROME = ZoneInfo("Europe/Rome")


def rome(d: int, h: int, mi: int = 0) -> datetime:
    return datetime(2026, 11, d, h, mi, tzinfo=ROME)


def test_a_client_plan_sets_the_deadlines_of_its_new_interventions(world: World) -> None:
    plans, ivs = world.sched.sla_plans, world.sched.interventions
    gold = {p: SlaTarget(timedelta(minutes=30), timedelta(hours=4)) for p in Priority}
    plans.save("gold", gold)
    with pytest.raises(ValidationError, match="no SLA plan named 'platinum'"):
        plans.assign(world.client_id, "platinum")
    assert plans.for_client(world.client_id) == "standard"
    plans.assign(world.client_id, "gold")
    iid = ivs.open(world.client_id, "Mail server down", priority="P3", now=rome(27, 17, 45))  # Friday
    view = ivs.show(iid, rome(27, 17, 50))
    assert view.sla_plan == "gold"
    deadlines = {c.name: c.deadline for c in view.clocks}
    assert deadlines == {"response": rome(30, 9, 15), "resolution": rome(30, 12, 45)}
    assert {p.name for p in plans.list()} == {"standard", "gold"}


def test_settings_move_the_follow_up_and_shorten_the_reopen_window(world: World) -> None:
    ivs, calls = world.sched.interventions, world.sched.calls
    ivs.update_settings(follow_up_business_days=2, follow_up_time="15:30", reopen_days=1)
    with pytest.raises(ValidationError, match="business_start"):
        ivs.update_settings(business_start="nine")
    with pytest.raises(ValidationError, match="reopen_days: must not be negative"):
        ivs.update_settings(reopen_days=-1)
    iid = ivs.open(world.client_id, "Backup failed", check_ref="check:9", now=rome(26, 9))  # Thursday
    ivs.transition(iid, "in_progress", now=rome(26, 10))
    ivs.transition(iid, "awaiting_check", now=rome(26, 11))
    assert [t.due_at for t in calls.due(rome(30, 23))] == [rome(30, 15, 30)]  # Fri, Mon → Monday 15:30
    ivs.close(iid, now=rome(30, 16))
    assert ivs.problem_returned(world.client_id, None, "check:9", rome(30, 17)) == iid
    ivs.close(iid, now=rome(30, 18))
    assert (
        ivs.problem_returned(world.client_id, None, "check:9", datetime(2026, 12, 2, 9, tzinfo=ROME)) is None
    )


def test_today_lists_monitoring_problems_until_an_intervention_takes_them(world: World) -> None:
    with world.app.db.transaction() as s:
        disk = Check(machine_id=world.server_id, type="disk", name="Disk C:")
        ok = Check(machine_id=world.nas_id, type="ping", name="Ping")
        acked = Check(machine_id=world.nas_id, type="backup_age", name="Backup age")
        s.add_all([disk, ok, acked])
        s.flush()
        s.add_all(
            [
                CheckStatus(
                    check_id=disk.id,
                    state="CRITICAL",
                    hard_state="CRITICAL",
                    output="91% used",
                    last_hard_change=rome(26, 8),
                ),
                CheckStatus(check_id=ok.id, state="OK", hard_state="OK"),
                CheckStatus(check_id=acked.id, state="WARNING", hard_state="WARNING", acked=True),
            ]
        )
        disk_id = disk.id
    problems = world.sched.today(rome(26, 9)).problems_to_call
    assert [(p.machine_name, p.summary, p.intervention_id) for p in problems] == [
        ("srv-01", "CRITICAL Disk C:: 91% used", None)
    ]
    assert problems[0].phone == "+39 031 123456"
    iid = world.sched.interventions.open(
        world.client_id,
        "Disk C: full",
        machine_ids=[world.server_id],
        origin="monitoring",
        check_ref=check_ref(disk_id),
        now=rome(26, 9, 5),
    )
    problems = world.sched.today(rome(26, 9, 10)).problems_to_call
    assert [p.intervention_id for p in problems] == [iid]  # the intervention, not the raw check


def test_plans_and_settings_from_the_command_line(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--database", sqlite_url]
    assert (
        main([*db, "sla-plans", "set", "gold", "--targets", "P1=30/240,P2=60/480,P3=120/960,P4=240/1920"])
        == 0
    )
    assert main([*db, "sla-plans", "set", "bad", "--targets", "P1=soon"]) == 1
    assert "is not like P1=60/480" in capsys.readouterr().err
    assert main([*db, "sla-plans", "list"]) == 0
    assert "gold: P1 30/240 min" in capsys.readouterr().out
    assert main([*db, "scheduling", "settings", "--business-hours", "08:30-17:30", "--reopen-days", "3"]) == 0
    out = capsys.readouterr().out
    assert "business_start: 08:30" in out and "reopen_days: 3" in out
