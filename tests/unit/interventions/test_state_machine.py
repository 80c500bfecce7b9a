"""Every move of the intervention life cycle: the allowed ones pass, all the others are refused."""

from __future__ import annotations

import itertools

import pytest

from msp_console.domain.errors import ValidationError
from msp_console.domain.intervention_state import (
    ALLOWED,
    InterventionState,
    TransitionRefused,
    check_transition,
    parse_priority,
    parse_state,
)

S = InterventionState

EXPECTED_ALLOWED = {
    (S.OPEN, S.CONTACTED),
    (S.OPEN, S.SCHEDULED),
    (S.OPEN, S.IN_PROGRESS),
    (S.OPEN, S.WAITING_FOR_CLIENT),
    (S.OPEN, S.CLOSED),
    (S.CONTACTED, S.SCHEDULED),
    (S.CONTACTED, S.IN_PROGRESS),
    (S.CONTACTED, S.WAITING_FOR_CLIENT),
    (S.CONTACTED, S.CLOSED),
    (S.SCHEDULED, S.CONTACTED),
    (S.SCHEDULED, S.IN_PROGRESS),
    (S.SCHEDULED, S.WAITING_FOR_CLIENT),
    (S.SCHEDULED, S.CLOSED),
    (S.IN_PROGRESS, S.SCHEDULED),
    (S.IN_PROGRESS, S.AWAITING_CHECK),
    (S.IN_PROGRESS, S.WAITING_FOR_CLIENT),
    (S.IN_PROGRESS, S.CLOSED),
    (S.AWAITING_CHECK, S.CLOSED),
    (S.AWAITING_CHECK, S.REOPENED),
    (S.AWAITING_CHECK, S.SCHEDULED),
    (S.AWAITING_CHECK, S.WAITING_FOR_CLIENT),
    (S.WAITING_FOR_CLIENT, S.CONTACTED),
    (S.WAITING_FOR_CLIENT, S.SCHEDULED),
    (S.WAITING_FOR_CLIENT, S.IN_PROGRESS),
    (S.WAITING_FOR_CLIENT, S.CLOSED),
    (S.REOPENED, S.CONTACTED),
    (S.REOPENED, S.SCHEDULED),
    (S.REOPENED, S.IN_PROGRESS),
    (S.REOPENED, S.WAITING_FOR_CLIENT),
    (S.REOPENED, S.CLOSED),
    (S.CLOSED, S.REOPENED),
}
ALL_PAIRS = list(itertools.product(S, S))


def test_the_table_is_exactly_the_documented_one() -> None:
    actual = {(a, b) for a, targets in ALLOWED.items() for b in targets}
    assert actual == EXPECTED_ALLOWED
    assert set(ALLOWED) == set(S)


@pytest.mark.parametrize(("source", "target"), sorted(EXPECTED_ALLOWED))
def test_allowed_transition_passes(source: S, target: S) -> None:
    check_transition(source, target)


@pytest.mark.parametrize(("source", "target"), [p for p in ALL_PAIRS if p not in EXPECTED_ALLOWED])
def test_refused_transition_names_the_states_and_the_options(source: S, target: S) -> None:
    with pytest.raises(TransitionRefused) as err:
        check_transition(source, target)
    message = str(err.value)
    assert f"from {source.value} to {target.value}" in message
    assert isinstance(err.value, ValidationError)  # the CLI maps it to exit code 1


def test_closed_only_reopens_and_nothing_closes_twice() -> None:
    assert ALLOWED[S.CLOSED] == {S.REOPENED}
    with pytest.raises(TransitionRefused, match="allowed: reopened"):
        check_transition(S.CLOSED, S.CLOSED)


def test_parsing_states_and_priorities_gives_clear_errors() -> None:
    assert parse_state(" Awaiting_Check ") is S.AWAITING_CHECK
    assert parse_priority("p1").value == "P1"
    with pytest.raises(ValidationError, match="state: unknown state 'done'"):
        parse_state("done")
    with pytest.raises(ValidationError, match="priority: unknown priority 'P9'"):
        parse_priority("P9")
