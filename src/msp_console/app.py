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
        _declare_every_model()
        db = Database(url)
        if upgrade_schema:
            upgrade(db.engine, progress)
        return cls(db=db, inventory=Inventory(db))

    def close(self) -> None:
        self.db.dispose()


def _declare_every_model() -> None:
    """Every model declared and its mappers configured before any thread queries: the models are
    imported lazily, and a thread's first query while another thread is half-way through a model
    module (SdiTransmission declared, its SdiEvent not yet) fails the mappers for the whole process.
    About 0.2 s, on the worker that opens the app (after the first paint on a fast start)."""
    from sqlalchemy.orm import configure_mappers

    from msp_console.db.models import load_all

    load_all()
    configure_mappers()
