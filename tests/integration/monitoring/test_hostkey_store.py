"""The known-hosts store on SQLite and PostgreSQL: unknown → trusted → changed → re-trusted."""

from __future__ import annotations

import paramiko

from msp_console.db.migrate import upgrade
from msp_console.monitoring.hostkeys import HostKeyStore, Verdict, fingerprint
from msp_console.services.database import Database


def test_verify_trust_change_forget(database_url: str) -> None:
    db = Database(database_url)
    upgrade(db.engine)
    store = HostKeyStore(db)
    first = paramiko.ECDSAKey.generate()
    second = paramiko.ECDSAKey.generate()
    unknown = store.verify("srv", 22, first)
    assert unknown.verdict is Verdict.UNKNOWN and unknown.fingerprint == fingerprint(first)
    assert store.verify("srv", 22, first).verdict is Verdict.UNKNOWN  # seen twice, recorded once
    assert [k.trusted_at for k in store.list()] == [None]
    store.trust("srv", 22, fingerprint(first), first.get_name())
    assert store.verify("srv", 22, first).verdict is Verdict.TRUSTED
    assert store.verify("srv", 2222, first).verdict is Verdict.UNKNOWN  # another port, another service
    changed = store.verify("srv", 22, second)
    assert changed.verdict is Verdict.CHANGED and changed.trusted == fingerprint(first)
    # The new key is listed (not trusted) beside the trusted one, for the technician to compare.
    assert [(k.fingerprint, k.trusted_at is not None) for k in store.list() if k.port == 22] == [
        (fingerprint(first), True),
        (fingerprint(second), False),
    ]
    assert "host key changed" in changed.message("srv", 22)
    store.trust("srv", 22, fingerprint(second))  # the technician accepts the new key: the old one goes
    assert store.verify("srv", 22, second).verdict is Verdict.TRUSTED
    assert store.verify("srv", 22, first).verdict is Verdict.CHANGED
    assert store.trusted_key_type("srv", 22) == second.get_name()  # recorded when it was presented
    assert store.forget("srv", 22) == 2  # the trusted key and the old one presented again meanwhile
    assert store.verify("srv", 22, second).verdict is Verdict.UNKNOWN
    db.dispose()


def test_trusted_key_cache_never_hides_a_change(sqlite_url: str) -> None:
    db = Database(sqlite_url)
    upgrade(db.engine)
    poller, technician = HostKeyStore(db, cache_seconds=60), HostKeyStore(db)
    key, other = paramiko.ECDSAKey.generate(), paramiko.ECDSAKey.generate()
    technician.trust("fw", 22, fingerprint(key), key.get_name())
    assert poller.verify("fw", 22, key).verdict is Verdict.TRUSTED  # now cached
    assert poller.verify("fw", 22, other).verdict is Verdict.CHANGED  # a miss always asks the database
    technician.trust("fw", 22, fingerprint(other))  # re-trusted elsewhere: seen at once
    assert poller.verify("fw", 22, other).verdict is Verdict.TRUSTED
    uncached = HostKeyStore(db, cache_seconds=0)
    technician.forget("fw", 22)
    assert uncached.verify("fw", 22, other).verdict is Verdict.UNKNOWN
    db.dispose()


def test_store_policy_for_paramiko_ssh_clients(sqlite_url: str, sshd, ssh_client_key) -> None:
    """Code that uses paramiko.SSHClient (tunnels) gets the same rule: nothing untrusted."""
    import pytest

    from msp_console.monitoring.hostkeys import HostKeyRejectedError, StorePolicy
    from tests.support.sshd import TEST_USER

    db = Database(sqlite_url)
    upgrade(db.engine)
    store = HostKeyStore(db)

    def connect() -> None:
        client = paramiko.SSHClient()
        client.set_missing_host_key_policy(StorePolicy(store, sshd.port))
        try:
            client.connect(
                sshd.host,
                sshd.port,
                username=TEST_USER,
                key_filename=str(ssh_client_key),
                allow_agent=False,
                look_for_keys=False,
                timeout=5,
            )
            _, out, _ = client.exec_command("echo hi")
            assert out.read() == b"hi\n"
        finally:
            client.close()

    with pytest.raises(HostKeyRejectedError, match="host key not yet trusted"):
        connect()
    store.trust(sshd.host, sshd.port, sshd.fingerprint)
    connect()
    store.trust(sshd.host, sshd.port, "SHA256:" + "B" * 43)
    with pytest.raises(HostKeyRejectedError, match="host key changed"):
        connect()
    db.dispose()
