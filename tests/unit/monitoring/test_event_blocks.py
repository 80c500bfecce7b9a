"""A month of a check's state events packed into a block comes back column for column."""

from __future__ import annotations

from msp_console.db.event_blocks import PackedEvent, decode, decode_hard_states, encode
from msp_console.db.models.monitoring_history import join_output, split_output

T0 = 1_764_547_200_000_000  # 2025-12-01 00:00 UTC, in µs


def _event(i: int, output_id: int | None = 7, args: str = "") -> PackedEvent:
    problem = i % 2 == 0
    return PackedEvent(
        at_us=T0 + i * 21_601_234_567 + (i * 7919) % 1_000_000,  # irregular, to the microsecond
        kind=("hard_change", "soft_change", "flapping_start", "flapping_stop", "ack_cleared")[i % 5],
        state="CRITICAL" if problem else "OK",
        hard_state=("OK", "WARNING", "CRITICAL", "UNKNOWN", "UNREACHABLE", "PENDING")[i % 6],
        state_type="hard" if i % 3 else "soft",
        previous_state="OK" if problem else "WARNING",
        previous_hard_state=("PENDING", "OK", "UNKNOWN")[i % 3],
        attempt=i % 4 + 1,
        notify=i % 3 == 0,
        output_id=output_id,
        output_args=args,
    )


def test_every_column_of_a_month_comes_back() -> None:
    events = [_event(i, output_id=i % 9 + 1, args=f"{i * 0.37:.2f} {i}" if i % 4 else "") for i in range(124)]
    assert decode(encode(events)) == events


def test_an_empty_month_and_a_single_event() -> None:
    assert decode(encode([])) == []
    one = [_event(3, args="12.5")]
    assert decode(encode(one)) == one


def test_any_attempt_number_and_the_hard_states_alone() -> None:
    events = [_event(i)._replace(attempt=a) for i, a in enumerate((0, 1, 9, 300, 32767, -1))]
    blob = encode(events)
    assert decode(blob) == events
    assert decode_hard_states(blob) == [(e.at_us, e.hard_state) for e in events]


def test_events_without_output_row_or_numbers_keep_them_absent() -> None:
    events = [_event(0, output_id=None), _event(1, output_id=2, args=""), _event(2, output_id=None, args="")]
    back = decode(encode(events))
    assert [(e.output_id, e.output_args) for e in back] == [(None, ""), (2, ""), (None, "")]


def test_unicode_outputs_come_back_as_the_same_text() -> None:
    texts = [
        "disco C: 91.5 % usato — soglia 90 %",
        "TCP 10.0.0.5:443 aperto in 1.2 ms",
        "backup più vecchio di 26 h ✓",
        "nessuna risposta",
    ]
    templates: dict[str, int] = {}
    events = []
    for i, text in enumerate(texts):
        template, numbers = split_output(text)
        oid = templates.setdefault(template, len(templates) + 1)
        events.append(_event(i, output_id=oid, args=numbers))
    by_id = {oid: template for template, oid in templates.items()}
    back = decode(encode(events))
    assert [join_output(by_id[e.output_id], e.output_args) for e in back if e.output_id] == texts
