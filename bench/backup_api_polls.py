"""What one poll of a backup-appliance check costs (proxmox_backup, hyper_backup, veeam).

    PYTHONPATH=src .venv/bin/python -m bench.backup_api_polls --polls 30

Runs each check against the tests' HTTPS replay server on loopback (the answers of
tests/integration/backup_apis/fixtures, 7 nightly runs, certificate pinned) and prints the
requests per poll, the wall time (median, p90) and the process CPU (client and replay server
together, both in this process).
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from msp_console.monitoring.checks import CheckContext, run_check
from tests.integration.backup_apis.conftest import spec_for
from tests.integration.backup_apis.fixtures import dsm, pbs, veeam
from tests.integration.backup_apis.replay import ReplayServer, Responder
from tests.support.tls_server import CertificateAuthority

GIB = 1 << 30


def cases(now: datetime) -> dict[str, tuple[Responder, dict[str, str], str]]:
    return {
        "proxmox_backup": (
            pbs.responder(pbs.nightly(now, "100", 5, [40 * GIB] * 7)),
            {"token_id": pbs.TOKEN_ID, "token_ref": "r"},
            pbs.TOKEN_SECRET,
        ),
        "hyper_backup": (
            dsm.responder(now - timedelta(hours=3), ZoneInfo("Europe/Rome"), next_run=now),
            {"user": dsm.USER, "password_ref": "r"},
            dsm.PASSWORD,
        ),
        "veeam": (
            veeam.responder(veeam.nightly(now, 3, [10 * GIB] * 7)),
            {"user": veeam.USER, "password_ref": "r"},
            veeam.PASSWORD,
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--polls", type=int, default=30)
    args = parser.parse_args()
    ca = CertificateAuthority(Path(tempfile.mkdtemp(prefix="bench-api-")))
    cert = ca.issue("appliance", ["127.0.0.1"], 100)
    der = x509.load_pem_x509_certificate(cert[0].read_bytes()).public_bytes(serialization.Encoding.DER)
    pin = hashlib.sha256(der).hexdigest()
    server = ReplayServer(cert).start()
    try:
        for kind, (responder, params, secret) in cases(datetime.now(UTC)).items():
            server.responder = responder
            spec = spec_for(kind, server.port, {**params, "fingerprint": pin})
            ctx = CheckContext(get_secret={"r": secret}.get)
            run_check(spec, ctx)  # warm: imports, TLS context
            before = len(server.seen)
            walls, cpus = [], []
            for _ in range(args.polls):
                cpu, wall = time.process_time(), time.perf_counter()
                outcome = run_check(spec, ctx)
                walls.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
            walls.sort()
            requests = (len(server.seen) - before) / args.polls
            p90 = walls[int(len(walls) * 0.9) - 1]
            print(
                f"{kind:15} {outcome.state.value:8} {requests:4.1f} requests/poll  "
                f"wall median {statistics.median(walls):5.1f} ms, p90 {p90:5.1f} ms  "
                f"CPU median {statistics.median(cpus):4.1f} ms"
            )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
