"""What one poll of the restic and borg checks costs: first poll, next polls, a poll that verifies.

    .venv/bin/python -m bench.backup_checks --snapshots 8

Makes a local restic and a local Borg repository with N snapshots/archives of ~200 KB (faked times),
then runs the real checks with ``run_on=console``: wall time per poll and the tools' CPU (children).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from msp_console.monitoring.checks import CheckContext, run_check
from msp_console.monitoring.model import CheckSpec, CheckType


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--snapshots", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base, data = Path(tmp), Path(tmp) / "data"
        data.mkdir()
        env = {**os.environ, "RESTIC_REPOSITORY": f"{base}/r", "RESTIC_PASSWORD": "pw", "TZ": "UTC"}
        env |= {"BORG_PASSPHRASE": "pw", "BORG_BASE_DIR": f"{base}/borg-home"}
        subprocess.run(["restic", "init", "-q"], env=env, check=True)
        subprocess.run(
            ["borg", "init", "-e", "repokey", f"{base}/b"], env=env, check=True, capture_output=True
        )
        now = datetime.now(UTC)
        for i in range(args.snapshots):
            (data / "f").write_bytes(os.urandom(200_000))
            at = now - timedelta(days=args.snapshots - i)
            stamp = at.strftime("%Y-%m-%d %H:%M:%S")
            subprocess.run(["restic", "backup", "-q", "--time", stamp, str(data)], env=env, check=True)
            borg_at = at.strftime("%Y-%m-%dT%H:%M:%S")
            subprocess.run(
                ["borg", "create", "--timestamp", borg_at, f"{base}/b::a{i}", str(data)], env=env, check=True
            )
        ctx = CheckContext(get_secret=lambda _ref: "pw")
        for kind, repo in ((CheckType.RESTIC, f"{base}/r"), (CheckType.BORG, f"{base}/b")):
            params = {"repository": repo, "password_ref": "bench", "run_on": "console"}
            polls = [("first poll", 1, params), ("next poll", 1, params)]
            polls.append(("poll that verifies", 2, {**params, "check_every": "1"}))
            for label, check_id, p in polls:
                cpu, started = _children_cpu(), time.perf_counter()
                out = run_check(CheckSpec(check_id, 1, kind, "127.0.0.1", p, timeout=600), ctx)
                wall, used = time.perf_counter() - started, _children_cpu() - cpu
                what = f"{kind.value:6} {label:18} {out.state.value:8}"
                print(f"{what} wall {wall:5.2f} s, tools' CPU {used:4.2f} s")


if __name__ == "__main__":
    main()
