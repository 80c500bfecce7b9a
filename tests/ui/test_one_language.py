"""One language on screen: the demo window in Italian shows no English word and no internal
identifier on any tab or dialog; in English, no Italian word of the interface and no identifier.

Every tab is brought forward and every dialog reachable from the menus, the toolbar and the tabs'
buttons is opened (tests/ui/screen_catalog.py); every readable text of every visible widget is read
(tests/ui/visible_texts.py). A failure names the widget and the text.

The English words are the ones found on the Italian screens before this test existed (the raw
values of outcomes, protocols, credential modes, check types; the status bar; column headers;
key names; plural-less counts). Names typed by people (clients, machines, titles, notes) and what
a monitored machine printed stay as they are: they are data, not the interface.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDockWidget

from tests.ui import screen_catalog as catalog
from tests.ui.test_translations import _language
from tests.ui.visible_texts import Text, widget_texts

pytestmark = pytest.mark.ui

SIZE = (1366, 768)

# English found on the Italian window (and close relatives), as whole words, any case; not the
# words a monitored machine prints ("no reply (3 of 3 packets lost)" is the machine's, not ours)
ENGLISH = [
    "output",
    "result",
    "outbound",
    "inbound",
    "call",
    "calls",
    "polling",
    "running",
    "starting",
    "simulator",
    "reached",
    "follow",
    "scheduled",
    "appointment",
    "appointments",
    "session",
    "sessions",
    "opened",
    "default",
    "none",
    "profile",
    "prompt",
    "shared",
    "custom",
    "count",
    "port",
    "terminal",
    "viewer",
    "warn",
    "crit",
    "enter",
    "return",
    "page",
    "pages",
    "document",
    "documents",
    "draft",
    "drafts",
    "failed",
    "done",
    "breached",
    "again",
    "retry",
    "answer",
    "later",
    "still",
    "broken",
    "critical",
    "warning",
    "unknown",
    "unreachable",
    "pending",
    "paused",
    "met",
]

# Italian words of the interface that have no business on the English window (demo data excluded:
# the demo's clients, titles and invoice lines are Italian in both languages)
ITALIAN = [
    "cliente",
    "clienti",
    "macchina",
    "macchine",
    "intervento",
    "interventi",
    "appuntamento",
    "appuntamenti",
    "richiamata",
    "fattura",
    "fatture",
    "controllo",
    "controlli",
    "problemi",
    "chiamata",
    "salva",
    "annulla",
    "impostazioni",
    "aperto",
    "chiuso",
    "sedi",
    "bozza",
    "bozze",
    "oggi",
    "nuovo",
    "nuova",
    "modifica",
    "elimina",
    "avviso",
    "critico",
    "pagina",
    "pagine",
    "documenti",
    "della",
    "delle",
]

IDENTIFIER = re.compile(r"\b[a-z]+_[a-z_]+\b")  # snake_case: a stored value or a field name
UNTRANSLATED_PLURAL = re.compile(r"\w\(s\)")  # "1 page(s)": a %n text without its plural forms
NOT_WORDS = re.compile(r"\S*[/@\\]\S*")  # paths, URLs and e-mail addresses are not words


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)


def _walk(window) -> Iterator[Text]:  # type: ignore[no-untyped-def]
    """Every tab and dialog, then what only shows with a selection: an intervention's timeline,
    the Sessions pane, and the status bar's polling text as the engine words it."""
    missing: list[str] = []
    for shown in catalog.screens(window, missing):
        yield from widget_texts(shown.widget, shown.name)
    assert not missing, f"dialogs that did not open: {missing}"
    from msp_console.ui.views_registry import show_view

    for intervention in (2, 5):  # a call and its retry; a whole loop with a session
        show_view(window, f"intervention:{intervention}")
        catalog.settle()
        yield from widget_texts(window, f"intervention #{intervention}")
    sessions = window.findChild(QDockWidget, "sessionsDock")
    assert sessions is not None
    sessions.show()
    sessions.raise_()
    catalog.settle()
    yield from widget_texts(sessions, "Sessions pane")
    host = window.monitoring.controller.host
    yield Text("status bar polling text", host.describe(12))


def _offences(window, words: re.Pattern[str]) -> list[str]:  # type: ignore[no-untyped-def]
    found: dict[tuple[str, str], str] = {}
    for t in _walk(window):
        text = NOT_WORDS.sub(" ", t.text)
        hit = words.search(text) or IDENTIFIER.search(text)
        if hit:
            found.setdefault((hit.group(0), t.text), t.where)
    return [f"{word!r} in {text!r} — {where}" for (word, text), where in sorted(found.items())]


@pytest.fixture
def demo(tmp_path: Path):  # type: ignore[no-untyped-def]
    app = catalog.demo_app(tmp_path / "demo.sqlite3")
    try:
        yield app
    finally:
        catalog.settle()
        app.close()


def _window(qtbot, app):  # type: ignore[no-untyped-def]
    window = catalog.demo_window(app, SIZE)
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize(
    ("language", "foreign", "what"),
    [("it", ENGLISH, "English"), ("en", ITALIAN, "Italian")],
    ids=["italian-window", "english-window"],
)
def test_the_window_speaks_one_language_and_shows_no_identifiers(  # type: ignore[no-untyped-def]
    qtbot, demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, foreign: list[str], what: str
) -> None:
    wrong = re.compile(f"{_words(foreign).pattern}|{UNTRANSLATED_PLURAL.pattern}", re.IGNORECASE)
    with _language(tmp_path, monkeypatch, language):
        offences = _offences(_window(qtbot, demo), wrong)
    assert not offences, f"{what} or internal words on the {language} window:\n" + "\n".join(offences)
