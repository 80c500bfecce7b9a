"""Composition root: builds the database handle and the services. No Qt here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from msp_console.db.migrate import upgrade
from msp_console.services.database import Database
from msp_console.services.inventory import Inventory

if TYPE_CHECKING:
    from msp_console.db.history_conversion import Progress


@dataclass
class App:
    db: Database
    inventory: Inventory

    @classmethod
    def open(
        cls, url: str, *, upgrade_schema: bool = True, progress: Callable[[Progress], None] | None = None
    ) -> App:
        """``progress``: told after each committed batch of a long schema upgrade's data conversion."""
        db = Database(url)
        if upgrade_schema:
            upgrade(db.engine, progress)
        return cls(db=db, inventory=Inventory(db))

    def close(self) -> None:
        self.db.dispose()
