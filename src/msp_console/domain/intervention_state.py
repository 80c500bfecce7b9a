"""The intervention (ticket) life cycle: every allowed move is listed, everything else is refused."""

from __future__ import annotations

from enum import StrEnum

from msp_console.domain.errors import FieldError, ValidationError


class InterventionState(StrEnum):
    OPEN = "open"
    CONTACTED = "contacted"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    AWAITING_CHECK = "awaiting_check"
    CLOSED = "closed"
    WAITING_FOR_CLIENT = "waiting_for_client"
    REOPENED = "reopened"


class Priority(StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


class Origin(StrEnum):
    MONITORING = "monitoring"
    CLIENT_CALL = "client_call"
    PLANNED = "planned"


S = InterventionState

# The whole table, on purpose: a reviewer (and the tests) can read every legal move here.
ALLOWED: dict[InterventionState, frozenset[InterventionState]] = {
    S.OPEN: frozenset({S.CONTACTED, S.SCHEDULED, S.IN_PROGRESS, S.WAITING_FOR_CLIENT, S.CLOSED}),
    S.CONTACTED: frozenset({S.SCHEDULED, S.IN_PROGRESS, S.WAITING_FOR_CLIENT, S.CLOSED}),
    S.SCHEDULED: frozenset({S.CONTACTED, S.IN_PROGRESS, S.WAITING_FOR_CLIENT, S.CLOSED}),
    S.IN_PROGRESS: frozenset({S.SCHEDULED, S.AWAITING_CHECK, S.WAITING_FOR_CLIENT, S.CLOSED}),
    S.AWAITING_CHECK: frozenset({S.CLOSED, S.REOPENED, S.SCHEDULED, S.WAITING_FOR_CLIENT}),
    S.WAITING_FOR_CLIENT: frozenset({S.CONTACTED, S.SCHEDULED, S.IN_PROGRESS, S.CLOSED}),
    S.REOPENED: frozenset({S.CONTACTED, S.SCHEDULED, S.IN_PROGRESS, S.WAITING_FOR_CLIENT, S.CLOSED}),
    S.CLOSED: frozenset({S.REOPENED}),
}

# States in which the problem is considered handled (no clock running on the technician).
TERMINAL = frozenset({S.CLOSED})


class TransitionRefused(ValidationError):
    """The move is not in the table; the message says which moves are possible."""

    def __init__(self, source: InterventionState, target: InterventionState):
        self.source = source
        self.target = target
        options = ", ".join(sorted(s.value for s in ALLOWED[source])) or "none"
        super().__init__(
            [
                FieldError(
                    "state",
                    f"cannot go from {source.value} to {target.value} (allowed: {options})",
                    code="intervention.move",
                    params={"source": source.value, "target": target.value, "allowed": options},
                )
            ]
        )


def can_transition(source: InterventionState, target: InterventionState) -> bool:
    return target in ALLOWED[source]


def check_transition(source: InterventionState, target: InterventionState) -> None:
    if not can_transition(source, target):
        raise TransitionRefused(source, target)


def parse_state(text: str) -> InterventionState:
    try:
        return InterventionState(text.strip().lower())
    except ValueError:
        valid = ", ".join(s.value for s in InterventionState)
        raise ValidationError.single("state", f"unknown state {text!r} (one of: {valid})") from None


def parse_priority(text: str) -> Priority:
    try:
        return Priority(text.strip().upper())
    except ValueError:
        raise ValidationError.single("priority", f"unknown priority {text!r} (P1, P2, P3 or P4)") from None
