"""Starting the GUI, and rendering it offscreen for `msp-console screenshot`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QLibraryInfo,
    QLocale,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication

from msp_console.fileio import atomic_write_bytes
from msp_console.preferences import apply_to_environment, load_preferences
from msp_console.resources import resources_dir
from msp_console.secrets import KeyringUnavailableError
from msp_console.settings import default_database_path, resolve_database_url
from msp_console.startup import EXIT_DATABASE, EXIT_INPUT, EXIT_OK, EXIT_USAGE, CommandError, open_app
from msp_console.ui.ui_settings import APPLICATION, ORGANISATION

if TYPE_CHECKING:
    from msp_console.app import App
    from msp_console.services.views import TreeSnapshot
    from msp_console.ui.main_window import MainWindow

_translators: list[QTranslator] = []


def _qapplication(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    qapp = QApplication(argv)
    qapp.setApplicationDisplayName("MSP Console")
    return qapp


def translations_dir() -> Path:
    """Where msp_console_<lang>.qm are (built from resources/translations/*.ts, see packaging/i18n)."""
    try:
        return resources_dir() / "translations"
    except FileNotFoundError:
        return Path(__file__).resolve().parents[3] / "resources" / "translations"


def _install_language(qapp: QApplication, language: str | None) -> None:
    """Loads our translation (and Qt's own) for the chosen language, else the one set in
    Settings, else the system's."""
    language = language or load_preferences().language or None
    locale = QLocale(language) if language else QLocale.system()
    if language:
        QLocale.setDefault(locale)
    ours = False
    for name, folder in (
        ("msp_console", str(translations_dir())),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(qapp)
        if translator.load(locale, name, "_", folder):
            qapp.installTranslator(translator)
            _translators.append(translator)
            ours = ours or name == "msp_console"
    if not ours:  # English, the source language: its plurals ("1 page", "2 pages") still need words
        from msp_console.ui.english_plurals import EnglishPlurals

        plurals = EnglishPlurals(qapp)
        qapp.installTranslator(plurals)
        _translators.append(plurals)


def _open_window(
    args: argparse.Namespace, *, persist: bool = True, defer_features: bool = False
) -> tuple[App, MainWindow]:
    from msp_console.ui.main_window import MainWindow

    app = open_app(args)
    return app, MainWindow(app, persist=persist, defer_features=defer_features)


def _no_screen() -> bool:
    """On Linux without X11/Wayland (and no platform chosen) Qt would abort; say so instead."""
    return (
        sys.platform.startswith("linux")
        and QApplication.instance() is None
        and not any(os.environ.get(v) for v in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))
    )


def _install_features_after_first_tree(window: MainWindow) -> None:
    """The clients first: the task tabs are added once the tree is painted (or failed to load)."""

    def once(*_args: object) -> None:
        window.tree_loaded.disconnect(once)
        window.load_failed.disconnect(once)
        QTimer.singleShot(0, window.install_deferred)

    window.tree_loaded.connect(once)
    window.load_failed.connect(once)


@dataclass
class Started:
    """The shown window, and the app once it is open (the fast start opens it on the worker)."""

    window: MainWindow
    opened: list[App] = field(default_factory=list)

    def close(self) -> None:
        from msp_console.ui.worker import wait_for_background

        wait_for_background()  # an app still being opened is in ``opened`` once this returns
        for app in self.opened:
            app.close()


def open_window_fast(
    args: argparse.Namespace, *, persist: bool = True
) -> tuple[MainWindow, TreeSnapshot] | None:
    """The window without its app, and its first tree read with ``sqlite3``: a SQLite file whose
    schema is current needs no SQLAlchemy (0.3 s of imports, more than a bare Qt start) before the
    first paint. None — the demo, PostgreSQL, no file yet, a schema to migrate, a locked or
    unreadable file — : open it the full way (``open_or_ask``)."""
    if getattr(args, "demo", False):
        return None  # the demo may have to be created or topped up first
    url = resolve_database_url(getattr(args, "database", None))
    from msp_console.services.first_tree import read_first_tree

    snapshot = read_first_tree(url)
    if snapshot is None:
        return None
    from msp_console.ui.main_window import MainWindow

    return MainWindow(None, persist=persist, defer_features=True, database_url=url), snapshot


def _open_app_after_first_paint(window: MainWindow, args: argparse.Namespace, opened: list[App]) -> None:
    """Once the first tree is shown: the app (SQLAlchemy, engine, schema check, services) is opened
    on the worker thread, then handed to the window, which enables its actions and adds its tabs."""

    def open_it() -> App:
        app = open_app(args)
        opened.append(app)
        return app

    def failed(error: Exception) -> None:
        from msp_console.ui.dialogs import confirm as ask

        window.statusBar().showMessage(str(error))
        if window.persist:
            title = QCoreApplication.translate("Launch", "MSP Console cannot start")
            ask.report_error(window, title, str(error))

    def after_paint(*_args: object) -> None:
        window.tree_loaded.disconnect(after_paint)
        from msp_console.ui.worker import run_in_background

        QTimer.singleShot(0, lambda: run_in_background(open_it, window.attach_app, failed))

    window.tree_loaded.connect(after_paint)


def start_window(
    args: argparse.Namespace,
    *,
    persist: bool = True,
    fast: bool = True,
    before_load: Callable[[MainWindow], None] | None = None,
) -> Started | None:
    """Opens the database and shows the window with its tree, the task tabs added after the first
    paint: the fast way when it can (``open_window_fast``), else the full way, asking when the
    database is out of reach (None: the user quit). ``before_load(window)``: after ``show``,
    before the tree arrives (it may arrive within this call)."""
    first = open_window_fast(args, persist=persist) if fast else None
    if first is not None:
        window, snapshot = first
        started = Started(window)
    else:
        opened = open_or_ask(args, persist=persist)
        if opened is None:
            return None
        app, window = opened
        started, snapshot = Started(window, [app]), None
    window.show()
    _install_features_after_first_tree(window)
    if before_load is not None:
        before_load(window)
    if snapshot is None:
        window.reload()
    else:
        _open_app_after_first_paint(window, args, started.opened)
        window.show_tree(snapshot)
    return started


def run_gui(args: argparse.Namespace) -> int:
    if _no_screen():
        raise CommandError(
            "no screen to open the window on (DISPLAY is not set). Run it in a desktop session, "
            "or render the window with `msp-console screenshot OUT.png`.",
            EXIT_USAGE,
        )
    qapp = _qapplication(sys.argv[:1])
    _install_language(qapp, getattr(args, "language", None))
    from msp_console.ui.first_run import first_run_needed, run_first_run

    first_run = first_run_needed(args)
    if first_run and not run_first_run(args):
        return EXIT_OK  # set-up cancelled: asked again at the next start
    apply_to_environment()
    path = getattr(args, "select", None)

    def before_load(window: MainWindow) -> None:
        from msp_console.ui.error_dialog import install_excepthook

        install_excepthook(lambda: window)  # an unexpected error: a dialog and the log, the app goes on
        if path:

            def select_once() -> None:
                window.tree_loaded.disconnect(select_once)
                if not _select(window, path):
                    window.statusBar().showMessage(
                        QCoreApplication.translate("Launch", "No client or machine named '%1'.").replace(
                            "%1", path
                        )
                    )

            window.tree_loaded.connect(select_once)

    started = start_window(args, fast=not first_run, before_load=before_load)  # first run: the full way
    if started is None:
        return EXIT_DATABASE
    try:
        return int(qapp.exec())
    finally:
        started.close()


def open_or_ask(args: argparse.Namespace, *, persist: bool = True) -> tuple[App, MainWindow] | None:
    """Opens the database and the window; when the database (or the keyring holding its password)
    is out of reach, says so in a window — started from a menu, nobody reads stderr — and offers
    to retry, to open this PC's own database this time, or to quit (None)."""
    while True:
        try:
            return _open_window(args, persist=persist, defer_features=True)
        except (CommandError, KeyringUnavailableError) as exc:
            local = f"sqlite:///{default_database_path()}"
            offer_local = not getattr(args, "demo", False) and getattr(args, "database", None) != local
            answer = ask_when_database_fails(_in_words(exc, args), offer_local)
            if answer == "quit":
                return None
            if answer == "local":
                args.database = local


def _in_words(exc: Exception, args: argparse.Namespace) -> str:
    """A team database's failure as the first-run wizard says it (refused, password, no such
    database…); anything else as the error says it."""
    from sqlalchemy.engine import make_url

    from msp_console.database_choice import classify
    from msp_console.settings import resolve_database_url
    from msp_console.ui.first_run.connection_words import problem_text

    cause = exc.__cause__
    if isinstance(exc, CommandError) and isinstance(cause, Exception):
        url = make_url(resolve_database_url(getattr(args, "database", None)))
        if url.get_backend_name() == "postgresql":
            return problem_text(classify(cause, url))
    return str(exc)


def ask_when_database_fails(reason: str, offer_local: bool) -> str:
    """'retry', 'local' or 'quit'."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Launch", "MSP Console cannot start"),
        QCoreApplication.translate("Launch", "MSP Console could not open its database."),
    )
    box.setObjectName("databaseFailedBox")
    box.setInformativeText(reason)
    retry = box.addButton(QCoreApplication.translate("Launch", "&Retry"), QMessageBox.ButtonRole.AcceptRole)
    local = None
    if offer_local:
        text = QCoreApplication.translate("Launch", "Open this PC's &own database")
        local = box.addButton(text, QMessageBox.ButtonRole.ActionRole)
        local.setToolTip(
            QCoreApplication.translate(
                "Launch", "Only this time: the team database stays the one chosen in Settings."
            )
        )
    box.addButton(QCoreApplication.translate("Launch", "&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    return "retry" if clicked is retry else "local" if local is not None and clicked is local else "quit"


def _select(window: MainWindow, path: str) -> bool:
    return bool(window.tree.select_source(window.model.index_for_path(path)))


def render_screenshot(args: argparse.Namespace, out: Path, width: int, height: int) -> int:
    if (
        not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    qapp = _qapplication(sys.argv[:1])
    _install_language(qapp, getattr(args, "language", None))
    app, window = _open_window(args, persist=False)
    try:
        window.resize(width, height)
        window.fit_docks()
        window.show()
        loop = QEventLoop()
        failures: list[str] = []
        window.tree_loaded.connect(loop.quit)
        window.load_failed.connect(failures.append)
        window.load_failed.connect(loop.quit)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(60_000)
        window.reload()
        loop.exec()
        if failures:
            raise CommandError(f"cannot read the tree: {failures[0]}", EXIT_DATABASE)
        if not timer.isActive():
            raise CommandError("the tree did not load within 60 s", EXIT_DATABASE)
        timer.stop()
        select = getattr(args, "select", None)
        if select:
            if not _select(window, select):
                raise CommandError(f"--select {select!r}: no such client or machine")
        elif window.tree.current_ref() is None and window.model.rowCount() > 0:
            window.tree.select_source(window.model.index(0, 0))  # a card on show, not an empty pane
        view = window.tree.view
        view.setFocus()
        top = view.currentIndex()
        while top.parent().isValid():  # show the selection's client at the top, with its rows
            top = top.parent()
        view.scrollTo(top, view.ScrollHint.PositionAtTop)
        view.scrollTo(view.currentIndex(), view.ScrollHint.EnsureVisible)
        view_name = getattr(args, "view", None)
        if view_name:
            from msp_console.ui.views_registry import show_view

            try:
                show_view(window, view_name)
            except ValueError as exc:
                raise CommandError(f"--view: {exc}", EXIT_USAGE) from None
        from msp_console.ui.worker import wait_for_background

        for _ in range(5):
            wait_for_background()  # what is read off the GUI thread (the selection's card…) is on show
            qapp.processEvents()
        pixmap = window.grab()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not pixmap.save(buffer, "PNG"):
            raise CommandError(f"could not render {out}", EXIT_INPUT)
        buffer.close()
        atomic_write_bytes(Path(out), bytes(data.data()))
        print(f"{out}: {pixmap.width()}x{pixmap.height()}")
        return EXIT_OK
    finally:
        window.close()
        from msp_console.ui.worker import wait_for_background

        wait_for_background()
        app.close()
