"""Every window action in one place: text, shortcut, and the menus and toolbar that show them.

Menus for features that arrive later hold only what exists (a disabled line saying so), so
the menu bar already has its final shape.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu, QToolBar, QToolButton

from msp_console.ui.kind_icons import kind_icon


class WindowActions(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window

        def act(
            text: str,
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
            icon: str | None = None,
            tip: str = "",
        ) -> QAction:
            a = QAction(text, window)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            if icon is not None:
                a.setIcon(kind_icon(icon))
            if tip:
                a.setStatusTip(tip)
            return a

        # File
        self.import_csv = act(
            self.tr("&Import from CSV…"),
            "Ctrl+I",
            "import",
            self.tr("Bring in clients, contacts or machines from a spreadsheet"),
        )
        self.export_clients = act(self.tr("&Clients…"), None, "export")
        self.export_contacts = act(self.tr("C&ontacts…"))
        self.export_machines = act(self.tr("&Machines…"))
        self.quit = act(self.tr("&Quit"), QKeySequence.StandardKey.Quit)
        # Edit
        self.new = act(
            self.tr("&New…"),
            QKeySequence.StandardKey.New,
            "new",
            self.tr("New machine under the selected client, or a new client"),
        )
        self.edit = act(self.tr("&Edit…"), "F2", "edit", self.tr("Edit the selected item"))
        self.delete = act(
            self.tr("&Delete…"),
            QKeySequence.StandardKey.Delete,
            "delete",
            self.tr("Delete the selected item (asks first)"),
        )
        self.find = act(self.tr("&Find in tree"), QKeySequence.StandardKey.Find, "find")
        self.quick_find = act(self.tr("&Quick find"), "Ctrl+K")
        # Client
        self.new_client = act(self.tr("&New client…"), "Ctrl+Shift+N", "client")
        self.new_site = act(self.tr("New &site…"), None, "site")
        self.new_contact = act(self.tr("New &contact…"))
        self.edit_client = act(self.tr("&Edit client…"))
        self.archive_client = act(self.tr("&Archive client"))
        self.unarchive_client = act(self.tr("&Restore archived client"))
        self.delete_client = act(self.tr("&Delete client…"))
        # Machine
        self.new_machine = act(self.tr("&New machine…"), "Ctrl+M", "workstation")
        self.edit_machine = act(self.tr("&Edit machine…"))
        self.delete_machine = act(self.tr("&Delete machine…"))
        # View
        self.show_archived = act(self.tr("Show &archived clients"))
        self.show_archived.setCheckable(True)
        self.expand_all = act(self.tr("E&xpand all"), "Ctrl+Shift+E")
        self.collapse_all = act(self.tr("&Collapse all"), "Ctrl+Shift+C")
        self.refresh = act(
            self.tr("&Reload"),
            QKeySequence.StandardKey.Refresh,
            "reload",
            self.tr("Read the tree again from the database"),
        )
        # Tools / Help
        self.open_data_dir = act(self.tr("Open &data folder"))
        self.shortcuts = act(self.tr("&Keyboard shortcuts"), "F1")
        self.about = act(self.tr("&About MSP Console"))
        self.about_qt = act(self.tr("About &Qt"))
        for a in (self.edit, self.delete):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def build_menus(self, view_toggles: list[QAction]) -> None:
        bar = self.window.menuBar()
        m = bar.addMenu(self.tr("&File"))
        m.addAction(self.import_csv)
        export = m.addMenu(self.tr("&Export to CSV"))
        export.addActions([self.export_clients, self.export_contacts, self.export_machines])
        m.addSeparator()
        m.addAction(self.quit)
        m = bar.addMenu(self.tr("&Edit"))
        m.addActions([self.new, self.edit, self.delete])
        m.addSeparator()
        m.addActions([self.find, self.quick_find])
        m = bar.addMenu(self.tr("&View"))
        m.addAction(self.show_archived)
        m.addSeparator()
        m.addActions([self.expand_all, self.collapse_all, self.refresh])
        m.addSeparator()
        m.addActions(view_toggles)
        m = bar.addMenu(self.tr("&Client"))
        m.addActions([self.new_client, self.new_site, self.new_contact])
        m.addSeparator()
        m.addActions([self.edit_client, self.archive_client, self.unarchive_client, self.delete_client])
        m = bar.addMenu(self.tr("&Machine"))
        m.addActions([self.new_machine, self.edit_machine, self.delete_machine])
        for title, note in (
            (self.tr("M&onitoring"), self.tr("Polling is not configured yet")),
            (self.tr("C&alendar"), self.tr("No calendar connected yet")),
            (self.tr("&Billing"), self.tr("No contracts to bill yet")),
        ):
            self._placeholder(bar.addMenu(title), note)
        m = bar.addMenu(self.tr("&Tools"))
        m.addAction(self.open_data_dir)
        m = bar.addMenu(self.tr("&Help"))
        m.addActions([self.shortcuts, self.about, self.about_qt])

    def _placeholder(self, menu: QMenu, note: str) -> None:
        a = menu.addAction(note)
        a.setEnabled(False)

    def build_toolbar(self, quick_find: QLineEdit) -> QToolBar:
        bar = QToolBar(self.tr("Main toolbar"), self.window)
        bar.setObjectName("mainToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        bar.addWidget(quick_find)
        bar.addSeparator()
        new_menu = QMenu(self.window)
        new_menu.addActions([self.new_client, self.new_site, self.new_contact, self.new_machine])
        new_button = QToolButton()
        new_button.setObjectName("newButton")
        new_button.setDefaultAction(self.new)
        new_button.setText(self.tr("New"))
        new_button.setMenu(new_menu)
        new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addWidget(new_button)
        bar.addActions([self.edit, self.delete])
        bar.addSeparator()
        bar.addActions([self.import_csv, self.refresh])
        for a in (self.edit, self.delete, self.import_csv, self.refresh):  # in the menus too: icons here,
            self._icon_only(bar, a)  # so the task buttons (Call, Run invoices…) fit a 1366 px screen
        return bar

    @staticmethod
    def _icon_only(bar: QToolBar, action: QAction) -> None:
        button = bar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            name = action.text().replace("&", "").rstrip("…")
            action.setToolTip(f"{name} ({keys})" if keys else name)

    def context_actions(self, kind: str | None, archived: bool = False) -> list[QAction | None]:
        """What the right-click menu offers for a row (None = separator), as the menus do."""
        if kind == "client":
            archive = self.unarchive_client if archived else self.archive_client
            return [
                self.new_machine,
                self.new_site,
                self.new_contact,
                None,
                self.edit_client,
                archive,
                self.delete_client,
            ]
        if kind == "site":
            return [self.new_machine, None, self.edit, self.delete]
        if kind == "machine":
            return [self.edit_machine, self.delete_machine, None, self.new_machine]
        return [self.new_client, self.import_csv]
