"""One model per aggregate, re-exported here so Alembic and services see them all."""

from msp_console.db.models.client import Client, Contact, Site
from msp_console.db.models.machine import Machine

__all__ = ["Client", "Contact", "Machine", "Site"]
