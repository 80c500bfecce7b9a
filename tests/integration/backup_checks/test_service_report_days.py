"""The service report's "backup days OK" counts every backup-job kind, not only backup_age."""

from __future__ import annotations

from datetime import UTC, datetime

from msp_console.app import App
from msp_console.db.models import Machine
from msp_console.db.models.monitoring import Check
from msp_console.services.billing.service_report import gather
from tests.integration.billing.conftest import add_client, sqlite_billing_app  # noqa: F401 - fixture
from tests.integration.billing.test_service_report import at, event


def test_restic_and_borg_days_count_as_backup_days(sqlite_billing_app: App) -> None:  # noqa: F811
    db = sqlite_billing_app.db
    with db.transaction() as s:
        client = add_client(s, "Studio Bianchi", 9)
        nas = Machine(client_id=client.id, name="nas", kind="nas")
        s.add(nas)
        s.flush()
        restic = Check(machine_id=nas.id, type="restic", name="restic")
        borg = Check(machine_id=nas.id, type="borg", name="borg")
        s.add_all([restic, borg])
        s.flush()
        october = datetime(2026, 10, 20, tzinfo=UTC)
        s.add_all(
            [
                event(restic.id, october, "OK", "PENDING"),
                event(restic.id, at(5, 3), "CRITICAL", "OK"),  # a shrunk snapshot on the 5th
                event(restic.id, at(6, 4), "OK", "CRITICAL"),
                event(borg.id, october, "OK", "PENDING"),
            ]
        )
    report = gather(db, "Studio Bianchi", 2026, 11)
    summary = report.summary  # a day is OK when every backup job was OK at its end: the 5th was not
    assert (summary.backup_ok, summary.backup_expected) == (29, 30)
    assert [d.day.day for d in report.backup_days if d.state == "failed"] == [5]
