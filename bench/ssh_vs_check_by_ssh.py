"""Our SSH check vs Nagios ``check_by_ssh``, same command, same loopback sshd, one run.

.venv/bin/python -m bench.ssh_vs_check_by_ssh [--checks 200] [--workers 8] [--idle-hosts 20]

Client CPU per check = (user+sys) CPU of this process (our checks, all their threads) or of its
waited-for children (check_by_ssh and the ssh it runs), divided by the number of checks. The sshd's
CPU is the server's and is not counted. Also measured: the cost of a fresh connection per poll vs
one exec on a kept-open connection, and the idle cost of keeping paramiko transports open.
Needs root (starts sshd with its own host key and creates the user ``msptest``).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import paramiko

from msp_console.db.migrate import upgrade
from msp_console.monitoring.checks import CheckContext, SshPolicy, run_check
from msp_console.monitoring.checks.deadline import Deadline
from msp_console.monitoring.checks.sshconn import connect, execute
from msp_console.monitoring.hostkeys import HostKeyStore
from msp_console.monitoring.model import CheckSpec, CheckType
from msp_console.services.database import Database
from tests.support.sshd import TEST_USER, client_key, start_sshd

PLUGIN = "/usr/lib/nagios/plugins/check_load"
COMMAND = f"{PLUGIN} -w 50,50,50 -c 90,90,90"


def cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def measure(label: str, n: int, workers: int, fn, who: int) -> dict[str, float]:
    c0, t0 = cpu(who), time.perf_counter()
    if workers == 1:
        for _ in range(n):
            fn()
    else:
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(lambda _: fn(), range(n)))
    wall, used = time.perf_counter() - t0, cpu(who) - c0
    row = {"cpu_ms_per_check": used / n * 1000, "checks_per_s": n / wall, "wall_s": wall}
    print(f"{label:<52} {row['cpu_ms_per_check']:8.2f} ms CPU/check {row['checks_per_s']:8.1f} checks/s")
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checks", type=int, default=200)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--idle-hosts", type=int, default=20)
    parser.add_argument("--idle-seconds", type=float, default=15.0)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="msp-bench-ssh-"))
    base.chmod(0o755)
    server = start_sshd(base / "sshd")
    try:
        key = client_key(base / "client")
        db = Database(f"sqlite:///{base / 'bench.sqlite3'}")
        upgrade(db.engine)
        store = HostKeyStore(db)
        store.trust(server.host, server.port, server.fingerprint, "ssh-ed25519")
        ctx = CheckContext(hostkeys=store, ssh=SshPolicy(user=TEST_USER, key_file=str(key), use_agent=False))
        plugin = CheckSpec(
            1, 1, CheckType.PLUGIN, server.host, {"port": str(server.port), "command": COMMAND}
        )
        bundle = CheckSpec(2, 1, CheckType.SSH, server.host, {"port": str(server.port), "updates": "no"})
        known = base / "known_hosts"
        pub = Path(str(server.host_key) + ".pub").read_text().split()
        known.write_text(f"[{server.host}]:{server.port} {pub[0]} {pub[1]}\n")
        by_ssh = [
            "/usr/lib/nagios/plugins/check_by_ssh",
            "-H",
            server.host,
            "-p",
            str(server.port),
            "-l",
            TEST_USER,
            "-i",
            str(key),
            "-t",
            "10",
            "-o",
            f"UserKnownHostsFile={known}",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "BatchMode=yes",
            "-C",
            COMMAND,
        ]
        by_ssh_fast = [*by_ssh[:-2], "-o", "KexAlgorithms=curve25519-sha256", "-C", COMMAND]

        def ours() -> None:
            out = run_check(plugin, ctx)
            assert out.state.value == "OK", out.output

        def ours_bundle() -> None:
            out = run_check(bundle, ctx)
            assert out.metrics, out.output

        def nagios(argv: list[str]) -> None:
            done = subprocess.run(argv, capture_output=True, text=True)
            assert done.returncode == 0, done.stdout + done.stderr

        n, w = args.checks, args.workers
        ours()  # warm-up: imports, first DB read
        nagios(by_ssh)
        print(f"{n} checks of `{COMMAND}` against sshd on {server.host}:{server.port}")
        res = {
            "ours_seq": measure(
                "ours: plugin check, fresh connection, sequential", n, 1, ours, resource.RUSAGE_SELF
            ),
            "ours_par": measure(f"ours: plugin check, {w} workers", n, w, ours, resource.RUSAGE_SELF),
            "bundle": measure(
                "ours: ssh bundle (all Linux metrics), sequential", n, 1, ours_bundle, resource.RUSAGE_SELF
            ),
            "nag_seq": measure(
                "check_by_ssh (default kex), sequential",
                n,
                1,
                lambda: nagios(by_ssh),
                resource.RUSAGE_CHILDREN,
            ),
            "nag_fast": measure(
                "check_by_ssh -o KexAlgorithms=curve25519-sha256",
                n,
                1,
                lambda: nagios(by_ssh_fast),
                resource.RUSAGE_CHILDREN,
            ),
            "nag_par": measure(
                f"check_by_ssh (default kex), {w} parallel",
                n,
                w,
                lambda: nagios(by_ssh),
                resource.RUSAGE_CHILDREN,
            ),
        }
        # Reused connection: one authenticated transport, n execs of the same command.
        spec = CheckSpec(3, 1, CheckType.PLUGIN, server.host, {"port": str(server.port)}, timeout=3600)
        with connect(spec, ctx, Deadline(3600)) as transport:
            res["reused"] = measure(
                "ours: exec on a kept-open connection",
                n,
                1,
                lambda: execute(transport, COMMAND, Deadline(10)),
                resource.RUSAGE_SELF,
            )
        res["idle"] = idle_cost(server.host, server.port, key, args.idle_hosts, args.idle_seconds)
        ours_ms = res["ours_seq"]["cpu_ms_per_check"]
        ratio, fast_ratio = (
            res["nag_seq"]["cpu_ms_per_check"] / ours_ms,
            res["nag_fast"]["cpu_ms_per_check"] / ours_ms,
        )
        print(
            f"check_by_ssh uses {ratio:.1f}x the client CPU of our check (default kex); "
            f"{fast_ratio:.1f}x with curve25519"
        )
        per_host_min = res["idle"]["cpu_ms_per_host_min"]
        fresh = res["ours_seq"]["cpu_ms_per_check"]
        print(
            f"keeping a connection open costs {per_host_min:.1f} ms CPU per host per minute idle; "
            f"a fresh connection per poll costs {fresh:.1f} ms: reconnecting is cheaper when a host is "
            f"polled less often than every {fresh / per_host_min if per_host_min else float('inf'):.1f} min "
            f"(minus the {res['reused']['cpu_ms_per_check']:.2f} ms of an exec on the open connection)"
        )
        budget = 0.25 * 60_000 / res["bundle"]["cpu_ms_per_check"]
        print(f"within 25% of one core: ≈ {budget:,.0f} SSH-polled hosts per minute (bundle check)")
        db.dispose()
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


def idle_cost(host: str, port: int, key: Path, hosts: int, seconds: float) -> dict[str, float]:
    """CPU this process spends while ``hosts`` authenticated transports sit open and idle."""
    pkey = paramiko.PKey.from_path(str(key))
    transports = []
    for _ in range(hosts):
        t = paramiko.Transport((host, port))
        t.connect(username=TEST_USER, pkey=pkey)
        transports.append(t)
    time.sleep(1.0)
    c0 = cpu(resource.RUSAGE_SELF)
    time.sleep(seconds)
    used = cpu(resource.RUSAGE_SELF) - c0
    for t in transports:
        t.close()
    per = used * 1000 / hosts / (seconds / 60)
    print(f"{hosts} idle open transports for {seconds:.0f} s: {per:.2f} ms CPU per host per minute")
    return {"cpu_ms_per_host_min": per}


if __name__ == "__main__":
    main()
