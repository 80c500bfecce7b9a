"""What the inventory actions do: open the right dialog, ask before deleting, say what happened.

The GUI thread never waits on the database: on a team database every read and write is a network
round trip. What a dialog or a question needs (the client's card, the machine's) is read on the
worker thread first, and the dialog or the question comes up when it arrives (``when_loaded``);
the dialogs save on the worker thread too (``RecordDialog``: a refusal of the service, a duplicate
name say, lands on its field and the dialog stays open). Deleting asks on the GUI thread, then
deletes on the worker; archive and restore run there as well. Once a change is written the status
bar says so and ``changed`` reloads the tree (off-thread) and selects the item.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from msp_console.domain.errors import NotFoundError
from msp_console.services.views import ClientCard, ContactView, MachineCard, SiteView
from msp_console.ui.dialogs import confirm as ask
from msp_console.ui.dialogs.background_dialog import busy_while, when_loaded
from msp_console.ui.models.client_tree import ClientTreeModel, NodeRef

if TYPE_CHECKING:
    from msp_console.services.inventory import Inventory
    from msp_console.ui.dialogs.record_dialog import RecordDialog

# The record dialogs (with their validation texts and babel) are imported when the first one
# opens, in each method below: not before the window's first paint.

T = TypeVar("T")


class InventoryController(QObject):
    changed = Signal(str, int)  # the tree must reload; select (kind, id) afterwards (id 0: keep selection)
    message = Signal(str)  # a short note for the status bar

    inventory: Inventory  # set by attach: the window may be shown before the database is open

    def __init__(self, window: QWidget, model: ClientTreeModel, inventory: Inventory | None = None):
        super().__init__(window)
        self.window, self.model = window, model
        if inventory is not None:
            self.attach(inventory)

    def attach(self, inventory: Inventory) -> None:
        self.inventory = inventory

    # -- plumbing: reads and writes on the worker thread ---------------------------------------
    def _then(self, load: Callable[[], T], then: Callable[[T], object]) -> None:
        """``load()`` on the worker, then ``then(data)`` here; a record gone meanwhile is reported.
        A second request while one is being read is ignored (the dialog it opens is modal)."""
        title = self.tr("Cannot read the database")
        when_loaded(self.window, load, then, title, key=("inventory", id(self)), on_error=self._if_missing)

    def _open(self, load: Callable[[], T], build: Callable[[T], RecordDialog]) -> None:
        self._then(load, lambda data: build(data).open())

    def _write(self, write: Callable[[], T], done: Callable[[T], None]) -> None:
        """``write()`` on the worker (busy cursor meanwhile), then ``done(result)`` here."""

        def failed(error: Exception) -> None:
            if not self._if_missing(error):
                text = self.tr("The change could not be saved: %1").replace("%1", str(error))
                ask.report_error(self.window, self.tr("Not saved"), text)

        busy_while(self, write, done, failed)

    def _if_missing(self, error: Exception) -> bool:
        if not isinstance(error, NotFoundError):
            return False
        ask.report_error(
            self.window, self.tr("Not found"), str(error) + "\n" + self.tr("The tree will be reloaded.")
        )
        self.changed.emit("", 0)
        return True

    def _done(self, note: str, kind: str, ident: int) -> None:
        self.message.emit(note)
        self.changed.emit(kind, ident)

    def _watch(self, dialog: RecordDialog, note: str, kind: str, ident: int | None = None) -> RecordDialog:
        """Once ``dialog`` has saved: ``note`` in the status bar, the tree reloaded with (kind, id)
        selected (``ident``, or the saved record's id when None)."""

        def accepted() -> None:
            self._done(note, kind, ident if ident is not None else dialog.saved_id or 0)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        return dialog

    def _card(self, client_id: int) -> Callable[[], ClientCard]:
        inventory = self.inventory
        return lambda: inventory.client_card(client_id)

    def _contact(self, contact_id: int, client_id: int) -> Callable[[], tuple[ClientCard, ContactView]]:
        inventory, gone = self.inventory, self.tr("the contact no longer exists")

        def load() -> tuple[ClientCard, ContactView]:
            card = inventory.client_card(client_id)
            contact = next((x for x in card.contacts if x.id == contact_id), None)
            if contact is None:
                raise NotFoundError(gone)
            return card, contact

        return load

    # -- create ------------------------------------------------------------------------------
    def new_client(self) -> None:
        from msp_console.ui.dialogs.inventory_dialogs import client_dialog

        self._watch(client_dialog(self.window, self.inventory), self.tr("Client created."), "client").open()

    def new_site(self, client_id: int) -> None:
        from msp_console.ui.dialogs.inventory_dialogs import site_dialog

        def build(card: ClientCard) -> RecordDialog:
            return self._watch(
                site_dialog(self.window, self.inventory, card), self.tr("Site created."), "site"
            )

        self._open(self._card(client_id), build)

    def new_contact(self, client_id: int) -> None:
        from msp_console.ui.dialogs.inventory_dialogs import contact_dialog

        def build(card: ClientCard) -> RecordDialog:
            dialog = contact_dialog(self.window, self.inventory, card)
            return self._watch(dialog, self.tr("Contact created."), "client", client_id)

        self._open(self._card(client_id), build)

    def new_machine(self, client_id: int, site_name: str = "") -> None:
        from msp_console.ui.dialogs.inventory_dialogs import machine_dialog

        def build(card: ClientCard) -> RecordDialog:
            others = self.model.machine_names(client_id)
            dialog = machine_dialog(self.window, self.inventory, card, others, site_name=site_name)
            return self._watch(dialog, self.tr("Machine created."), "machine")

        self._open(self._card(client_id), build)

    # -- edit --------------------------------------------------------------------------------
    def edit(self, ref: NodeRef) -> None:
        from msp_console.ui.dialogs.inventory_dialogs import client_dialog, machine_dialog, site_dialog

        inventory, saved = self.inventory, self.tr("Saved.")
        if ref.kind == "client":
            self._open(
                self._card(ref.id),
                lambda card: self._watch(
                    client_dialog(self.window, inventory, card), saved, ref.kind, ref.id
                ),
            )
        elif ref.kind == "site":
            gone = self.tr("the site no longer exists")

            def load_site() -> tuple[ClientCard, SiteView]:
                card = inventory.client_card(ref.client_id)
                site = next((s for s in card.sites if s.id == ref.id), None)
                if site is None:
                    raise NotFoundError(gone)
                return card, site

            self._open(
                load_site,
                lambda got: self._watch(site_dialog(self.window, inventory, *got), saved, ref.kind, ref.id),
            )
        else:

            def build_machine(got: tuple[MachineCard, ClientCard]) -> RecordDialog:
                machine, card = got
                others = self.model.machine_names(ref.client_id)
                dialog = machine_dialog(self.window, inventory, card, others, machine)
                return self._watch(dialog, saved, ref.kind, ref.id)

            self._open(
                lambda: (inventory.machine_card(ref.id), inventory.client_card(ref.client_id)), build_machine
            )

    def edit_contact(self, contact_id: int, client_id: int) -> None:
        from msp_console.ui.dialogs.inventory_dialogs import contact_dialog

        def build(got: tuple[ClientCard, ContactView]) -> RecordDialog:
            dialog = contact_dialog(self.window, self.inventory, *got)
            return self._watch(dialog, self.tr("Contact saved."), "client", client_id)

        self._open(self._contact(contact_id, client_id), build)

    # -- delete / archive: the question here, the write on the worker -------------------------
    def delete(self, ref: NodeRef) -> None:
        if ref.kind == "client":
            self._then(self._card(ref.id), lambda card: self._delete_client(ref, card))
        elif ref.kind == "site":
            self._delete_site(ref)
        else:
            self._delete_machine(ref)

    def _delete_client(self, ref: NodeRef, card: ClientCard) -> None:
        sites, contacts, machines = len(card.sites), len(card.contacts), card.machine_count
        counted = (
            self.tr("%n site(s)", "", sites),
            self.tr("%n contact(s)", "", contacts),
            self.tr("%n machine(s)", "", machines),
        )
        text = self.tr(
            "Delete the client '%1'?\n\nIts %2, %3 and %4 will be deleted with it. A client with "
            "history (interventions, invoices) is archived instead, so its past work stays on record."
        )
        for i, value in enumerate((card.name, *counted), 1):
            text = text.replace(f"%{i}", value)
        if not ask.confirm(self.window, self.tr("Delete client"), text):
            return
        inventory = self.inventory

        def deleted(outcome: str) -> None:
            if outcome == "archived":
                note = self.tr(
                    "'%1' has history, so it was archived instead of deleted. "
                    "View → Show archived clients shows it again."
                ).replace("%1", card.name)
                ask.inform(self.window, self.tr("Client archived"), note)
            else:
                note = self.tr("Client '%1' deleted.").replace("%1", card.name)
            self._done(note, "", 0)

        self._write(lambda: inventory.delete_client(ref.id), deleted)

    def _delete_site(self, ref: NodeRef) -> None:
        text = self.tr("Delete the site '%1'?\n\nIts machines stay with the client, at no site.")
        if not ask.confirm(self.window, self.tr("Delete site"), text.replace("%1", ref.name)):
            return
        inventory = self.inventory
        self._write(
            lambda: inventory.delete_site(ref.id),
            lambda moved: self._done(
                self.tr("Site deleted; %n machine(s) moved to no site.", "", moved), "client", ref.client_id
            ),
        )

    def _delete_machine(self, ref: NodeRef) -> None:
        behind = self.model.machines_behind(ref.client_id, ref.name)
        text = self.tr("Delete the machine '%1'?").replace("%1", ref.name)
        if behind:
            text += "\n\n" + self.tr(
                "Behind it: %n machine(s), which will no longer have a parent.", "", behind
            )
        if not ask.confirm(self.window, self.tr("Delete machine"), text):
            return
        note = self.tr("Machine '%1' deleted.").replace("%1", ref.name)
        inventory = self.inventory
        self._write(
            lambda: inventory.delete_machine(ref.id), lambda _: self._done(note, "client", ref.client_id)
        )

    def delete_contact(self, contact_id: int, client_id: int) -> None:
        self._then(self._contact(contact_id, client_id), lambda got: self._delete_contact(*got))

    def _delete_contact(self, card: ClientCard, contact: ContactView) -> None:
        text = self.tr("Delete the contact '%1' of %2?").replace("%1", contact.name).replace("%2", card.name)
        if not ask.confirm(self.window, self.tr("Delete contact"), text):
            return
        note, inventory = self.tr("Contact deleted."), self.inventory
        self._write(
            lambda: inventory.delete_contact(contact.id), lambda _: self._done(note, "client", card.id)
        )

    def set_archived(self, client_id: int, archived: bool) -> None:
        note = self.tr("Client archived.") if archived else self.tr("Client restored.")
        inventory = self.inventory
        self._write(
            lambda: inventory.set_archived(client_id, archived),
            lambda _: self._done(note, "client", client_id),
        )
