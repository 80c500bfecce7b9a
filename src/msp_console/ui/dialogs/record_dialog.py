"""A form dialog that validates as the user types and shows each problem next to its field.

The rules are the domain's ``clean_*`` functions, so the dialog, the CLI and CSV import give
the same messages. OK is disabled while a field the user has touched is wrong, and refused
(with every problem shown) if anything is still wrong on submit.

The save itself runs on the worker thread (on a team database it is a network round trip): the
form and the buttons are disabled and the dialog says "Saving…" meanwhile, Esc waits for the
answer. Errors the service raises (a duplicate name, say) land on their field the same way and
the dialog stays open; it closes once the record is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from msp_console.domain.errors import FieldError, NotFoundError, ValidationError
from msp_console.ui.dialogs.background_dialog import BackgroundSave
from msp_console.ui.validation_text import error_lines, message_text

ERROR_COLOUR = "#c62828"
FieldWidget = QLineEdit | QComboBox | QCheckBox | QPlainTextEdit


@dataclass
class _Field:
    widget: FieldWidget
    error: QLabel


class RecordDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        clean: Callable[[Mapping[str, object]], Any],
        save: Callable[[dict[str, object]], int],
    ):
        """``clean``: the domain's rules (pure, run as the user types); ``save``: the service call,
        run on the worker thread, returning the record's id."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._clean, self._save = clean, save
        self._fields: dict[str, _Field] = {}
        self._labels: dict[str, str] = {}  # the form's own names, for refusals of a field not shown
        self._forms: list[QFormLayout] = []
        self._touched: set[str] = set()
        self.saved_id: int | None = None
        self._layout = QVBoxLayout(self)
        self._form = QWidget()  # the groups; frozen while saving
        self._groups = QVBoxLayout(self._form)
        self._groups.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._form)
        self._general_error = self._error_label()
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self.ok_button = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        self.saving = BackgroundSave(self, self._buttons, self._form)

    # -- building the form ----------------------------------------------------------------
    def group(self, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._forms.append(form)
        self._groups.addWidget(box)
        return form

    def finish(self) -> None:
        """Adds the general error line and the buttons; call after the last field."""
        self._layout.addWidget(self._general_error)
        self._layout.addWidget(self.saving.status)
        self._layout.addWidget(self._buttons)
        self.setMinimumWidth(480)
        labels = [
            w
            for form in self._forms
            for row in range(form.rowCount())
            if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None and (w := item.widget())
        ]
        widest = max((w.sizeHint().width() for w in labels), default=0)
        for w in labels:  # one label column across the groups, so the fields line up
            w.setMinimumWidth(widest)
        first = next(iter(self._fields.values()), None)
        if first is not None:
            first.widget.setFocus()

    def add_line(
        self, form: QFormLayout, key: str, label: str, text: str = "", placeholder: str = ""
    ) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t, k=key: self._edited(k))
        self._add(form, key, label, edit)
        return edit

    def add_combo(
        self, form: QFormLayout, key: str, label: str, items: list[tuple[str, str]], current: str = ""
    ) -> QComboBox:
        combo = QComboBox()
        for value, text in items:
            combo.addItem(text, value)
        at = combo.findData(current)
        combo.setCurrentIndex(max(at, 0))
        combo.currentIndexChanged.connect(lambda _i, k=key: self._edited(k))
        self._add(form, key, label, combo)
        return combo

    def add_check(self, form: QFormLayout, key: str, label: str, checked: bool = False) -> QCheckBox:
        box = QCheckBox(label)
        box.setChecked(checked)
        box.toggled.connect(lambda _c, k=key: self._edited(k))
        self._add(form, key, "", box)
        return box

    def add_notes(self, form: QFormLayout, key: str, label: str, text: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(text)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(70)
        edit.textChanged.connect(lambda k=key: self._edited(k))
        self._add(form, key, label, edit)
        return edit

    def _add(self, form: QFormLayout, key: str, label: str, widget: FieldWidget) -> None:
        holder = QWidget()
        holder.setFocusProxy(widget)  # the label's mnemonic (Alt+letter) lands in the field
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = self._error_label()
        box.addWidget(error)
        form.addRow(label, holder)
        self._fields[key] = _Field(widget, error)
        self._labels[key] = label or (widget.text() if isinstance(widget, QCheckBox) else "")

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {ERROR_COLOUR};")
        label.setVisible(False)
        return label

    # -- values and validation ------------------------------------------------------------
    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, field in self._fields.items():
            w = field.widget
            if isinstance(w, QLineEdit):
                out[key] = w.text()
            elif isinstance(w, QComboBox):
                out[key] = w.currentData() or ""
            elif isinstance(w, QCheckBox):
                out[key] = "1" if w.isChecked() else "0"
            else:
                out[key] = w.toPlainText()
        return out

    def field_error(self, key: str) -> str:
        """The message shown under a field ('' when it is fine); tests and tools read it."""
        field = self._fields[key]
        return field.error.text()

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._validate(self._touched)

    def _validate(self, show: set[str] | None) -> bool:
        """Runs the rules; shows errors of the fields in ``show`` (all when None)."""
        errors: list[FieldError] = []
        try:
            self._clean(self.values())
        except ValidationError as exc:
            errors = exc.errors
        visible = [e for e in errors if show is None or e.field in show]
        self._show_errors(visible)
        self.ok_button.setEnabled(not visible)
        return not errors

    def _show_errors(self, errors: list[FieldError]) -> None:
        by_field: dict[str, list[str]] = {}
        general: list[FieldError] = []
        for e in errors:
            if e.field in self._fields:
                by_field.setdefault(e.field, []).append(message_text(e))
            else:
                general.append(e)
        for key, field in self._fields.items():
            text = "\n".join(by_field.get(key, []))
            field.error.setText(text)
            field.error.setVisible(bool(text))
            field.widget.setStyleSheet(
                f"border: 1px solid {ERROR_COLOUR};" if text and isinstance(field.widget, QLineEdit) else ""
            )
        self._general_error.setText(error_lines(general, self._labels))
        self._general_error.setVisible(bool(general))
        self._fit()

    def _fit(self) -> None:
        """Grows the dialog when error lines appear, so no message is clipped."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        wanted = self.sizeHint().height()
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def _focus_first_error(self, errors: list[FieldError]) -> None:
        for e in errors:
            if e.field in self._fields:
                self._fields[e.field].widget.setFocus()
                return

    def accept(self) -> None:
        """Checks the rules, then starts the save on the worker thread (the dialog closes once
        the record is written, or stays open with the service's objections on their fields)."""
        if self.saving.busy:
            return
        values = self.values()
        try:
            self._clean(values)
        except ValidationError as exc:
            self._touched.update(self._fields)
            self._show_errors(exc.errors)
            self.ok_button.setEnabled(False)
            self._focus_first_error(exc.errors)
            return
        save = self._save
        self.saving.start(lambda: save(values), self._saved, self._refused)

    def _saved(self, ident: int) -> None:
        self.saved_id = ident
        super().accept()

    def _refused(self, error: Exception) -> None:
        if isinstance(error, ValidationError):  # the service's own rules: duplicates, unknown parent…
            self._show_errors(error.errors)
            self._focus_first_error(error.errors)
        elif isinstance(error, NotFoundError):
            self._show_errors([FieldError("record", str(error))])
        else:  # the database could not be reached, say: nothing was written
            text = QCoreApplication.translate("RecordDialog", "The record could not be saved: %1")
            self._show_errors([])
            self._general_error.setText(text.replace("%1", str(error)))
            self._general_error.setVisible(True)
            self._fit()

    def reject(self) -> None:
        if not self.saving.busy:  # the answer of a running save must find the dialog
            super().reject()
