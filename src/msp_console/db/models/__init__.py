"""One model per aggregate, re-exported here so Alembic and services see them all."""

from msp_console.db.models.billing import (
    CompanyProfile,
    Contract,
    ContractLine,
    Invoice,
    InvoiceCounter,
    InvoiceLine,
    Service,
)
from msp_console.db.models.client import Client, Contact, Site
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
from msp_console.db.models.machine import Machine

__all__ = [
    "Appointment",
    "CallLog",
    "CallTask",
    "Client",
    "ClientSlaPlan",
    "CompanyProfile",
    "Contact",
    "Contract",
    "ContractLine",
    "Intervention",
    "InterventionEvent",
    "InterventionMachine",
    "Invoice",
    "InvoiceCounter",
    "InvoiceLine",
    "Machine",
    "ReminderState",
    "SchedulingSetting",
    "Service",
    "SessionLog",
    "Site",
    "SlaPlan",
    "SlaPlanTarget",
]
