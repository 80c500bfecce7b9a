"""One model per aggregate, importable from here (``from msp_console.db.models import Invoice``).

The names are resolved lazily (PEP 562): the first screen needs only clients, sites, machines and
check states, and declaring the billing, interventions and remote models costs tens of
milliseconds at start. ``load_all()`` registers every table (Alembic needs the whole schema).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# Clients, sites and machines refer to each other: always declared together.
from msp_console.db.models.client import Client, Contact, Site
from msp_console.db.models.machine import Machine

if TYPE_CHECKING:
    from msp_console.db.models.billing import (
        CompanyProfile,
        Contract,
        ContractLine,
        Invoice,
        InvoiceCounter,
        InvoiceLine,
        Service,
    )
    from msp_console.db.models.hostkey import HostKey
    from msp_console.db.models.interventions import (
        Appointment,
        CallLog,
        CallTask,
        ClientSlaPlan,
        Intervention,
        InterventionEvent,
        InterventionMachine,
        ReminderState,
        SchedulingSetting,
        SessionLog,
        SlaPlan,
        SlaPlanTarget,
    )
    from msp_console.db.models.mail import InvoiceEvent, MailAccount, MailProcessed, MailSetting
    from msp_console.db.models.monitoring import (
        Acknowledgement,
        Check,
        CheckStatus,
        MaintenanceWindow,
        MetricRollup1h,
        MetricRollup5m,
        MetricSample,
        MetricSeries,
        PollerNode,
        PollLease,
        StateEvent,
        StateEventBlock,
    )
    from msp_console.db.models.monitoring_history import MetricBlock, StateOutput
    from msp_console.db.models.remote import RemoteCredential, RemoteProfile, RemoteSessionDetail
    from msp_console.db.models.sdi import SdiChannel, SdiEvent, SdiTransmission


_MODULE_OF = {
    "Acknowledgement": "monitoring",
    "Appointment": "interventions",
    "CallLog": "interventions",
    "CallTask": "interventions",
    "Check": "monitoring",
    "CheckStatus": "monitoring",
    "ClientSlaPlan": "interventions",
    "CompanyProfile": "billing",
    "Contract": "billing",
    "ContractLine": "billing",
    "HostKey": "hostkey",
    "Intervention": "interventions",
    "InterventionEvent": "interventions",
    "InterventionMachine": "interventions",
    "Invoice": "billing",
    "InvoiceCounter": "billing",
    "InvoiceEvent": "mail",
    "InvoiceLine": "billing",
    "MailAccount": "mail",
    "MailProcessed": "mail",
    "MailSetting": "mail",
    "MaintenanceWindow": "monitoring",
    "MetricBlock": "monitoring_history",
    "MetricRollup1h": "monitoring",
    "MetricRollup5m": "monitoring",
    "MetricSample": "monitoring",
    "MetricSeries": "monitoring",
    "PollLease": "monitoring",
    "PollerNode": "monitoring",
    "ReminderState": "interventions",
    "RemoteCredential": "remote",
    "RemoteProfile": "remote",
    "RemoteSessionDetail": "remote",
    "SchedulingSetting": "interventions",
    "SdiChannel": "sdi",
    "SdiEvent": "sdi",
    "SdiTransmission": "sdi",
    "Service": "billing",
    "SessionLog": "interventions",
    "SlaPlan": "interventions",
    "SlaPlanTarget": "interventions",
    "StateEvent": "monitoring",
    "StateEventBlock": "monitoring",
    "StateOutput": "monitoring_history",
}


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def load_all() -> None:
    """Declares every model, so that ``Base.metadata`` holds the whole schema."""
    for module in sorted(set(_MODULE_OF.values())):  # client and machine: already above
        import_module(f"{__name__}.{module}")


__all__ = [
    "Acknowledgement",
    "Appointment",
    "CallLog",
    "CallTask",
    "Check",
    "CheckStatus",
    "Client",
    "ClientSlaPlan",
    "CompanyProfile",
    "Contact",
    "Contract",
    "ContractLine",
    "HostKey",
    "Intervention",
    "InterventionEvent",
    "InterventionMachine",
    "Invoice",
    "InvoiceCounter",
    "InvoiceEvent",
    "InvoiceLine",
    "Machine",
    "MailAccount",
    "MailProcessed",
    "MailSetting",
    "MaintenanceWindow",
    "MetricBlock",
    "MetricRollup1h",
    "MetricRollup5m",
    "MetricSample",
    "MetricSeries",
    "PollLease",
    "PollerNode",
    "ReminderState",
    "RemoteCredential",
    "RemoteProfile",
    "RemoteSessionDetail",
    "SchedulingSetting",
    "SdiChannel",
    "SdiEvent",
    "SdiTransmission",
    "Service",
    "SessionLog",
    "Site",
    "SlaPlan",
    "SlaPlanTarget",
    "StateEvent",
    "StateEventBlock",
    "StateOutput",
]
