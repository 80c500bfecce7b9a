"""The restic check against real restic 0.14 repositories on the loopback sshd's machine (msptest)."""

from __future__ import annotations

import contextlib
import shutil
import threading
from pathlib import Path

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, restic, run_check
from msp_console.monitoring.model import CheckType
from tests.integration.backup_checks.conftest import Repo, fake_tool, hours_ago, repo_spec, verification_due
from tests.support.sshd import SshServer

KB = 1024


def metrics(outcome) -> dict[str, float]:
    return {m.name: m.value for m in outcome.metrics}


def test_recent_snapshots_are_ok_with_age_size_and_count(
    restic_repo: Repo, sshd: SshServer, repo_ctx: CheckContext
) -> None:
    restic_repo.snapshots((74, 50, 26, 2), 64 * KB)
    out = run_check(repo_spec(sshd, CheckType.RESTIC, restic_repo.path), repo_ctx)
    assert out.state is HealthState.OK, out.output
    assert out.output.startswith("last successful backup") and "4 runs" in out.output
    m = metrics(out)
    assert 1.9 < m["age"] < 2.5 and m["runs"] == 4 and m["jobs"] == 1 and m["last_ok"] == 1
    assert 64 * KB <= m["size"] < 70 * KB and 0.9 < m["size_ratio"] < 1.1


def test_ok_then_too_old_then_a_shrunk_snapshot(
    restic_repo: Repo, sshd: SshServer, repo_ctx: CheckContext
) -> None:
    restic_repo.snapshots((100, 76, 52, 30), 64 * KB)
    spec = repo_spec(sshd, CheckType.RESTIC, restic_repo.path)
    old = run_check(spec, repo_ctx)
    assert old.state is HealthState.WARNING, old.output
    assert old.output.startswith("last successful backup is 30.0 h old")
    assert run_check(repo_spec(sshd, CheckType.RESTIC, restic_repo.path, crit="age=29"), repo_ctx).state is (
        HealthState.CRITICAL
    )
    restic_repo.snapshot(hours_ago(1), 4 * KB)  # most of the data is gone
    shrunk = run_check(spec, repo_ctx)
    assert shrunk.state is HealthState.CRITICAL, shrunk.output
    assert "of the usual size" in shrunk.output and "data deleted?" in shrunk.output
    assert metrics(shrunk)["size_ratio"] < 0.1


def test_groups_per_host_and_paths(restic_repo: Repo, sshd: SshServer, repo_ctx: CheckContext) -> None:
    restic_repo.snapshot(hours_ago(3), KB)
    other = restic_repo.data.parent / "other"
    other.mkdir()
    (other / "f").write_text("x")
    restic_repo.run(
        "restic",
        "backup",
        "-q",
        "--time",
        hours_ago(40).strftime("%Y-%m-%d %H:%M:%S"),
        "--host",
        "server2",
        "--tag",
        "db",
        str(other),
    )
    out = run_check(repo_spec(sshd, CheckType.RESTIC, restic_repo.path), repo_ctx)
    assert out.state is HealthState.WARNING, out.output
    assert out.output.startswith(f"server2:{other} [db]: last successful backup is 40.0 h old")
    assert out.output.endswith("1 of 2 backup jobs OK")
    assert metrics(out)["jobs"] == 2


def test_a_deleted_pack_file_fails_the_scheduled_restic_check(
    restic_repo: Repo, sshd: SshServer, repo_ctx: CheckContext
) -> None:
    restic_repo.snapshot(hours_ago(2), 64 * KB)
    spec = repo_spec(sshd, CheckType.RESTIC, restic_repo.path, check_id=41, check_every="1")
    good = run_check(spec, repo_ctx)
    assert good.state is HealthState.OK, good.output
    assert metrics(good)["repo_check_ok"] == 1 and metrics(good)["repo_check_s"] > 0
    # the biggest pack holds the file's data (trees are packed apart): restic lists it as missing
    pack = max(
        (p for p in (restic_repo.path / "data").rglob("*") if p.is_file()), key=lambda p: p.stat().st_size
    )
    pack.unlink()
    verification_due(restic.MEMORY, spec)
    broken = run_check(spec, repo_ctx)
    assert broken.state is HealthState.CRITICAL, broken.output
    assert broken.output.startswith("restic check at ") and "failed" in broken.output
    assert pack.name[:8] in broken.output  # restic names the missing pack
    assert metrics(broken)["repo_check_ok"] == 0
    never = repo_spec(sshd, CheckType.RESTIC, restic_repo.path, check_id=42)
    assert "repo_check_ok" not in metrics(run_check(never, repo_ctx))  # no check_every: never verified


def test_on_the_console_pc(restic_repo: Repo, sshd: SshServer, repo_ctx: CheckContext) -> None:
    restic_repo.snapshot(hours_ago(5), KB)
    spec = repo_spec(sshd, CheckType.RESTIC, restic_repo.path, run_on="console", port="1")
    out = run_check(spec, repo_ctx)  # port 1: nothing listens; no SSH is attempted
    assert out.state is HealthState.OK, out.output
    assert metrics(out)["runs"] == 1


def test_an_empty_or_missing_repository_is_critical(
    restic_repo: Repo, sshd: SshServer, repo_ctx: CheckContext
) -> None:
    empty = run_check(repo_spec(sshd, CheckType.RESTIC, restic_repo.path), repo_ctx)
    assert (empty.state, empty.output) == (HealthState.CRITICAL, "no backup found")
    gone = run_check(repo_spec(sshd, CheckType.RESTIC, restic_repo.path / "nope"), repo_ctx)
    assert gone.state is HealthState.CRITICAL and gone.output.startswith("no restic repository at"), (
        gone.output
    )


def test_wrong_or_missing_password_is_unknown_with_words(
    restic_repo: Repo, sshd: SshServer, repo_ctx: CheckContext, secrets_getter
) -> None:
    restic_repo.snapshot(hours_ago(2), KB)
    secrets_getter.values["other"] = "not the password"
    wrong = run_check(repo_spec(sshd, CheckType.RESTIC, restic_repo.path, password_ref="other"), repo_ctx)
    assert wrong.state is HealthState.UNKNOWN
    assert wrong.output.startswith("wrong password for the restic repository"), wrong.output
    none = run_check(repo_spec(sshd, CheckType.RESTIC, restic_repo.path, password_ref="absent"), repo_ctx)
    assert none.state is HealthState.UNKNOWN
    assert "no restic password in the keyring under 'absent'" in none.output
    assert "msp-console secrets set absent" in none.output


class ProcWatcher:
    """Reads every process's command line over and over while the check runs (as root: all of them)."""

    def __init__(self) -> None:
        self.seen: set[bytes] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.is_set():
            for f in Path("/proc").glob("[0-9]*/cmdline"):
                with contextlib.suppress(OSError):
                    self.seen.add(f.read_bytes())
            self._stop.wait(0.01)

    def __enter__(self) -> ProcWatcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(10)


def test_the_password_is_never_on_a_command_line(
    restic_repo: Repo, sshd: SshServer, repo_ctx: CheckContext
) -> None:
    """A wrapper records every process's command line (all of /proc, as root) while restic runs,
    and whether restic got the password through its environment."""
    restic_repo.snapshot(hours_ago(2), KB)
    log = restic_repo.path.parent / "argv.log"
    real = shutil.which("restic")
    wrapper = fake_tool(
        restic_repo.path.parent,
        f'for f in /proc/[0-9]*/cmdline; do tr "\\0" " " < "$f" 2>/dev/null; echo; done >> {log}\n'
        f'echo "ARGV: $0 $*" >> {log}\n'
        f'[ -n "$RESTIC_PASSWORD" ] && echo "ENV: password present" >> {log}\n'
        f'exec {real} "$@"\n',
    )
    log.touch()
    log.chmod(0o666)
    spec = repo_spec(sshd, CheckType.RESTIC, restic_repo.path, binary=str(wrapper), check_every="1")
    with ProcWatcher() as watcher:
        out = run_check(spec, repo_ctx)
    assert out.state is HealthState.OK, out.output
    assert any(b"restic" in c for c in watcher.seen), "the watcher saw restic run"
    assert not [c for c in watcher.seen if b"Repo pass" in c]
    seen = log.read_text()
    assert "ARGV:" in seen and "snapshots --json --no-lock" in seen and " check" in seen
    assert "ENV: password present" in seen
    assert "Repo pass" not in seen and str(restic_repo.path) not in seen.split("ARGV:")[1].split("\n")[0]
    for line in Path("/proc/self/cmdline").read_bytes().split(b"\0"):
        assert b"Repo pass" not in line
