"""The Italian translation is complete and sound, and the window really speaks Italian.

The strings are extracted afresh from the current sources (pyside6-lupdate plus the AST pass of
packaging/i18n/i18n_tools.py) and looked up in the committed resources/translations/msp_console_it.ts:
a new string without a finished Italian translation fails here, listed with its context and place.
Refresh the .ts with `.venv/bin/python packaging/i18n/update_translations.py`, then translate.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from msp_console.app import App
from msp_console.preferences import update_preferences
from msp_console.ui import locale_format

pytestmark = pytest.mark.ui
TOP = Path(__file__).resolve().parents[2]
UI = TOP / "src" / "msp_console" / "ui"


def _load(name: str) -> ModuleType:
    path = TOP / "packaging" / "i18n" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_i18n_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tools = _load("i18n_tools")


@pytest.fixture(scope="module")
def extracted() -> list:  # type: ignore[type-arg]
    return tools.extract()  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def italian() -> dict:  # type: ignore[type-arg]
    return {m.key: m for m in tools.read_ts(tools.ts_path("it"))}


def _missing(messages: list, italian: dict, under: tuple[str, ...] = ()) -> list[str]:  # type: ignore[type-arg]
    out = []
    for m in messages:
        if under and not any(f.startswith(under) for f, _line in m.locations):
            continue
        known = italian.get(m.key)
        if known is None or not known.finished:
            out.append(f"[{m.context}] {m.source!r} at {m.where()}")
    return out


def test_every_visible_string_has_an_italian_translation(extracted, italian) -> None:  # type: ignore[no-untyped-def]
    missing = _missing(extracted, italian)
    assert not missing, (
        f"{len(missing)} string(s) without an Italian translation (run packaging/i18n/"
        "update_translations.py, then translate them in resources/translations/msp_console_it.ts):\n"
        + "\n".join(missing)
    )


def test_translations_keep_placeholders_and_accelerators(italian) -> None:  # type: ignore[no-untyped-def]
    wrong = []
    for m in italian.values():
        if not m.finished:
            continue
        for text in m.forms if m.numerus else [m.translation]:
            if tools.placeholders(text) != tools.placeholders(m.source):
                wrong.append(f"[{m.context}] {m.source!r} → {text!r}: placeholders differ")
            src_amp = m.source.replace("&&", "").count("&") if "<" not in m.source else 0
            tr_amp = text.replace("&&", "").count("&") if "<" not in m.source else 0
            if src_amp != tr_amp:
                wrong.append(f"[{m.context}] {m.source!r} → {text!r}: accelerator (&) missing or doubled")
    assert not wrong, "\n".join(wrong)


def test_every_context_is_one_qt_looks_up(extracted) -> None:  # type: ignore[no-untyped-def]
    """Helpers' strings land in their helper's context; `other.tr("…")` in QObject, where Qt's
    lookup (the object's classes, then QObject) finds it; nothing is left without a context."""
    known = tools.runtime_contexts(tools.ui_files())
    wrong = [f"[{m.context}] {m.source!r} at {m.where()}" for m in extracted if m.context not in known]
    assert not wrong, "\n".join(wrong)


def _dynamic_tr_calls(path: Path, wrappers: set[str]) -> list[str]:
    """tr()/translate()/helper calls whose text is not a literal (lupdate cannot see those texts)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        f, text = node.func, None
        if isinstance(f, ast.Attribute) and f.attr == "tr" and node.args:
            text = node.args[0]
        elif isinstance(f, ast.Attribute) and f.attr == "translate" and len(node.args) >= 2:
            if isinstance(f.value, ast.Name) and f.value.id == "QCoreApplication":
                text = node.args[1]
        elif isinstance(f, ast.Name) and f.id in wrappers and node.args:
            text = node.args[0]
        if text is not None and not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
            out.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:90]}")
    return out


def test_texts_passed_to_tr_as_variables_are_marked_for_extraction() -> None:
    """`self.tr(label)` only works when every possible `label` is marked QT_TR_NOOP("…") /
    QT_TRANSLATE_NOOP("Context", "…") where it is written, so lupdate extracts it."""
    files = tools.ui_files()
    wrappers = {name for (_module, name) in tools.find_wrappers(files)}
    wrong = []
    for path in files:
        source = path.read_text(encoding="utf-8")
        calls = [  # the helpers themselves (def _t(text): return QCoreApplication.translate("Ctx", text))
            c for c in _dynamic_tr_calls(path, wrappers) if "QCoreApplication.translate(" not in c
        ]
        if calls and "QT_TR_NOOP" not in source and "QT_TRANSLATE_NOOP" not in source:
            wrong += calls
    assert not wrong, "\n".join(wrong)


# -- the window under --language it -------------------------------------------------------------
@contextmanager
def _language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str | None) -> Iterator[int]:
    """Installs the translators as the app does at start-up; yields how many loaded."""
    from msp_console.ui import launch

    built = _load("build_translations").build(tmp_path)
    assert [p.name for p in built] == ["msp_console_it.qm"]
    monkeypatch.setattr(launch, "translations_dir", lambda: tmp_path)
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    before = len(launch._translators)
    default = QLocale()
    launch._install_language(qapp, language)
    installed = launch._translators[before:]
    try:
        yield len(installed)
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
            launch._translators.remove(translator)
        QLocale.setDefault(default)


@pytest.fixture
def in_italian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with _language(tmp_path, monkeypatch, "it") as loaded:
        assert loaded == 2, "msp_console_it.qm and Qt's own qtbase_it.qm must both load"
        yield


def test_the_language_chosen_in_settings_applies_at_start(qapp, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    update_preferences(language="it")
    with _language(tmp_path, monkeypatch, None) as loaded:  # no --language: Settings decides
        assert loaded == 2
        assert QCoreApplication.translate("WindowActions", "&Edit") == "&Modifica"
        assert QLocale().name() == "it_IT"
    update_preferences(language="en")
    with _language(tmp_path, monkeypatch, None):
        assert QCoreApplication.translate("WindowActions", "&Edit") == "&Edit"


def _titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_the_window_speaks_italian(qtbot, app: App, in_italian) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.main_window import MainWindow

    window = MainWindow(app, persist=False)
    qtbot.addWidget(window)
    titles = _titles(window)
    for italian in ("File", "Modifica", "Visualizza", "Cliente", "Strumenti", "Aiuto"):
        assert italian in titles, titles
    assert window.tabs.tabText(0) == "Panoramica"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Annulla"  # Qt's own strings: qtbase_it.qm
    assert locale_format.money(Decimal("1234.5")) == "1.234,50\xa0€"  # as the invoices print it
    assert locale_format.short_date(date(2026, 11, 28)) == "28/11/2026"
    assert locale_format.number(1240) == "1.240"


def _mnemonic(text: str) -> str | None:
    text = text.replace("&&", "")
    at = text.find("&")
    return text[at + 1].lower() if 0 <= at < len(text) - 1 else None


def test_italian_menus_keep_unique_accelerators(qtbot, app: App, in_italian) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.main_window import MainWindow

    window = MainWindow(app, persist=False)
    qtbot.addWidget(window)
    clashes = []
    bar = [_mnemonic(a.text()) for a in window.menuBar().actions()]
    if len(set(bar)) != len(bar):
        clashes.append(f"menu bar: {_titles(window)}")
    menus = [a.menu() for a in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        if not isinstance(menu, QMenu):
            continue
        entries = [a for a in menu.actions() if a.text() and a.isVisible()]
        keys = [k for k in (_mnemonic(a.text()) for a in entries) if k]
        if len(set(keys)) != len(keys):
            clashes.append(f"{menu.title()}: {[a.text() for a in entries]}")
        menus += [a.menu() for a in entries if isinstance(a.menu(), QMenu)]
    assert not clashes, "\n".join(clashes)
