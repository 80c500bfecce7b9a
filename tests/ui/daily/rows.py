"""Finding the demo's rows by name in the window's tree (no database read)."""

from __future__ import annotations

from typing import Any

BELLAVISTA = "Hotel Bellavista S.r.l."


def machine_id(window: Any, name: str, client: str = BELLAVISTA) -> int:
    for c in window.model.snapshot.clients:
        if c.name == client:
            return next(m.id for m in c.all_machines() if m.name == name)
    raise AssertionError(f"{client}/{name} is not in the tree")
