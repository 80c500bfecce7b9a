"""Intervention use cases: open, move through the states, notes, time, sessions, returning problems."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.db.base import utcnow
from msp_console.db.models import (
    Client,
    Intervention,
    InterventionEvent,
    InterventionMachine,
    Machine,
    SessionLog,
)
from msp_console.domain.errors import FieldError, NotFoundError, ValidationError
from msp_console.domain.intervention_state import (
    ALLOWED,
    InterventionState,
    Origin,
    Priority,
    parse_priority,
    parse_state,
)
from msp_console.services.database import Database
from msp_console.services.interventions import sla_service
from msp_console.services.interventions.core import add_event, check_ref, get_client, get_intervention, move
from msp_console.services.interventions.settings import SchedulingSettings, load_settings, save_settings
from msp_console.services.interventions.views import (
    InterventionSummary,
    InterventionView,
    TimelineEntry,
)

S = InterventionState
ACTIVE = tuple(s.value for s in InterventionState if s is not S.CLOSED)


class Interventions:
    def __init__(self, db: Database):
        self.db = db

    # -- writing --------------------------------------------------------------------------
    def open(
        self,
        client_id: int,
        title: str,
        *,
        machine_ids: Iterable[int] = (),
        description: str = "",
        origin: Origin | str = Origin.CLIENT_CALL,
        check_ref: str = "",
        priority: Priority | str = Priority.P3,
        now: datetime | None = None,
    ) -> int:
        now = now or utcnow()
        errors: list[FieldError] = []
        if not title.strip():
            errors.append(FieldError("title", "an intervention needs a title", code="intervention.no_title"))
        try:
            origin = Origin(origin)
        except ValueError:
            errors.append(
                FieldError("origin", f"unknown origin {origin!r} (monitoring, client_call, planned)")
            )
        try:
            prio = parse_priority(str(priority))
        except ValidationError as exc:
            errors.extend(exc.errors)
        if errors:
            raise ValidationError(errors)
        with self.db.transaction() as s:
            client = get_client(s, client_id)
            machines = self._machines(s, client, machine_ids)
            plan = sla_service.plan_for_client(s, client_id)
            iv = Intervention(
                client_id=client_id,
                title=title.strip(),
                description=description,
                origin=Origin(origin).value,
                check_ref=check_ref.strip(),
                priority=prio.value,
                state=S.OPEN.value,
                sla_plan=plan.name,
                opened_at=now,
            )
            s.add(iv)
            s.flush()
            iv.machines.extend(InterventionMachine(intervention_id=iv.id, machine_id=m.id) for m in machines)
            add_event(
                s,
                iv,
                now,
                "state",
                f"opened ({Origin(origin).value}, {prio.value})",
                to_state=S.OPEN.value,
                code="opened",
                params={"origin": Origin(origin).value, "priority": prio.value},
            )
            sla_service.refresh(s, iv, load_settings(s).calendar(), now)
            return iv.id

    @staticmethod
    def _machines(s: Session, client: Client, ids: Iterable[int]) -> list[Machine]:
        out = []
        for mid in dict.fromkeys(ids):
            m = s.get(Machine, mid)
            if m is None or m.client_id != client.id:
                raise ValidationError.single("machine", f"machine {mid} is not one of {client.name}'s")
            out.append(m)
        return out

    def transition(
        self,
        intervention_id: int,
        target: InterventionState | str,
        *,
        note: str = "",
        now: datetime | None = None,
    ) -> str:
        now = now or utcnow()
        with self.db.transaction() as s:
            iv = get_intervention(s, intervention_id, lock=True)
            move(s, iv, parse_state(str(target)), now, load_settings(s), note)
            return iv.state

    def close(self, intervention_id: int, *, note: str = "", now: datetime | None = None) -> str:
        return self.transition(intervention_id, S.CLOSED, note=note, now=now)

    def add_note(self, intervention_id: int, text: str, *, now: datetime | None = None) -> None:
        if not text.strip():
            raise ValidationError.single("note", "the note is empty", "intervention.empty_note")
        with self.db.transaction() as s:
            add_event(s, get_intervention(s, intervention_id), now or utcnow(), "note", text.strip())

    def log_time(
        self, intervention_id: int, minutes: int, note: str = "", *, now: datetime | None = None
    ) -> None:
        if minutes <= 0:
            raise ValidationError.single(
                "minutes", "time spent must be a positive number of minutes", "intervention.minutes"
            )
        with self.db.transaction() as s:
            add_event(
                s,
                get_intervention(s, intervention_id),
                now or utcnow(),
                "time",
                f"{minutes} min" + (f": {note}" if note else ""),
                minutes=minutes,
            )

    def link_session(
        self,
        intervention_id: int | None,
        *,
        machine_id: int | None,
        protocol: str,
        started: datetime,
        ended: datetime | None = None,
        exit_code: int | None = None,
        note: str = "",
    ) -> int:
        """Records a remote session (the launcher calls this) and puts it on the timeline.

        An intervention that was scheduled moves to in_progress when its session starts.
        """
        if ended is not None and ended < started:
            raise ValidationError.single("ended", "the session ends before it starts", "session.ends_first")
        with self.db.transaction() as s:
            row = SessionLog(
                machine_id=machine_id,
                intervention_id=intervention_id,
                protocol=protocol,
                started_at=started,
                ended_at=ended,
                exit_code=exit_code,
                note=note,
            )
            s.add(row)
            s.flush()
            if intervention_id is not None:
                iv = get_intervention(s, intervention_id, lock=True)
                add_event(
                    s,
                    iv,
                    started,
                    "session",
                    _session_summary(s, row),
                    ref_id=row.id,
                    code="session",
                    params=_session_params(s, row),
                )
                if iv.state in (S.SCHEDULED.value, S.CONTACTED.value, S.OPEN.value, S.REOPENED.value):
                    move(s, iv, S.IN_PROGRESS, started, load_settings(s), "remote session started")
            return row.id

    def end_session(self, session_id: int, *, ended: datetime, exit_code: int | None = None) -> None:
        """The launcher calls this when the remote tool exits; the timeline line is completed."""
        with self.db.transaction() as s:
            row = s.get(SessionLog, session_id)
            if row is None:
                raise NotFoundError(f"session {session_id} not found")
            if ended < row.started_at:
                raise ValidationError.single(
                    "ended", "the session ends before it starts", "session.ends_first"
                )
            row.ended_at, row.exit_code = ended, exit_code
            event = s.scalar(
                select(InterventionEvent).where(
                    InterventionEvent.kind == "session", InterventionEvent.ref_id == session_id
                )
            )
            if event is not None:
                event.summary = _session_summary(s, row)
                if event.code:
                    event.params = _session_params(s, row)

    def problem_returned(
        self, client_id: int, machine_id: int | None, check_ref: str, now: datetime | None = None
    ) -> int | None:
        """Monitoring calls this when a problem shows up again.

        Returns the intervention now handling it: an active one for the same check, or a closed
        one reopened because it was closed less than N days ago; None if a new one is needed.
        """
        now = now or utcnow()
        with self.db.transaction() as s:
            settings = load_settings(s)
            stmt = select(Intervention).where(
                Intervention.client_id == client_id, Intervention.check_ref == check_ref
            )
            if machine_id is not None:
                stmt = stmt.join(InterventionMachine).where(InterventionMachine.machine_id == machine_id)
            candidates = list(s.scalars(stmt.order_by(Intervention.opened_at.desc())))
            for iv in candidates:
                if iv.state != S.CLOSED.value:
                    return iv.id
            for iv in candidates:
                if iv.closed_at and now - iv.closed_at <= timedelta(days=settings.reopen_days):
                    move(s, iv, S.REOPENED, now, settings, "the problem came back")
                    return iv.id
            return None

    def refresh_sla(self, now: datetime | None = None) -> list[tuple[int, str]]:
        """Records breaches of every active intervention (a scheduler job calls it)."""
        now = now or utcnow()
        out: list[tuple[int, str]] = []
        with self.db.transaction() as s:
            cal = load_settings(s).calendar()
            for iv in s.scalars(select(Intervention).where(Intervention.state.in_(ACTIVE))):
                out.extend((iv.id, name) for name in sla_service.refresh(s, iv, cal, now))
        return out

    # -- reading --------------------------------------------------------------------------
    def list(
        self, *, state: str | None = None, client_id: int | None = None, active_only: bool = False
    ) -> list[InterventionSummary]:
        with self.db.read() as s:
            stmt = select(Intervention, Client.name).join(Client, Client.id == Intervention.client_id)
            if state:
                stmt = stmt.where(Intervention.state == parse_state(state).value)
            if active_only:
                stmt = stmt.where(Intervention.state.in_(ACTIVE))
            if client_id is not None:
                stmt = stmt.where(Intervention.client_id == client_id)
            rows = s.execute(stmt.order_by(Intervention.opened_at.desc(), Intervention.id.desc())).all()
            return [
                InterventionSummary(
                    iv.id,
                    iv.client_id,
                    name,
                    iv.title,
                    iv.priority,
                    iv.state,
                    iv.origin,
                    iv.opened_at,
                    iv.closed_at,
                )
                for iv, name in rows
            ]

    def active_for_check(self, check_id: int) -> int | None:
        """The newest intervention still open about this monitoring check, if any."""
        with self.db.read() as s:
            return s.scalar(
                select(Intervention.id)
                .where(Intervention.check_ref == check_ref(check_id), Intervention.state.in_(ACTIVE))
                .order_by(Intervention.opened_at.desc(), Intervention.id.desc())
                .limit(1)
            )

    def show(self, intervention_id: int, now: datetime | None = None) -> InterventionView:
        now = now or utcnow()
        with self.db.read() as s:
            iv = get_intervention(s, intervention_id)
            client = s.get(Client, iv.client_id)
            machines = tuple(
                (m.id, m.name)
                for m in s.scalars(
                    select(Machine)
                    .join(InterventionMachine, InterventionMachine.machine_id == Machine.id)
                    .where(InterventionMachine.intervention_id == iv.id)
                    .order_by(Machine.name)
                )
            )
            cal = load_settings(s).calendar()
            return InterventionView(
                id=iv.id,
                client_id=iv.client_id,
                client_name=client.name if client else "",
                machines=machines,
                title=iv.title,
                description=iv.description,
                origin=iv.origin,
                check_ref=iv.check_ref,
                priority=iv.priority,
                state=iv.state,
                sla_plan=iv.sla_plan,
                opened_at=iv.opened_at,
                responded_at=iv.responded_at,
                closed_at=iv.closed_at,
                clocks=sla_service.clock_views(s, iv, cal, now),
                allowed_next=tuple(sorted(t.value for t in ALLOWED[S(iv.state)])),
                timeline=tuple(self._timeline(s, iv.id)),
            )

    def timeline(self, intervention_id: int) -> builtins.list[TimelineEntry]:
        with self.db.read() as s:
            get_intervention(s, intervention_id)
            return self._timeline(s, intervention_id)

    @staticmethod
    def _timeline(s: Session, intervention_id: int) -> builtins.list[TimelineEntry]:
        events = s.scalars(
            select(InterventionEvent)
            .where(InterventionEvent.intervention_id == intervention_id)
            .order_by(InterventionEvent.at, InterventionEvent.id)
        )
        return [
            TimelineEntry(
                e.at,
                e.kind,
                e.summary,
                e.from_state,
                e.to_state,
                e.ref_id,
                e.minutes,
                e.code or "",
                e.params or {},
            )
            for e in events
        ]

    def settings(self) -> SchedulingSettings:
        with self.db.read() as s:
            return load_settings(s)

    def update_settings(self, **changes: object) -> SchedulingSettings:
        """Business hours, reopen window, follow-up delay, reminders (validated, all or nothing)."""
        with self.db.transaction() as s:
            return save_settings(s, **changes)


def _session_summary(s: Session, row: SessionLog) -> str:
    machine = s.get(Machine, row.machine_id) if row.machine_id else None
    where = f" to {machine.name}" if machine else ""
    took = f", {int((row.ended_at - row.started_at).total_seconds() // 60)} min" if row.ended_at else ""
    code = f", exit {row.exit_code}" if row.exit_code is not None else ""
    return f"{row.protocol} session{where}{took}{code}"


def _session_params(s: Session, row: SessionLog) -> dict[str, Any]:
    machine = s.get(Machine, row.machine_id) if row.machine_id else None
    minutes = int((row.ended_at - row.started_at).total_seconds() // 60) if row.ended_at else None
    return {
        "protocol": row.protocol,
        "machine": machine.name if machine else "",
        "minutes": minutes,
        "exit_code": row.exit_code,
    }


def require_intervention(s: Session, intervention_id: int) -> Intervention:
    try:
        return get_intervention(s, intervention_id)
    except NotFoundError as exc:
        raise ValidationError.single("intervention", str(exc)) from None
