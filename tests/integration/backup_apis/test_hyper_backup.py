"""hyper_backup against a local HTTPS server answering as the DSM Web API does (fixtures/dsm.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, run_check
from msp_console.monitoring.model import CheckOutcome
from tests.integration.backup_apis.conftest import Appliance, spec_for
from tests.integration.backup_apis.fixtures import dsm
from tests.support.components import free_port

REF = "backup:nas:monitor"
ROME = ZoneInfo("Europe/Rome")


def check(appliance: Appliance, previous: Mapping[str, float] | None = None, warn: str = "",
          **params: str) -> CheckOutcome:  # fmt: skip
    base = {"user": dsm.USER, "password_ref": REF, "fingerprint": appliance.pin, "timezone": "Europe/Rome"}
    spec = spec_for("hyper_backup", appliance.server.port, {**base, **params}, warn)
    ctx = CheckContext(get_secret={REF: dsm.PASSWORD}.get, last_metrics=lambda check_id: previous or {})
    return run_check(spec, ctx)


def now() -> datetime:
    return datetime.now(UTC).replace(second=0, microsecond=0)


def test_last_run_done_recently_is_ok_and_no_secret_in_urls(appliance: Appliance) -> None:
    t = now()
    appliance.server.responder = dsm.responder(t - timedelta(hours=6), ROME, next_run=t + timedelta(hours=18))
    outcome = check(appliance)
    assert outcome.state is HealthState.OK, outcome.output
    figures = {m.name: m.value for m in outcome.metrics}
    assert 5.9 < figures["age"] < 6.1 and figures["size"] == 120 * dsm.GIB  # NAS time read in its own zone
    calls = [(s.form.get("api"), s.form.get("method")) for s in appliance.server.seen[-5:]]
    assert calls[0] == ("SYNO.API.Auth", "login") and calls[-1] == ("SYNO.API.Auth", "logout")
    assert all(
        dsm.PASSWORD not in s.raw_target and dsm.SID not in s.raw_target for s in appliance.server.seen
    )


def test_too_old_is_warning(appliance: Appliance) -> None:
    t = now()
    appliance.server.responder = dsm.responder(t - timedelta(hours=30), ROME, next_run=t + timedelta(hours=1))
    outcome = check(appliance)
    assert outcome.state is HealthState.WARNING and "30.0 h old" in outcome.output, outcome.output


def test_failed_last_run_is_critical_with_dsm_words(appliance: Appliance) -> None:
    t = now()
    appliance.server.responder = dsm.responder(
        t - timedelta(hours=3), ROME, result="failed", error="Destination is not reachable", next_run=t
    )
    outcome = check(appliance)
    assert outcome.state is HealthState.CRITICAL
    assert "failed" in outcome.output and "Destination is not reachable" in outcome.output, outcome.output


def test_shrunk_destination_is_critical(appliance: Appliance) -> None:
    t = now()
    appliance.server.responder = dsm.responder(
        t - timedelta(hours=2), ROME, used_size=40 * dsm.GIB, next_run=t + timedelta(hours=20)
    )
    outcome = check(appliance, previous={"size": float(120 * dsm.GIB)})
    assert outcome.state is HealthState.CRITICAL
    assert "40.0 GiB, 120.0 GiB at the last check: versions deleted?" in outcome.output, outcome.output


def test_broken_task_offline_destination_and_no_schedule_are_named(appliance: Appliance) -> None:
    t = now()
    appliance.server.responder = dsm.responder(t - timedelta(hours=2), ROME, state="unauth", online=False)
    outcome = check(appliance)
    assert outcome.state is HealthState.CRITICAL
    assert "the destination refused the task's credentials (state unauth)" in outcome.output
    assert "the backup destination is offline" in outcome.output and "no next run scheduled" in outcome.output


def test_wrong_password_is_unknown_with_words(appliance: Appliance) -> None:
    appliance.server.responder = dsm.responder(now(), ROME, password="something else")
    outcome = check(appliance)
    assert outcome.state is HealthState.UNKNOWN
    assert outcome.output == "Synology DSM refused the login of monitor: no such account or wrong password"


def test_unreachable_and_malformed_are_unknown(appliance: Appliance) -> None:
    port = free_port()
    spec = spec_for("hyper_backup", port, {"user": dsm.USER, "password_ref": REF})
    outcome = run_check(spec, CheckContext(get_secret={REF: dsm.PASSWORD}.get))
    assert outcome.state is HealthState.UNKNOWN and "cannot reach the Synology DSM" in outcome.output
    appliance.server.responder = dsm.responder(now(), ROME, body_override=b"<html>Service Unavailable</html>")
    outcome = check(appliance)
    assert outcome.state is HealthState.UNKNOWN and "not JSON" in outcome.output, outcome.output


def test_another_certificate_is_critical_and_gets_no_password(appliance: Appliance) -> None:
    appliance.server.responder = dsm.responder(now(), ROME)
    before = len(appliance.server.seen)
    outcome = check(appliance, fingerprint=appliance.wrong_pin)
    assert outcome.state is HealthState.CRITICAL and "does not match the pinned fingerprint" in outcome.output
    assert len(appliance.server.seen) == before
