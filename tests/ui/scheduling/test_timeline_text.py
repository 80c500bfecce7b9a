"""Timeline lines are stored as a code + values and worded in the reader's language; old rows keep
their text. The demo's timelines read as Italian under --language it, with no stored identifier."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from msp_console.app import App
from msp_console.services.interventions.views import TimelineEntry
from msp_console.ui.scheduling.timeline_text import TEMPLATES, timeline_text
from tests.ui.test_translations import _language

ROME = ZoneInfo("Europe/Rome")
AT = datetime(2026, 11, 27, 8, 20, tzinfo=UTC)


def _call() -> TimelineEntry:
    return TimelineEntry(
        AT,
        "call",
        "outbound call with Davide: no_answer — voicemail",
        code="call_outbound",
        params={"who": "Davide", "outcome": "no_answer", "note": "voicemail"},
    )


def _retry() -> TimelineEntry:
    return TimelineEntry(
        AT,
        "call",
        "retry call scheduled for 2026-11-27 10:00",
        code="task_retry",
        params={"due": "2026-11-27T09:00:00+00:00"},
    )


def test_codes_are_worded_in_english_with_local_times(qapp) -> None:  # type: ignore[no-untyped-def]
    assert timeline_text(_call(), ROME) == "Call to Davide: No answer — voicemail"
    retry = timeline_text(_retry(), ROME)
    assert retry.startswith("Call again scheduled for ") and "10:00" in retry  # UTC 09:00 in Rome
    session = TimelineEntry(
        AT,
        "session",
        "rdp session to srv-01, 35 min, exit 0",
        code="session",
        params={"protocol": "rdp", "machine": "srv-01", "minutes": 35, "exit_code": 0},
    )
    assert timeline_text(session, ROME) == "RDP session to srv-01, 35 min, exit code 0"


def test_a_row_written_before_codes_keeps_its_text(qapp) -> None:  # type: ignore[no-untyped-def]
    old = TimelineEntry(AT, "call", "outbound call with Davide: reached")
    assert timeline_text(old, ROME) == "outbound call with Davide: reached"
    moved = TimelineEntry(AT, "state", "open → contacted: client reached", "open", "contacted")
    assert timeline_text(moved, ROME) == "Open → Contacted — client reached"


def test_codes_are_worded_in_italian(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    with _language(tmp_path, monkeypatch, "it"):
        assert timeline_text(_call(), ROME) == "Chiamata a Davide: Nessuna risposta — voicemail"
        assert timeline_text(_retry(), ROME) == "Nuovo tentativo di chiamata previsto per 27/11/2026 10:00"
        moved = TimelineEntry(
            AT,
            "state",
            "open → contacted: client reached",
            "open",
            "contacted",
            code="state",
            params={"note": "client reached"},
        )
        assert timeline_text(moved, ROME) == "Aperto → Contattato — cliente raggiunto"


SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")


def test_every_demo_timeline_line_is_italian(qapp, demo_app: App, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from msp_console.services.interventions import Scheduling

    sc = Scheduling(demo_app.db)
    entries = [e for s in sc.interventions.list() for e in sc.interventions.timeline(s.id)]
    assert {e.code for e in entries if e.kind != "note" and e.kind != "time"} - {""} <= {*TEMPLATES, "state"}
    assert all(e.code for e in entries if e.kind not in ("note", "time")), (
        "every service-written line has a code"
    )
    with _language(tmp_path, monkeypatch, "it"):
        texts = [timeline_text(e, ROME) for e in entries]
    english = re.compile(r"\b(call|scheduled|appointment|session|reached|outbound|opened|done|work)\b", re.I)
    wrong = [t for t in texts if SNAKE.search(t) or english.search(t)]
    assert not wrong, wrong


def test_a_refusal_of_the_services_is_told_in_italian(
    qapp, demo_app: App, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from msp_console.domain.errors import ValidationError
    from msp_console.services.interventions import Scheduling
    from msp_console.ui.scheduling.service_errors import error_text

    sc = Scheduling(demo_app.db)
    closed = next(s for s in sc.interventions.list() if s.state == "closed")
    refusals = []
    for attempt in (
        lambda: sc.interventions.add_note(closed.id, "   "),
        lambda: sc.interventions.transition(closed.id, "in_progress"),
    ):
        with pytest.raises(ValidationError) as caught:
            attempt()
        refusals.append(caught.value)
    assert "the note is empty" in str(refusals[0])  # the CLI's words stay English
    with _language(tmp_path, monkeypatch, "it"):
        texts = [error_text(e) for e in refusals]
    assert texts[0] == "• la nota è vuota"
    assert texts[1].startswith("• un intervento non può passare da “Chiuso” a “In corso” (possibili: ")
    assert not any(SNAKE.search(t) for t in texts), texts
