"""proxmox_backup against a local HTTPS server answering as the PBS API documents (fixtures/pbs.py):
OK, too old, failed, shrunk, failed verify, full datastore, wrong token, unreachable, malformed
JSON and a certificate that is not the pinned one — a state with words every time, never a crash."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, run_check
from tests.integration.backup_apis.conftest import Appliance, spec_for
from tests.integration.backup_apis.fixtures import pbs
from tests.support.components import free_port

GIB = pbs.GIB
STEADY = [40 * GIB, 41 * GIB, 40 * GIB, 42 * GIB, 41 * GIB, 42 * GIB, 42 * GIB]
REF = "backup:pbs:token"


def check(appliance: Appliance, warn: str = "", crit: str = "", **params: str):  # type: ignore[no-untyped-def]
    base = {"token_id": pbs.TOKEN_ID, "token_ref": REF, "fingerprint": appliance.pin}
    spec = spec_for("proxmox_backup", appliance.server.port, {**base, **params}, warn, crit)
    ctx = CheckContext(get_secret={REF: pbs.TOKEN_SECRET}.get)
    return run_check(spec, ctx)


@pytest.fixture
def now() -> datetime:
    return datetime.now(UTC)


def test_recent_good_snapshots_are_ok(appliance: Appliance, now: datetime) -> None:
    appliance.server.responder = pbs.responder(pbs.nightly(now, "100", 5, STEADY))
    outcome = check(appliance)
    assert outcome.state is HealthState.OK, outcome.output
    assert "store1:vm/100" not in outcome.output or "OK" in outcome.output
    figures = {m.name: m.value for m in outcome.metrics}
    assert 4.9 < figures["age"] < 5.2 and figures["runs"] == 7 and figures["datastore_used"] == 42.0
    seen = appliance.server.seen[-1]
    assert seen.headers["authorization"] == f"PBSAPIToken={pbs.TOKEN_ID}:{pbs.TOKEN_SECRET}"
    assert all(
        pbs.TOKEN_SECRET not in s.raw_target for s in appliance.server.seen
    )  # header only, never the URL


def test_too_old_is_warning_then_critical(appliance: Appliance, now: datetime) -> None:
    appliance.server.responder = pbs.responder(pbs.nightly(now, "100", 30, STEADY))
    outcome = check(appliance)
    assert outcome.state is HealthState.WARNING and "30.0 h old" in outcome.output, outcome.output
    assert check(appliance, warn="12", crit="24").state is HealthState.CRITICAL


def test_failed_backup_task_is_critical(appliance: Appliance, now: datetime) -> None:
    from datetime import timedelta

    failed = pbs.task(
        "backup", "store1:vm/100", now - timedelta(hours=2), "backup failed: connection error: timed out"
    )
    appliance.server.responder = pbs.responder(pbs.nightly(now, "100", 26.5, STEADY), [failed])
    outcome = check(appliance)
    assert outcome.state is HealthState.CRITICAL
    assert "failed" in outcome.output and "connection error: timed out" in outcome.output, outcome.output


def test_shrunk_snapshot_is_critical(appliance: Appliance, now: datetime) -> None:
    appliance.server.responder = pbs.responder(pbs.nightly(now, "100", 5, [*STEADY[:-1], 12 * GIB]))
    outcome = check(appliance)
    assert outcome.state is HealthState.CRITICAL and "usual size" in outcome.output, outcome.output
    assert "data deleted?" in outcome.output


def test_failed_verify_gc_and_full_datastore_are_named(appliance: Appliance, now: datetime) -> None:
    from datetime import timedelta

    snaps = pbs.nightly(now, "100", 5, STEADY)
    snaps[-1]["verification"] = {"state": "failed", "upid": "UPID:pbs:1:2:3:4:verify_snapshot:x:y:"}
    gc = pbs.task(
        "garbage_collection", "store1", now - timedelta(hours=3), "TASK ERROR: unable to open chunk store"
    )
    appliance.server.responder = pbs.responder(snaps, [gc], used=0.93)
    outcome = check(appliance)
    assert outcome.state is HealthState.CRITICAL
    assert "store1:vm/100: verification of the newest snapshot failed" in outcome.output
    assert "last garbage collection failed: TASK ERROR" in outcome.output
    assert "datastore store1 is 93% full" in outcome.output


def test_wrong_token_is_unknown_with_words(appliance: Appliance, now: datetime) -> None:
    appliance.server.responder = pbs.responder(pbs.nightly(now, "100", 5, STEADY), token="another-secret")
    outcome = check(appliance)
    assert outcome.state is HealthState.UNKNOWN
    assert "refused the credentials (HTTP 401: authentication failed" in outcome.output
    assert pbs.TOKEN_ID in outcome.output and pbs.TOKEN_SECRET not in outcome.output


def test_missing_secret_says_how_to_store_it(appliance: Appliance) -> None:
    spec = spec_for(
        "proxmox_backup", appliance.server.port, {"token_id": pbs.TOKEN_ID, "token_ref": "backup:none"}
    )
    outcome = run_check(spec, CheckContext(get_secret=lambda ref: None))
    assert outcome.state is HealthState.UNKNOWN and "msp-console secrets set backup:none" in outcome.output


def test_unreachable_is_unknown_with_words() -> None:
    port = free_port()  # nothing listens there
    spec = spec_for("proxmox_backup", port, {"token_id": pbs.TOKEN_ID, "token_ref": REF})
    outcome = run_check(spec, CheckContext(get_secret={REF: pbs.TOKEN_SECRET}.get))
    assert outcome.state is HealthState.UNKNOWN
    assert f"cannot reach the Proxmox Backup Server at 127.0.0.1:{port}" in outcome.output
    assert "connection refused" in outcome.output


def test_malformed_json_is_unknown_with_words(appliance: Appliance, now: datetime) -> None:
    appliance.server.responder = pbs.responder([], body_override=b'{"data": [ {"store": "store1"')
    outcome = check(appliance)
    assert outcome.state is HealthState.UNKNOWN and "not JSON" in outcome.output, outcome.output
    appliance.server.responder = pbs.responder([], body_override=b'{"data": {"unexpected": true}}')
    outcome = check(appliance)
    assert outcome.state is HealthState.UNKNOWN and "unexpected answer" in outcome.output, outcome.output


def test_another_certificate_is_critical_and_gets_no_token(appliance: Appliance, now: datetime) -> None:
    appliance.server.responder = pbs.responder(pbs.nightly(now, "100", 5, STEADY))
    before = len(appliance.server.seen)
    outcome = check(appliance, fingerprint=appliance.wrong_pin)
    assert outcome.state is HealthState.CRITICAL
    assert "does not match the pinned fingerprint" in outcome.output
    assert appliance.pin.lower() in outcome.output and "Nothing was sent" in outcome.output
    assert len(appliance.server.seen) == before  # the token never left this PC


def test_without_a_pin_an_unknown_ca_is_refused_and_a_known_one_accepted(
    appliance: Appliance, now: datetime
) -> None:
    appliance.server.responder = pbs.responder(pbs.nightly(now, "100", 5, STEADY))
    outcome = check(appliance, fingerprint="")
    assert outcome.state is HealthState.CRITICAL and "fingerprint parameter" in outcome.output
    assert check(appliance, fingerprint="", ca_file=str(appliance.ca_file)).state is HealthState.OK


def test_a_bad_fingerprint_is_said_before_connecting(appliance: Appliance) -> None:
    outcome = check(appliance, fingerprint="12:34")
    assert outcome.state is HealthState.UNKNOWN and "is not a SHA-256 fingerprint" in outcome.output


def test_a_token_that_cannot_read_tasks_still_judges_the_snapshots(
    appliance: Appliance, now: datetime
) -> None:
    appliance.server.responder = pbs.responder(pbs.nightly(now, "100", 5, STEADY), tasks_forbidden=True)
    outcome = check(appliance)
    assert outcome.state is HealthState.WARNING and "Sys.Audit" in outcome.output, outcome.output
    assert "last successful backup" in outcome.output


def test_a_namespace_is_read_when_named(appliance: Appliance, now: datetime) -> None:
    appliance.server.responder = pbs.responder(pbs.nightly(now, "100", 5, STEADY), namespace="clients/rossi")
    assert check(appliance).state is HealthState.CRITICAL  # the root holds no backup: "no backup found"
    outcome = check(appliance, namespace="clients/rossi")
    assert outcome.state is HealthState.OK, outcome.output
    assert appliance.server.seen[-3].query == {"ns": "clients/rossi"}
