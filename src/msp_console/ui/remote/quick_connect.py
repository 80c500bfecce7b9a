"""Quick connect (Ctrl+K): type part of a client/machine name, Enter connects with the default profile."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit
from sqlalchemy import select

from msp_console.app import App
from msp_console.db.models import Client, Machine


def machine_paths(app: App) -> dict[str, int]:
    """'Client/Machine' → machine id, for every machine of a non-archived client. A database read:
    not for the GUI thread (the window feeds ``QuickConnect`` from the tree it already holds)."""
    with app.db.read() as s:
        rows = s.execute(
            select(Client.name, Machine.name, Machine.id)
            .join(Machine, Machine.client_id == Client.id)
            .where(Client.archived.is_(False))
            .order_by(Client.name, Machine.name)
        ).all()
    return {f"{c}/{m}": mid for c, m, mid in rows}


def resolve_machine(paths: dict[str, int], text: str) -> int | None:
    """Exact path (any case), else the only path containing every typed word; None when ambiguous."""
    wanted = text.strip().lower()
    if not wanted:
        return None
    for path, mid in paths.items():
        if path.lower() == wanted:
            return mid
    words = wanted.replace("/", " ").split()
    hits = [mid for path, mid in paths.items() if all(w in path.lower() for w in words)]
    return hits[0] if len(hits) == 1 else None


class QuickConnect:
    """Gives ``line_edit`` a completer over machine paths; Enter calls ``on_connect(machine_id)``.

    The paths come from the caller (the main window feeds them from the tree it already holds),
    so typing never waits on the database.
    """

    def __init__(
        self,
        line_edit: QLineEdit,
        on_connect: Callable[[int], None],
        on_unknown: Callable[[str], None] | None = None,
        paths: dict[str, int] | None = None,
    ):
        self.edit = line_edit
        self._on_connect = on_connect
        self._on_unknown = on_unknown
        self.paths: dict[str, int] = {}
        self.model = QStringListModel()
        self.completer = QCompleter(self.model, line_edit)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        line_edit.setCompleter(self.completer)
        line_edit.setPlaceholderText(line_edit.tr("Quick connect (Ctrl+K)…"))
        line_edit.returnPressed.connect(self.submit)
        self.set_paths(paths or {})

    def set_paths(self, paths: dict[str, int]) -> None:
        self.paths = dict(paths)
        self.model.setStringList(list(self.paths))

    def submit(self) -> None:
        text = self.edit.text()
        mid = resolve_machine(self.paths, text)
        if mid is None:
            if self._on_unknown is not None:
                self._on_unknown(text)
            return
        self.edit.clear()
        self._on_connect(mid)
