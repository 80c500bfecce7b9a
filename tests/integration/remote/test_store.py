"""Profiles, named credentials and the audit trail on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from msp_console.app import App
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.remote.audit import list_sessions, record_end, record_start
from msp_console.remote.profiles import CredentialMode, ProfileSpec, Protocol
from msp_console.remote.store import ProfileStore
from msp_console.services.interventions import Interventions


def test_profiles_defaults_credentials_and_audit(database_url: str) -> None:
    app = App.open(database_url)
    try:
        cid = app.inventory.save_client({"name": "Studio Rossi"})
        srv = app.inventory.save_machine(
            cid, {"name": "srv", "kind": "server", "os": "windows", "address": "10.1.1.5"}
        )
        gw = app.inventory.save_machine(
            cid, {"name": "gw", "kind": "firewall", "os": "linux", "address": "10.1.1.1"}
        )
        store = ProfileStore(app.db)
        assert [p.protocol for p in store.list(srv)] == [Protocol.RDP]  # proposed from kind/OS
        assert store.get(srv).id is None
        with pytest.raises(ValidationError, match="no ssh profile"):
            store.add(srv, ProfileSpec("rdp", Protocol.RDP, jump_machine_id=gw))
        store.add(gw, ProfileSpec("ssh", Protocol.SSH, user="root"))
        first = store.add(srv, ProfileSpec("rdp", Protocol.RDP, jump_machine_id=gw,
                                           credential_mode=CredentialMode.PROFILE))  # fmt: skip
        store.add(srv, ProfileSpec("web", Protocol.WEB, options={"scheme": "https"}))
        assert store.get(srv).name == "rdp" and store.get(srv).secret_ref == f"remote:profile:{first}"
        with pytest.raises(ValidationError, match="already has a profile"):
            store.add(srv, ProfileSpec("RDP", Protocol.RDP))
        store.set_default(srv, "web")
        assert store.get(srv).name == "web"
        store.remove(srv, "web")
        assert store.get(srv).name == "rdp" and store.get(srv).is_default
        with pytest.raises(NotFoundError):
            store.get(srv, "vnc")
        ref = store.save_credential(client_id=cid, name="admin", user="Administrator", domain="ROSSI")
        assert store.credential(ref) is not None and store.credential(ref).domain == "ROSSI"  # type: ignore[union-attr]
        with pytest.raises(ValidationError):
            store.save_credential(client_id=None, name="bad name", user=None, domain=None)

        iid = Interventions(app.db).open(cid, "printer", machine_ids=[srv])
        sid, linked = record_start(
            app.db, machine_id=srv, protocol="rdp", profile_id=first, profile_name="rdp",
            technician="anna", target="10.1.1.5:3389", tunnel="via gw", tool="xfreerdp",
        )  # fmt: skip
        assert linked == iid
        record_end(app.db, sid, 0)
        (rec,) = list_sessions(app.db)
        assert (rec.machine, rec.technician, rec.intervention_id, rec.exit_code) == (
            "Studio Rossi/srv",
            "anna",
            iid,
            0,
        )
        timeline = Interventions(app.db).timeline(iid)
        assert any(e.kind == "session" for e in timeline)
    finally:
        app.close()
