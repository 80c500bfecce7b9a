"""Every tab and every dialog fits a small screen: 1366×768 at 100 %, and 1920×1080 at 150 %.

Many offices still run 1366×768 laptops, and a 1920×1080 screen at 150 % scaling leaves
1280×720 logical pixels. Each tab and dialog of ``screen_catalog`` is opened in Italian (the
longer words) and in English, with the window maximised (the screen less its title bar and the
taskbar) in the layout of the first start. A visible button, label or tab that is narrower than
it needs (its text would be cut or elided), a widget cut off sideways by its pane, a label that
shows a stray '&', or a dialog taller or wider than the screen fails the test, named with its
text.

150 % is emulated by laying the window out at 1280×720 logical pixels: QT_SCALE_FACTOR scales
every widget, font and margin by the same factor, so a layout that fits 1280×720 logical pixels
fits 1920×1080 at 150 % (the scale factor is read once per process when Qt starts, so it cannot
change between tests of one run).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QScrollArea,
    QStyle,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)

from tests.ui import screen_catalog as catalog

pytestmark = pytest.mark.ui
TOP = Path(__file__).resolve().parents[2]
TITLE_AND_TASKBAR = 72  # px a dialog loses to its title bar and the taskbar (Windows: 31 + 40)
SCREENS = {"1366x768": (1366, 768), "150%": (1280, 720)}


def _text(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
    return " ".join(text.replace("&", "").split())[:60]


def _where(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    return f"{name} in {parent.objectName()}" if parent is not None else name


def _cut_by_ancestors(widget: QWidget) -> int:
    """How many pixels of the widget's width its panes hide (a page scrolled sideways…). Only
    the width: a long page that scrolls down is fine, one that hides its right side is not."""
    top = widget.window()
    left = widget.mapTo(top, QPoint(0, 0)).x()
    right = left + widget.width()
    parent = widget.parentWidget()
    while parent is not None:
        x = parent.mapTo(top, QPoint(0, 0)).x() if parent is not top else 0
        left, right = max(left, x), min(right, x + parent.width())
        parent = parent.parentWidget() if parent is not top else None
    return widget.width() - max(right - left, 0)


def _behind_a_tab(widget: QWidget) -> bool:
    """A dock tabified behind another is moved off the window, not hidden."""
    top, parent = widget.window(), widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QDockWidget) and not parent.geometry().intersects(top.rect()):
            return True
        parent = parent.parentWidget()
    return False


def _widget_misfits(widget: QWidget) -> list[str]:
    out = []
    for w in widget.findChildren(QWidget):
        if not isinstance(w, QAbstractButton | QLabel) or not w.isVisible() or w.window() is not widget:
            continue
        if _behind_a_tab(w):
            continue
        text = _text(w)
        if not text and not (isinstance(w, QAbstractButton) and not w.icon().isNull()):
            continue  # an empty label is a placeholder; a picture scales
        wraps = isinstance(w, QLabel) and w.wordWrap()
        need = w.minimumSizeHint() if wraps else w.sizeHint()
        if w.width() < need.width():
            out.append(f"{_where(w)} {text!r}: {w.width()} px wide, needs {need.width()}")
        elif not wraps and w.height() < need.height() and isinstance(w, QAbstractButton):
            out.append(f"{_where(w)} {text!r}: {w.height()} px high, needs {need.height()}")
        cut = _cut_by_ancestors(w)
        if cut > 1:
            out.append(f"{_where(w)} {text!r}: {cut} px cut off by its pane")
        if isinstance(w, QLabel) and w.buddy() is None and _shows_ampersand(w):
            out.append(f"{_where(w)} {w.text()!r}: shows its '&' (no buddy for the shortcut)")
    return out


def _shows_ampersand(label: QLabel) -> bool:
    text = label.text().replace("&&", "")
    plain = label.textFormat() == Qt.TextFormat.PlainText or (
        label.textFormat() == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(text)
    )
    return plain and "&" in text


def _tab_misfits(widget: QWidget) -> list[str]:
    out = []
    for bar in widget.findChildren(QTabBar):
        if not bar.isVisible() or bar.window() is not widget:
            continue
        space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
        for i in range(bar.count()):
            text = bar.tabText(i).replace("&", "")
            rect = bar.tabRect(i)
            icon = 0 if bar.tabIcon(i).isNull() else bar.iconSize().width() + 4
            need = bar.fontMetrics().horizontalAdvance(text) + space + icon
            if rect.width() < need:
                out.append(f"tab {text!r} of {_where(bar)}: {rect.width()} px wide, needs {need}")
            elif rect.left() < 0 or rect.right() > bar.width():
                out.append(f"tab {text!r} of {_where(bar)}: off the tab bar (scroll arrows needed)")
    return out


def _sideways(widget: QWidget) -> list[str]:
    """A page made to fit its window (a task tab, a scrolled form) that scrolls sideways hides its
    right side: the week view's Sunday, the buttons beside a list."""
    out = []
    for area in widget.findChildren(QScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and area.widgetResizable() and area.window() is widget and bar.maximum() > 0:
            out.append(f"{_where(area)}: scrolls sideways by {bar.maximum()} px")
    return out


def _overflowing_toolbar(widget: QWidget) -> list[str]:
    """The main toolbar's task buttons are all on show (a tab's own toolbar may use its » menu)."""
    bar = widget.findChild(QToolBar, "mainToolbar")
    more = bar.findChild(QToolButton, "qt_toolbar_ext_button") if bar is not None else None
    if more is not None and more.isVisible():
        return ["the main toolbar hides buttons behind its » menu"]
    return []


def misfits(shown: catalog.Shown, screen: tuple[int, int]) -> list[str]:
    """What does not fit on ``shown``, each as 'where 'text': why'."""
    widget = shown.widget
    out = _widget_misfits(widget) + _tab_misfits(widget) + _sideways(widget) + _overflowing_toolbar(widget)
    if isinstance(widget, QDialog):
        room = (screen[0], screen[1] - TITLE_AND_TASKBAR)
        for what, size in (("opens at", widget.size()), ("cannot shrink below", widget.minimumSizeHint())):
            if size.width() > room[0] or size.height() > room[1]:
                out.append(f"{what} {size.width()}×{size.height()}, the screen leaves {room[0]}×{room[1]}")
                break
    return [f"{shown.name}: {line}" for line in out]


# -- the window, in each language ---------------------------------------------------------------------
def _build_qm(out: Path) -> None:
    path = TOP / "packaging" / "i18n" / "build_translations.py"
    spec = importlib.util.spec_from_file_location("_i18n_build_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.build(out)


@pytest.fixture(scope="module")
def _qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fit-qm")
    _build_qm(out)
    return out


@pytest.fixture(scope="module")
def _demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, made once: every dialog has something to show (invoices, problems…)."""
    path = tmp_path_factory.mktemp("fit-demo") / "demo.sqlite3"
    catalog.demo_app(path).close()
    return path


@pytest.fixture(params=["it", "en"])
def language(
    request: pytest.FixtureRequest, qapp: QApplication, _qm_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    from msp_console.ui import launch

    monkeypatch.setattr(launch, "translations_dir", lambda: _qm_dir)
    before, default = len(launch._translators), QLocale()
    launch._install_language(qapp, request.param)
    try:
        yield request.param
    finally:
        for translator in launch._translators[before:]:
            QCoreApplication.removeTranslator(translator)
            launch._translators.remove(translator)
        QLocale.setDefault(default)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_tab_and_dialog_fits_the_screen(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, _demo: Path, language: str, screen: str
) -> None:
    import shutil

    from msp_console.app import App

    size = SCREENS[screen]
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(_demo, path)
    app = App.open(f"sqlite:///{path}", upgrade_schema=False)
    try:
        window = catalog.demo_window(app, (size[0], size[1] - TITLE_AND_TASKBAR))  # maximised
        qtbot.addWidget(window)
        missing: list[str] = []
        found, seen = [], 0
        for shown in catalog.screens(window, missing):
            seen += 1
            found += misfits(shown, size)
        window.close()
        catalog.settle()
    finally:
        app.close()
    assert not missing, f"these dialogs did not open: {missing}"
    assert seen > 30, f"only {seen} tabs and dialogs were opened"
    assert not found, f"{len(found)} thing(s) do not fit at {screen} in {language}:\n" + "\n".join(found)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_week_view_shows_all_seven_days(qtbot, app, screen: str) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.scheduling.feature import feature_of

    width, height = SCREENS[screen]
    window = catalog.demo_window(app, (width, height - TITLE_AND_TASKBAR))
    qtbot.addWidget(window)
    feature = feature_of(window)
    feature.bring(feature.calendar)
    feature.calendar.set_mode("week")
    catalog.settle()
    grid = feature.calendar.grid
    assert grid.isVisible() and grid.days == 7
    assert _cut_by_ancestors(grid.viewport()) == 0, "the grid's right side (Sunday) is scrolled away"
    day = grid._col_width()
    assert day >= 80, f"a day is {day:.0f} px wide: its appointments cannot be read"
    assert grid._x(6) + day <= grid.viewport().width() + 1, "Sunday ends past the grid's right edge"


def _tab_chain(dialog: QWidget) -> list[QWidget]:
    """The fields Tab visits in the dialog, in order (the OK/Cancel row left out)."""
    out: list[QWidget] = []
    seen: set[int] = set()
    widget = dialog.nextInFocusChain()
    while widget is not dialog and id(widget) not in seen:
        seen.add(id(widget))
        takes_tab = bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)
        if (
            widget.window() is dialog
            and widget.isVisible()
            and widget.isEnabled()
            and takes_tab
            and not isinstance(widget.parentWidget(), QDialogButtonBox)
        ):
            out.append(widget)
        widget = widget.nextInFocusChain()
    return out


def test_tab_goes_down_each_form(qtbot, tmp_path: Path, _demo: Path) -> None:  # type: ignore[no-untyped-def]
    """In every dialog Tab moves to the next field down (or to the right on the same row), never
    back up the form."""
    import shutil

    from msp_console.app import App

    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(_demo, path)
    app = App.open(f"sqlite:///{path}", upgrade_schema=False)
    backwards = []
    try:
        window = catalog.demo_window(app, (1366, 768 - TITLE_AND_TASKBAR))
        qtbot.addWidget(window)
        for shown in catalog.dialogs(window):
            places = [(w.mapTo(shown.widget, QPoint(0, 0)), w) for w in _tab_chain(shown.widget)]
            for (here, a), (there, b) in pairwise(places):
                if there.y() < here.y() - 8 or (abs(there.y() - here.y()) <= 8 and there.x() < here.x()):
                    backwards.append(f"{shown.name}: {_where(a)} → {_where(b)} goes back up")
        window.close()
        catalog.settle()
    finally:
        app.close()
    assert not backwards, "\n".join(backwards)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_status_bar_keeps_its_labels_whole(qtbot, app, screen: str) -> None:  # type: ignore[no-untyped-def]
    """A long polling status (a last error) is cut with … and whole in its tooltip; the counts
    and the database beside it keep their full text."""
    width, height = SCREENS[screen]
    window = catalog.demo_window(app, (width, height - TITLE_AND_TASKBAR))
    qtbot.addWidget(window)
    error = "last error: connection refused by the database server at db.example.invalid:5432 " * 3
    window.set_polling_status(f"polling running · 1240 checks/min · 3 failed writes · {error}")
    catalog.settle()
    bar = window.statusBar()
    for label in (window.counts_label, window.polling_label, window.db_label):
        assert label.width() >= label.sizeHint().width(), f"{label.text()!r} is cut"
        assert label.geometry().right() <= bar.width(), f"{label.text()!r} is off the status bar"
    assert window.polling_label.text().endswith("…")
    assert error.strip() in window.polling_label.toolTip()


def test_a_layout_saved_before_the_new_split_is_not_restored(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    """A technician whose window remembered the old split (tree 46 %, the task tabs squeezed on a
    laptop) gets the new default once; the layout saved from then on is restored as before."""
    from msp_console.ui.main_window import MainWindow
    from msp_console.ui.ui_settings import ui_settings

    def opened() -> MainWindow:
        window = MainWindow(app)
        qtbot.addWidget(window)
        window.resize(1366, 768 - TITLE_AND_TASKBAR)
        window.show()
        catalog.settle()
        return window

    first = opened()
    first.resizeDocks([first.tree_dock], [700], Qt.Orientation.Horizontal)  # as the old default did
    catalog.settle()
    first.close()  # saves its layout
    settings = ui_settings()
    settings.remove("window/layout")  # as a version before the new split saved it
    settings.sync()

    again = opened()
    assert again.tree_dock.width() < 500, "the old squeezed layout came back"
    again.resizeDocks([again.tree_dock], [420], Qt.Orientation.Horizontal)  # the technician's choice
    catalog.settle()
    chosen = again.tree_dock.width()
    again.close()  # saves it, marked with the present layout

    last = opened()
    assert abs(last.tree_dock.width() - chosen) <= 8, "the layout saved with the new split is restored"
    last.close()
