"""What the inventory actions do: open the right dialog, ask before deleting, say what happened.

Writes here are single-row transactions (milliseconds), so they run on the GUI thread and the
dialog can show the service's ValidationError on its field; the tree is then reloaded off-thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from msp_console.domain.errors import NotFoundError
from msp_console.services.inventory import Inventory
from msp_console.ui.dialogs import confirm as ask
from msp_console.ui.dialogs.inventory_dialogs import (
    client_dialog,
    contact_dialog,
    machine_dialog,
    site_dialog,
)
from msp_console.ui.models.client_tree import ClientTreeModel, NodeRef


class InventoryController(QObject):
    changed = Signal(str, int)  # the tree must reload; select (kind, id) afterwards (id 0: keep selection)
    message = Signal(str)  # a short note for the status bar

    def __init__(self, window: QWidget, inventory: Inventory, model: ClientTreeModel):
        super().__init__(window)
        self.window, self.inventory, self.model = window, inventory, model

    def _run(self, dialog: QDialog) -> int | None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return getattr(dialog, "saved_id", None)
        return None

    def _missing(self, exc: NotFoundError) -> None:
        ask.report_error(
            self.window, self.tr("Not found"), str(exc) + "\n" + self.tr("The tree will be reloaded.")
        )
        self.changed.emit("", 0)

    # -- create ------------------------------------------------------------------------------
    def new_client(self) -> None:
        ident = self._run(client_dialog(self.window, self.inventory))
        if ident is not None:
            self.message.emit(self.tr("Client created."))
            self.changed.emit("client", ident)

    def new_site(self, client_id: int) -> None:
        try:
            card = self.inventory.client_card(client_id)
        except NotFoundError as exc:
            return self._missing(exc)
        ident = self._run(site_dialog(self.window, self.inventory, card))
        if ident is not None:
            self.message.emit(self.tr("Site created."))
            self.changed.emit("site", ident)

    def new_contact(self, client_id: int) -> None:
        try:
            card = self.inventory.client_card(client_id)
        except NotFoundError as exc:
            return self._missing(exc)
        ident = self._run(contact_dialog(self.window, self.inventory, card))
        if ident is not None:
            self.message.emit(self.tr("Contact created."))
            self.changed.emit("client", client_id)

    def new_machine(self, client_id: int, site_name: str = "") -> None:
        try:
            card = self.inventory.client_card(client_id)
        except NotFoundError as exc:
            return self._missing(exc)
        dialog = machine_dialog(
            self.window, self.inventory, card, self.model.machine_names(client_id), site_name=site_name
        )
        ident = self._run(dialog)
        if ident is not None:
            self.message.emit(self.tr("Machine created."))
            self.changed.emit("machine", ident)

    # -- edit --------------------------------------------------------------------------------
    def edit(self, ref: NodeRef) -> None:
        try:
            if ref.kind == "client":
                dialog = client_dialog(self.window, self.inventory, self.inventory.client_card(ref.id))
            elif ref.kind == "site":
                card = self.inventory.client_card(ref.client_id)
                site = next((s for s in card.sites if s.id == ref.id), None)
                if site is None:
                    raise NotFoundError(self.tr("the site no longer exists"))
                dialog = site_dialog(self.window, self.inventory, card, site)
            else:
                machine = self.inventory.machine_card(ref.id)
                card = self.inventory.client_card(ref.client_id)
                dialog = machine_dialog(
                    self.window, self.inventory, card, self.model.machine_names(ref.client_id), machine
                )
        except NotFoundError as exc:
            return self._missing(exc)
        if self._run(dialog) is not None:
            self.message.emit(self.tr("Saved."))
            self.changed.emit(ref.kind, ref.id)

    def edit_contact(self, contact_id: int, client_id: int) -> None:
        try:
            card = self.inventory.client_card(client_id)
        except NotFoundError as exc:
            return self._missing(exc)
        contact = next((x for x in card.contacts if x.id == contact_id), None)
        if contact is None:
            return self._missing(NotFoundError(self.tr("the contact no longer exists")))
        if self._run(contact_dialog(self.window, self.inventory, card, contact)) is not None:
            self.message.emit(self.tr("Contact saved."))
            self.changed.emit("client", client_id)

    # -- delete / archive ------------------------------------------------------------------
    def delete(self, ref: NodeRef) -> None:
        try:
            if ref.kind == "client":
                self._delete_client(ref)
            elif ref.kind == "site":
                self._delete_site(ref)
            else:
                self._delete_machine(ref)
        except NotFoundError as exc:
            self._missing(exc)

    def _delete_client(self, ref: NodeRef) -> None:
        card = self.inventory.client_card(ref.id)
        text = self.tr(
            "Delete the client '%1'?\n\nIts %2 site(s), %3 contact(s) and %4 machine(s) will be deleted "
            "with it. A client with history (interventions, invoices) is archived instead, so its past "
            "work stays on record."
        )
        for i, value in enumerate((card.name, len(card.sites), len(card.contacts), card.machine_count), 1):
            text = text.replace(f"%{i}", str(value))
        if not ask.confirm(self.window, self.tr("Delete client"), text):
            return
        outcome = self.inventory.delete_client(ref.id)
        if outcome == "archived":
            note = self.tr(
                "'%1' has history, so it was archived instead of deleted. "
                "View → Show archived clients shows it again."
            ).replace("%1", card.name)
            ask.inform(self.window, self.tr("Client archived"), note)
        else:
            note = self.tr("Client '%1' deleted.").replace("%1", card.name)
        self.message.emit(note)
        self.changed.emit("", 0)

    def _delete_site(self, ref: NodeRef) -> None:
        text = self.tr("Delete the site '%1'?\n\nIts machines stay with the client, at no site.")
        if not ask.confirm(self.window, self.tr("Delete site"), text.replace("%1", ref.name)):
            return
        moved = self.inventory.delete_site(ref.id)
        self.message.emit(self.tr("Site deleted; %1 machine(s) moved to no site.").replace("%1", str(moved)))
        self.changed.emit("client", ref.client_id)

    def _delete_machine(self, ref: NodeRef) -> None:
        behind = self.model.machines_behind(ref.client_id, ref.name)
        text = self.tr("Delete the machine '%1'?").replace("%1", ref.name)
        if behind:
            text += "\n\n" + self.tr(
                "%1 machine(s) sit behind it; they will no longer have a parent."
            ).replace("%1", str(behind))
        if not ask.confirm(self.window, self.tr("Delete machine"), text):
            return
        self.inventory.delete_machine(ref.id)
        self.message.emit(self.tr("Machine '%1' deleted.").replace("%1", ref.name))
        self.changed.emit("client", ref.client_id)

    def delete_contact(self, contact_id: int, client_id: int) -> None:
        try:
            card = self.inventory.client_card(client_id)
        except NotFoundError as exc:
            return self._missing(exc)
        contact = next((x for x in card.contacts if x.id == contact_id), None)
        if contact is None:
            return self._missing(NotFoundError(self.tr("the contact no longer exists")))
        text = self.tr("Delete the contact '%1' of %2?").replace("%1", contact.name).replace("%2", card.name)
        if not ask.confirm(self.window, self.tr("Delete contact"), text):
            return
        self.inventory.delete_contact(contact_id)
        self.message.emit(self.tr("Contact deleted."))
        self.changed.emit("client", client_id)

    def set_archived(self, client_id: int, archived: bool) -> None:
        try:
            self.inventory.set_archived(client_id, archived)
        except NotFoundError as exc:
            return self._missing(exc)
        self.message.emit(self.tr("Client archived.") if archived else self.tr("Client restored."))
        self.changed.emit("client", client_id)
