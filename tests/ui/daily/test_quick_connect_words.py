"""Quick connect (Ctrl+K) on the demo: words of client, site and machine, in any order, any case,
word starts; the list under the box shows the candidates; several matches are listed, not guessed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from msp_console.ui.remote.quick_connect import matches, resolve_machine
from tests.ui.daily.rows import BELLAVISTA, machine_id


def _connected(window, monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """What the window would connect to (the real connect starts a remote tool: not here)."""
    import msp_console.ui.remote.feature as feature

    seen: list[int] = []
    monkeypatch.setattr(feature, "connect", lambda _parent, _app, mid, *a, **k: seen.append(mid))
    return seen


def test_bell_dep_lists_the_bellavista_dependance_machines(qtbot, demo_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    quick = demo_window.quick_connect
    seen = _connected(demo_window, monkeypatch)
    box = demo_window.quick_find
    box.setFocus()
    qtbot.keyClicks(box, "bell dep")
    expected = [f"{BELLAVISTA} / Dependance / dep-ap", f"{BELLAVISTA} / Dependance / dep-pc"]
    assert sorted(quick.candidates()) == expected  # the list under the box, as typed
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert seen == []  # two machines: none picked for the user…
    assert "2" in quick.hint and "bell dep" in quick.hint  # …the box says so, and lists them
    assert sorted(quick.candidates()) == expected
    quick.completer.activated[str].emit(expected[1])  # picking one from the list connects to it
    assert seen == [machine_id(demo_window, "dep-pc")]
    assert box.text() == ""


def test_word_order_and_case_do_not_matter(qtbot, demo_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen = _connected(demo_window, monkeypatch)
    dep_pc = machine_id(demo_window, "dep-pc")
    paths = demo_window.quick_connect.paths
    for text in ("bell dep pc", "PC DEP BELL", "dependance hotel dep-pc", "Bellavista/dep-pc"):
        assert resolve_machine(paths, text) == dep_pc, text
    assert matches(paths, "ella dep") == []  # word starts, not any substring
    box = demo_window.quick_find
    box.setFocus()
    qtbot.keyClicks(box, "pc dep bell")
    assert demo_window.quick_connect.candidates() == [f"{BELLAVISTA} / Dependance / dep-pc"]
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert seen == [dep_pc]


def test_text_naming_no_machine_searches_the_tree(qtbot, demo_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen = _connected(demo_window, monkeypatch)
    box = demo_window.quick_find
    box.setText("127.10.0")  # an address: no machine's name, the tree search finds it
    demo_window.quick_connect.submit()
    assert seen == [] and demo_window.tree.search.text() == "127.10.0"
