"""Composition root: builds the database handle and the services. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass

from msp_console.db.migrate import upgrade
from msp_console.services.database import Database
from msp_console.services.inventory import Inventory


@dataclass
class App:
    db: Database
    inventory: Inventory

    @classmethod
    def open(cls, url: str, *, upgrade_schema: bool = True) -> App:
        db = Database(url)
        if upgrade_schema:
            upgrade(db.engine)
        return cls(db=db, inventory=Inventory(db))

    def close(self) -> None:
        self.db.dispose()
