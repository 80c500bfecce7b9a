"""Quick connect (Ctrl+K): type words of the client, site and machine, in any order; Enter connects.

"bell dep" lists Hotel Bellavista's machines at the Dependance (and those named dep-…): each typed
word is the start of a word of the client, the site or the machine, case-insensitive. One match
connects; several are listed under the box to pick from, never one picked for the user.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QToolTip
from sqlalchemy import select

from msp_console.app import App
from msp_console.db.models import Client, Machine, Site
from msp_console.services.views import TreeSnapshot

LISTED = 50  # candidates shown under the box
_SEPARATOR = " / "


def label(client: str, site: str, machine: str) -> str:
    """What the list shows, and what picking an entry puts in the box: 'Client / Site / machine'."""
    return _SEPARATOR.join(part for part in (client, site, machine) if part)


def machine_paths(app: App) -> dict[str, int]:
    """Label → machine id, for every machine of a non-archived client. A database read: not for
    the GUI thread (the window feeds ``QuickConnect`` from the tree it already holds)."""
    with app.db.read() as s:
        rows = s.execute(
            select(Client.name, Site.name, Machine.name, Machine.id)
            .join(Machine, Machine.client_id == Client.id)
            .outerjoin(Site, Site.id == Machine.site_id)
            .where(Client.archived.is_(False))
            .order_by(Client.name, Machine.name)
        ).all()
    return {label(c, site or "", m): mid for c, site, m, mid in rows}


def snapshot_paths(snapshot: TreeSnapshot) -> dict[str, int]:
    """The same labels from the tree the window holds (no database read)."""
    paths: dict[str, int] = {}
    for client in snapshot.clients:
        if client.archived:
            continue
        for m in client.machines:
            paths[label(client.name, "", m.name)] = m.id
        for site in client.sites:
            for m in site.machines:
                paths[label(client.name, site.name, m.name)] = m.id
    return paths


def _words(path: str) -> tuple[str, ...]:
    """The words a typed word may start: each name whole ('srv-01') and its pieces ('srv', '01')."""
    names = [n.strip().lower() for n in path.split(_SEPARATOR)]
    return tuple(names) + tuple(w for n in names for w in re.split(r"[^\w]+", n) if w)


def matches(paths: Iterable[str], text: str) -> list[str]:
    """The labels whose words start with every typed word (any order, any case). A label typed
    whole, or as CLIENT/MACHINE, is the only match."""
    wanted = " ".join(text.lower().split())
    if not wanted:
        return []
    everything = list(paths)
    for path in everything:
        parts = path.lower().split(_SEPARATOR)
        if wanted in (path.lower(), f"{parts[0]}/{parts[-1]}"):
            return [path]
    typed = wanted.replace("/", " ").split()
    found = []
    for path in everything:
        words = _words(path)
        if all(any(w.startswith(t) for w in words) for t in typed):
            found.append(path)
    return found


def resolve_machine(paths: dict[str, int], text: str) -> int | None:
    """The one machine the text names; None when no machine or several match."""
    found = matches(paths, text)
    return paths[found[0]] if len(found) == 1 else None


class QuickConnect:
    """Gives ``line_edit`` a list of the machines its words match; Enter (or picking one from the
    list) calls ``on_connect(machine_id)``. Text matching no machine goes to ``on_unknown`` (the
    window then searches the tree with it); text matching several lists them.

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
        self.hint = ""  # what the box said last (several matches), also its tooltip
        self.model = QStringListModel()
        self.completer = QCompleter(self.model, line_edit)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(line_edit)  # filtered here, by words, not by Qt's prefix
        self.completer.activated[str].connect(self._picked)  # type: ignore[index]  # the text overload
        line_edit.textEdited.connect(self._typed)
        line_edit.setPlaceholderText(line_edit.tr("Quick connect (Ctrl+K)…"))
        line_edit.returnPressed.connect(self.submit)
        self.set_paths(paths or {})

    def set_paths(self, paths: dict[str, int]) -> None:
        self.paths = dict(paths)

    def candidates(self) -> list[str]:
        """What the list under the box offers now."""
        return self.model.stringList()

    def _typed(self, text: str) -> None:
        self._list(matches(self.paths, text)[:LISTED])

    def _list(self, found: list[str]) -> None:
        self.model.setStringList(found)
        if found and self.edit.isVisible():
            self.completer.complete()
        elif (popup := self.completer.popup()) is not None:
            popup.hide()

    def _picked(self, chosen: str) -> None:
        self.edit.setText(chosen)
        self.submit()

    def submit(self) -> None:
        text = self.edit.text()
        found = matches(self.paths, text)
        if len(found) == 1:
            self.hint = ""
            self.edit.setToolTip("")
            self._list([])
            self.edit.clear()
            self._on_connect(self.paths[found[0]])
            return
        if not found:
            if self._on_unknown is not None:
                self._on_unknown(text)
            return
        count = len(found)  # a variable: lupdate misses a call as the plural's number
        self.hint = self.edit.tr(
            "%n machine(s) match “%1”: pick one from the list, or type more of its name.", "", count
        ).replace("%1", text.strip())
        self.edit.setToolTip(self.hint)
        self._list(found[:LISTED])
        QToolTip.showText(self.edit.mapToGlobal(self.edit.rect().bottomLeft()), self.hint, self.edit)
