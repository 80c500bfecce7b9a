"""The details pane follows the tree's selection, and its links lead to the inventory actions.

A client's card and a machine's card are read on the worker thread (on a team database every
read is a network round trip), so moving through the tree never waits on the database; only the
answer for the latest selection is shown. A site's card comes from the tree itself. The machine
on show keeps the live state the tree has (monitoring), redrawn without reading the database; a
moment after its state changes its card is read again (off the GUI thread), so the Security points
that changed it show too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal

from msp_console.domain.errors import NotFoundError
from msp_console.services.views import ClientCard, MachineCard
from msp_console.ui.models.client_tree import NodeRef
from msp_console.ui.worker import run_in_background

if TYPE_CHECKING:
    from msp_console.ui.main_window import MainWindow

REREAD_MS = 1500  # after a state change: time for the result's writer to store its readings


class SelectedCard(QObject):
    shown = Signal()  # the pane shows what is selected now (or why it cannot)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.details, self.model = window.details, window.model
        self.machine: MachineCard | None = None  # the machine on show, as read from the database
        self._asked = 0  # which selection the answer on its way is for
        self.model.dataChanged.connect(self._rows_changed)
        self.details.action_requested.connect(self._action)
        self._reread = QTimer(self)
        self._reread.setSingleShot(True)
        self._reread.setInterval(REREAD_MS)
        self._reread.timeout.connect(self._read_again)

    def follow(self, ref: NodeRef | None) -> None:
        """Shows the card of ``ref`` (the tree's selection; None: nothing)."""
        self._asked += 1
        asked = self._asked
        self.machine = None
        if ref is None or ref.kind == "site":
            found = self.model.site_view(ref.id) if ref is not None else None
            if found is None:
                self.details.show_nothing()
            else:
                self.details.show_site(*found)
            self.shown.emit()
            return
        if not self.window.has_app:  # the fast start: read once the database is open (attach_app)
            self.details.await_card(ref.name)
            return
        inventory, ident = self.window.app.inventory, ref.id
        load: Callable[[int], ClientCard | MachineCard] = (
            inventory.client_card if ref.kind == "client" else inventory.machine_card
        )
        self.details.await_card(ref.name)
        run_in_background(
            lambda: load(ident),
            lambda card: self._arrived(asked, card),
            lambda error: self._failed(asked, ref, error),
        )

    def _current(self, asked: int) -> bool:
        return shiboken6.isValid(self) and asked == self._asked  # else: the selection moved on

    def _arrived(self, asked: int, card: ClientCard | MachineCard) -> None:
        if not self._current(asked):
            return
        if isinstance(card, ClientCard):
            self.details.show_client(card)
        else:
            self.machine = card
            self._show_machine()
        self.shown.emit()

    def _failed(self, asked: int, ref: NodeRef, error: Exception) -> None:
        if not self._current(asked):
            return
        if isinstance(error, NotFoundError):  # deleted meanwhile: the next tree reload drops it
            self.details.show_nothing()
        else:
            self.details.show_unreadable(ref.name, str(error))
        self.shown.emit()

    def _show_machine(self) -> None:
        card = self.machine
        if card is not None:
            live = self.model.machine_state(card.id)
            self.details.show_machine(replace(card, state=live) if live is not None else card)

    def _rows_changed(self, first: QModelIndex, last: QModelIndex, _roles: object = None) -> None:
        """A state change of the machine on show redraws its card (no database read)."""
        card = self.machine
        if card is None or self.details.kind != "machine":
            return
        shown = self.model.index_for("machine", card.id)
        if shown.parent() == first.parent() and first.row() <= shown.row() <= last.row():
            self._show_machine()
            self._reread.start()  # several changes in a row: one read

    def _read_again(self) -> None:
        """The machine on show, read again for what its checks just stored (its security points)."""
        card = self.machine
        if card is None or self.details.kind != "machine":
            return
        asked, inventory = self._asked, self.window.app.inventory
        run_in_background(
            lambda: inventory.machine_card(card.id),
            lambda new: self._read_again_done(asked, new),
            lambda _e: None,
        )

    def _read_again_done(self, asked: int, card: ClientCard | MachineCard) -> None:
        shown = self.machine
        if (
            not self._current(asked)
            or shown is None
            or not isinstance(card, MachineCard)
            or card.id != shown.id
        ):
            return
        if card != replace(shown, state=card.state):  # something besides the live state changed
            self.machine = card
            self._show_machine()

    def _action(self, action: str, ident: int) -> None:
        """A link of the card: edit, add a contact, delete one… (a site's card is on show before the
        app is open on the fast start: its links then wait for it)."""
        if not self.window.has_app:
            self.window.when_app("card link", lambda: self._action(action, ident))
            return
        w, c = self.window, self.window.controller
        ref = w.tree.current_ref()
        client_id = ref.client_id if ref is not None else ident
        handlers = {
            "edit-client": lambda: c.edit(w.model.client_ref(ident)),
            "new-contact": lambda: c.new_contact(ident),
            "new-site": lambda: c.new_site(ident),
            "new-machine": lambda: c.new_machine(ident),
            "edit-contact": lambda: c.edit_contact(ident, client_id),
            "delete-contact": lambda: c.delete_contact(ident, client_id),
            "edit-machine": lambda: w.with_machine(c.edit),
            "edit-site": lambda: w.with_ref(c.edit),
            "show-client": lambda: w.tree.select("client", ident),
        }
        handler = handlers.get(action)
        if handler is not None:
            handler()
