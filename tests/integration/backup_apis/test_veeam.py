"""veeam against a local HTTPS server answering as the VBR REST API v1 documents (fixtures/veeam.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, run_check
from msp_console.monitoring.model import CheckOutcome
from tests.integration.backup_apis.conftest import Appliance, spec_for
from tests.integration.backup_apis.fixtures import veeam
from tests.support.components import free_port

REF = "backup:vbr:monitor"
GIB = veeam.GIB
STEADY = [10 * GIB, 11 * GIB, 10 * GIB, 12 * GIB, 11 * GIB, 11 * GIB, 12 * GIB]


def check(appliance: Appliance, **params: str) -> CheckOutcome:
    base = {"user": veeam.USER, "password_ref": REF, "fingerprint": appliance.pin}
    spec = spec_for("veeam", appliance.server.port, {**base, **params})
    return run_check(spec, CheckContext(get_secret={REF: veeam.PASSWORD}.get))


def now() -> datetime:
    return datetime.now(UTC)


def test_recent_successful_sessions_are_ok(appliance: Appliance) -> None:
    appliance.server.responder = veeam.responder(veeam.nightly(now(), 4, STEADY))
    outcome = check(appliance)
    assert outcome.state is HealthState.OK, outcome.output
    figures = {m.name: m.value for m in outcome.metrics}
    assert 3.9 < figures["age"] < 4.1 and figures["size"] == 12 * GIB and figures["runs"] == 7
    assert "Old file server" not in outcome.output  # a disabled job is not judged
    token_call = next(s for s in appliance.server.seen if s.path == "/api/oauth2/token")
    assert token_call.method == "POST" and token_call.headers["x-api-version"] == "1.1-rev0"
    assert all(veeam.PASSWORD not in s.raw_target for s in appliance.server.seen)


def test_too_old_is_warning(appliance: Appliance) -> None:
    appliance.server.responder = veeam.responder(veeam.nightly(now(), 30, STEADY))
    outcome = check(appliance)
    assert outcome.state is HealthState.WARNING and "30.0 h old" in outcome.output, outcome.output


def test_failed_session_is_critical_with_veeam_words(appliance: Appliance) -> None:
    message = "Processing srv-file01 Error: Failed to create VM snapshot"
    appliance.server.responder = veeam.responder(veeam.nightly(now(), 2, STEADY, "Failed", message))
    outcome = check(appliance)
    assert outcome.state is HealthState.CRITICAL and message in outcome.output, outcome.output


def test_warning_session_counts_as_made_and_is_named(appliance: Appliance) -> None:
    message = "Changed block tracking cannot be enabled"
    appliance.server.responder = veeam.responder(veeam.nightly(now(), 2, STEADY, "Warning", message))
    outcome = check(appliance)
    assert outcome.state is HealthState.WARNING
    assert f"Nightly VMs: last run ended with a warning: {message}" in outcome.output


def test_shrunk_transfer_is_critical(appliance: Appliance) -> None:
    appliance.server.responder = veeam.responder(veeam.nightly(now(), 2, [*STEADY[:-1], 2 * GIB]))
    outcome = check(appliance)
    assert outcome.state is HealthState.CRITICAL and "data deleted?" in outcome.output, outcome.output


def test_grown_transfer_is_critical(appliance: Appliance) -> None:
    appliance.server.responder = veeam.responder(veeam.nightly(now(), 2, [*STEADY[:-1], 60 * GIB]))
    outcome = check(appliance)
    assert outcome.state is HealthState.CRITICAL and "ransomware" in outcome.output, outcome.output


def test_wrong_password_unreachable_malformed_and_wrong_certificate(appliance: Appliance) -> None:
    appliance.server.responder = veeam.responder(veeam.nightly(now(), 2, STEADY), password="other")
    outcome = check(appliance)
    assert outcome.state is HealthState.UNKNOWN
    assert "refused the credentials (HTTP 401: Invalid user name or password.)" in outcome.output
    assert veeam.PASSWORD not in outcome.output

    port = free_port()
    spec = spec_for("veeam", port, {"user": veeam.USER, "password_ref": REF})
    outcome = run_check(spec, CheckContext(get_secret={REF: veeam.PASSWORD}.get))
    assert (
        outcome.state is HealthState.UNKNOWN
        and "cannot reach the Veeam Backup & Replication" in outcome.output
    )

    appliance.server.responder = veeam.responder([], body_override=b'{"data": [{"id": ')
    assert "not JSON" in check(appliance).output

    before = len(appliance.server.seen)
    outcome = check(appliance, fingerprint=appliance.wrong_pin)
    assert outcome.state is HealthState.CRITICAL and "does not match the pinned fingerprint" in outcome.output
    assert len(appliance.server.seen) == before  # the password never left this PC


def test_one_job_by_name(appliance: Appliance) -> None:
    appliance.server.responder = veeam.responder(veeam.nightly(now(), 4, STEADY))
    assert check(appliance, job="nightly vms").state is HealthState.OK
    outcome = check(appliance, job="Exchange")
    assert (
        outcome.state is HealthState.UNKNOWN
        and "no enabled job named 'Exchange' (jobs: Nightly VMs)" in outcome.output
    )
