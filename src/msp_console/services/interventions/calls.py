"""The call log: two keystrokes to record a call, and the calls still to make (retries, follow-ups)."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.db.base import utcnow
from msp_console.db.models import CallLog, CallTask, Client, Contact
from msp_console.domain.errors import ValidationError
from msp_console.domain.intervention_state import InterventionState
from msp_console.services.database import Database
from msp_console.services.interventions.core import (
    add_event,
    close_tasks,
    get_client,
    get_intervention,
    in_business_time,
    move,
    respond,
)
from msp_console.services.interventions.settings import load_settings
from msp_console.services.interventions.views import CallResult, CallTaskView

S = InterventionState


class Outcome(StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    CALL_BACK_LATER = "call_back_later"
    ALL_OK = "all_ok"  # follow-up: the fix held
    STILL_BROKEN = "still_broken"  # follow-up: needs another appointment


class Direction(StrEnum):
    OUTBOUND = "outbound"
    INBOUND = "inbound"


REACHED = {Outcome.REACHED, Outcome.ALL_OK, Outcome.STILL_BROKEN, Outcome.CALL_BACK_LATER}


def parse_outcome(text: str) -> Outcome:
    try:
        return Outcome(text.strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        raise ValidationError.single(
            "outcome", f"unknown outcome {text!r} (one of: {', '.join(o.value for o in Outcome)})"
        ) from None


class Calls:
    def __init__(self, db: Database):
        self.db = db

    def log(
        self,
        client_id: int,
        outcome: Outcome | str,
        *,
        intervention_id: int | None = None,
        contact_id: int | None = None,
        contact_name: str = "",
        direction: Direction | str = "outbound",
        note: str = "",
        call_back_at: datetime | None = None,
        now: datetime | None = None,
    ) -> CallResult:
        now = now or utcnow()
        result = parse_outcome(str(outcome))
        try:
            way = Direction(direction)
        except ValueError:
            raise ValidationError.single("direction", "direction is inbound or outbound") from None
        with self.db.transaction() as s:
            settings = load_settings(s)
            tz = settings.calendar().tz
            client = get_client(s, client_id)
            contact = s.get(Contact, contact_id) if contact_id else None
            if contact_id and (contact is None or contact.client_id != client_id):
                raise ValidationError.single("contact", f"contact {contact_id} is not one of {client.name}'s")
            iv = get_intervention(s, intervention_id, lock=True) if intervention_id else None
            if iv is not None and iv.client_id != client_id:
                raise ValidationError.single(
                    "intervention", "the intervention belongs to another client", "call.other_client"
                )
            if result in (Outcome.ALL_OK, Outcome.STILL_BROKEN) and (
                iv is None or iv.state not in (S.AWAITING_CHECK.value, S.IN_PROGRESS.value)
            ):
                raise ValidationError.single(
                    "outcome",
                    f"{result.value} is the answer to a follow-up call on an intervention awaiting its check",
                    "call.follow_up_answer",
                )
            is_follow_up = iv is not None and iv.state == S.AWAITING_CHECK.value
            call = CallLog(
                client_id=client_id,
                intervention_id=iv.id if iv else None,
                contact_id=contact.id if contact else None,
                contact_name=contact.name if contact else contact_name.strip(),
                phone=(contact.phone or contact.mobile) if contact else client.phone,
                direction=way.value,
                outcome=result.value,
                note=note.strip(),
                at=now,
                follow_up=is_follow_up,
            )
            s.add(call)
            s.flush()
            task_id: int | None = None
            needs_appointment = False
            if iv is not None:
                who = call.contact_name or client.name
                add_event(
                    s,
                    iv,
                    now,
                    "call",
                    f"{way.value} call with {who}: {result.value}" + (f" — {call.note}" if call.note else ""),
                    ref_id=call.id,
                    code=f"call_{way.value}",
                    params={"who": who, "outcome": result.value, "note": call.note},
                )
            if result is Outcome.NO_ANSWER:
                task_id = self._task(
                    s,
                    client_id,
                    iv.id if iv else None,
                    "retry",
                    in_business_time(settings, now + timedelta(minutes=settings.retry_minutes)),
                    f"Call again: {call.contact_name or client.name}",
                    now,
                    tz,
                )
            elif result is Outcome.CALL_BACK_LATER:
                due = call_back_at or now + timedelta(minutes=settings.retry_minutes)
                task_id = self._task(
                    s,
                    client_id,
                    iv.id if iv else None,
                    "call_back",
                    in_business_time(settings, due),
                    note or "Call back",
                    now,
                    tz,
                )
            if iv is not None and result in REACHED:
                respond(iv, now)
                close_tasks(
                    s,
                    iv.id,
                    now,
                    ("retry", "call_back") if result is not Outcome.CALL_BACK_LATER else ("retry",),
                )
                if result is Outcome.ALL_OK:
                    close_tasks(s, iv.id, now, ("follow_up",))
                    if iv.state == S.IN_PROGRESS.value:
                        move(s, iv, S.AWAITING_CHECK, now, settings, "checked with the client")
                    move(s, iv, S.CLOSED, now, settings, "follow-up call: all OK")
                elif result is Outcome.STILL_BROKEN:
                    close_tasks(s, iv.id, now, ("follow_up",))
                    if iv.state == S.IN_PROGRESS.value:
                        move(s, iv, S.AWAITING_CHECK, now, settings, "checked with the client")
                    move(s, iv, S.REOPENED, now, settings, "follow-up call: still broken")
                    needs_appointment = True
                elif iv.state in (S.OPEN.value, S.REOPENED.value, S.WAITING_FOR_CLIENT.value):
                    move(s, iv, S.CONTACTED, now, settings, "client reached")
            return CallResult(call.id, task_id, iv.state if iv else None, needs_appointment)

    @staticmethod
    def _task(
        s: Session,
        client_id: int,
        intervention_id: int | None,
        kind: str,
        due: datetime,
        note: str,
        now: datetime,
        tz: ZoneInfo,
    ) -> int:
        task = CallTask(
            client_id=client_id, intervention_id=intervention_id, kind=kind, due_at=due, note=note
        )
        s.add(task)
        s.flush()
        if intervention_id is not None:
            add_event(
                s,
                get_intervention(s, intervention_id),
                now,
                "call",
                f"{kind.replace('_', ' ')} call scheduled for {due.astimezone(tz):%Y-%m-%d %H:%M}",
                ref_id=task.id,
                code=f"task_{kind}",
                params={"due": due.isoformat()},
            )
        return task.id

    def complete_task(self, task_id: int, *, now: datetime | None = None) -> None:
        with self.db.transaction() as s:
            task = s.get(CallTask, task_id)
            if task is None:
                raise ValidationError.single("task", f"call task {task_id} not found")
            task.done_at = task.done_at or now or utcnow()

    def due(self, until: datetime, *, include_done: bool = False) -> list[CallTaskView]:
        """Calls to make up to `until` (retries, call-backs and follow-ups), oldest first."""
        with self.db.read() as s:
            stmt = (
                select(CallTask, Client)
                .join(Client, Client.id == CallTask.client_id)
                .where(CallTask.due_at <= until)
            )
            if not include_done:
                stmt = stmt.where(CallTask.done_at.is_(None))
            out = []
            for task, client in s.execute(stmt.order_by(CallTask.due_at, CallTask.id)):
                out.append(
                    CallTaskView(
                        task.id,
                        task.kind,
                        client.id,
                        client.name,
                        task.intervention_id,
                        task.due_at,
                        client.phone,
                        task.note,
                    )
                )
            return out
