"""The borg check against real Borg 1.2 repositories on the loopback sshd's machine (msptest)."""

from __future__ import annotations

import os
import signal
import subprocess
import time

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, borg, run_check
from msp_console.monitoring.model import CheckType
from tests.integration.backup_checks.conftest import (
    Repo,
    hours_ago,
    owned_by_msptest,
    repo_spec,
    verification_due,
)
from tests.integration.backup_checks.test_restic import ProcWatcher, metrics
from tests.support.sshd import SshServer

KB = 1024


def test_ok_then_too_old_then_a_shrunk_archive(
    borg_repo: Repo, sshd: SshServer, repo_ctx: CheckContext
) -> None:
    borg_repo.snapshots((74, 50, 26, 2), 64 * KB)
    spec = repo_spec(sshd, CheckType.BORG, borg_repo.path)
    ok = run_check(spec, repo_ctx)
    assert ok.state is HealthState.OK, ok.output
    assert ok.output.startswith("last successful backup") and "(n4), 4 runs, newest 64.0 KiB" in ok.output
    m = metrics(ok)
    assert 1.9 < m["age"] < 2.5 and m["runs"] == 4 and m["size"] == 64 * KB and m["last_ok"] == 1
    old = run_check(repo_spec(sshd, CheckType.BORG, borg_repo.path, warn="1", crit="5"), repo_ctx)
    assert old.state is HealthState.WARNING and old.output.startswith("last successful backup is 2."), (
        old.output
    )
    borg_repo.snapshot(hours_ago(1), 300 * KB)  # far bigger than usual: encrypted copies?
    grown = run_check(spec, repo_ctx)
    assert grown.state is HealthState.CRITICAL and "ransomware" in grown.output, grown.output
    borg_repo.snapshot(hours_ago(0.5), 2 * KB)
    shrunk = run_check(spec, repo_ctx)
    assert shrunk.state is HealthState.CRITICAL and "data deleted?" in shrunk.output, shrunk.output


def _has_checkpoint(repo: Repo) -> bool:
    listed = subprocess.run(
        ["borg", "list", "--short", "--bypass-lock", "--consider-checkpoints", str(repo.path)],
        env={**os.environ, **repo.env},
        capture_output=True,
        text=True,
    )
    return ".checkpoint" in listed.stdout


def test_an_interrupted_run_leaves_a_checkpoint_that_fails_the_last_run(
    borg_repo: Repo, sshd: SshServer, repo_ctx: CheckContext
) -> None:
    borg_repo.snapshot(hours_ago(20), 8 * KB)
    proc = subprocess.Popen(
        ["borg", "create", "--checkpoint-interval", "1", f"{borg_repo.path}::night", "-"],
        env={**os.environ, **borg_repo.env},
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None
    started = time.monotonic()
    while time.monotonic() - started < 4:  # a slow source, cut short below
        proc.stdin.write(os.urandom(256 * KB))
        proc.stdin.flush()
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)  # the run is interrupted
    proc.stdin.close()
    proc.wait(60)
    assert _has_checkpoint(borg_repo), "borg 1.2 leaves a checkpoint archive when a run is interrupted"
    owned_by_msptest(borg_repo.path)
    out = run_check(repo_spec(sshd, CheckType.BORG, borg_repo.path), repo_ctx)
    assert out.state is HealthState.CRITICAL, out.output
    assert out.output.startswith("last run night.checkpoint failed at ")
    assert "interrupted (only a checkpoint archive was written)" in out.output
    assert metrics(out)["last_ok"] == 0 and 19.9 < metrics(out)["age"] < 20.5


def test_a_deleted_segment_fails_the_scheduled_borg_check(
    borg_repo: Repo, sshd: SshServer, repo_ctx: CheckContext
) -> None:
    borg_repo.snapshot(hours_ago(2), 64 * KB)
    spec = repo_spec(sshd, CheckType.BORG, borg_repo.path, check_id=51, check_every="1")
    good = run_check(spec, repo_ctx)
    assert good.state is HealthState.OK and metrics(good)["repo_check_ok"] == 1, good.output
    segment = max(
        (borg_repo.path / "data").rglob("[0-9]*"), key=lambda p: p.stat().st_size if p.is_file() else 0
    )
    segment.unlink()
    verification_due(borg.MEMORY, spec)
    broken = run_check(spec, repo_ctx)
    assert broken.state is HealthState.CRITICAL, broken.output
    assert broken.output.startswith("borg check at ") and "errors found" in broken.output
    assert metrics(broken)["repo_check_ok"] == 0


def test_unencrypted_on_the_console_and_encrypted_without_a_passphrase(
    borg_repo: Repo, sshd: SshServer, repo_ctx: CheckContext
) -> None:
    borg_repo.snapshot(hours_ago(3), KB)
    here = repo_spec(sshd, CheckType.BORG, borg_repo.path, run_on="console", port="1")
    assert run_check(here, repo_ctx).state is HealthState.OK
    blind = repo_spec(sshd, CheckType.BORG, borg_repo.path, password_ref="")
    out = run_check(blind, repo_ctx)
    assert out.state is HealthState.UNKNOWN
    assert out.output.startswith(f"the borg repository {borg_repo.path} is encrypted"), out.output


def test_refusals_are_unknown_or_critical_with_words(
    borg_repo: Repo, sshd: SshServer, repo_ctx: CheckContext, secrets_getter
) -> None:
    borg_repo.snapshot(hours_ago(3), KB)
    secrets_getter.values["other"] = "nope"
    wrong = run_check(repo_spec(sshd, CheckType.BORG, borg_repo.path, password_ref="other"), repo_ctx)
    assert wrong.state is HealthState.UNKNOWN and wrong.output.startswith("wrong password for the borg"), (
        wrong.output
    )
    gone = run_check(repo_spec(sshd, CheckType.BORG, borg_repo.path / "nope"), repo_ctx)
    assert gone.state is HealthState.CRITICAL and gone.output.startswith("no borg repository at"), gone.output


def test_the_passphrase_is_never_on_a_command_line(
    borg_repo: Repo, sshd: SshServer, repo_ctx: CheckContext
) -> None:
    borg_repo.snapshot(hours_ago(2), KB)
    with ProcWatcher() as watcher:
        out = run_check(repo_spec(sshd, CheckType.BORG, borg_repo.path, check_every="1"), repo_ctx)
    assert out.state is HealthState.OK, out.output
    assert any(b"borg" in c and b"list" in c for c in watcher.seen)
    assert not [c for c in watcher.seen if b"Repo pass" in c]
