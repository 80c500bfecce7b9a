"""Interventions (tickets), their timeline, calls, tasks, appointments, remote sessions and SLA plans."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, exists, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from msp_console.db.base import Base, UTCDateTime, utcnow
from msp_console.db.client_history import register_history_probe


class SlaPlan(Base):
    __tablename__ = "sla_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    targets: Mapped[list[SlaPlanTarget]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="SlaPlanTarget.priority"
    )


class SlaPlanTarget(Base):
    __tablename__ = "sla_plan_target"
    __table_args__ = (UniqueConstraint("plan_id", "priority"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("sla_plan.id", ondelete="CASCADE"), index=True)
    priority: Mapped[str] = mapped_column(String(2))
    response_minutes: Mapped[int] = mapped_column(Integer)
    resolution_minutes: Mapped[int] = mapped_column(Integer)
    plan: Mapped[SlaPlan] = relationship(back_populates="targets")


class ClientSlaPlan(Base):
    """Which plan a client's interventions follow (the billing contract sets it by name)."""

    __tablename__ = "client_sla_plan"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("sla_plan.id", ondelete="RESTRICT"), index=True)


class Intervention(Base):
    __tablename__ = "intervention"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(20), default="client_call")
    check_ref: Mapped[str] = mapped_column(String(200), default="", index=True)
    priority: Mapped[str] = mapped_column(String(2), default="P3")
    state: Mapped[str] = mapped_column(String(20), default="open", index=True)
    sla_plan: Mapped[str] = mapped_column(String(100), default="")
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    response_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    resolution_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    response_breached_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    resolution_breached_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    machines: Mapped[list[InterventionMachine]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="InterventionMachine.machine_id"
    )
    events: Mapped[list[InterventionEvent]] = relationship(
        back_populates="intervention",
        cascade="all, delete-orphan",
        order_by="(InterventionEvent.at, InterventionEvent.id)",
    )


class InterventionMachine(Base):
    __tablename__ = "intervention_machine"

    intervention_id: Mapped[int] = mapped_column(
        ForeignKey("intervention.id", ondelete="CASCADE"), primary_key=True
    )
    machine_id: Mapped[int] = mapped_column(ForeignKey("machine.id", ondelete="CASCADE"), primary_key=True)


class InterventionEvent(Base):
    """One line of the timeline: a transition, call, appointment, session, note, time entry, breach."""

    __tablename__ = "intervention_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    intervention_id: Mapped[int] = mapped_column(
        ForeignKey("intervention.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(20))
    from_state: Mapped[str] = mapped_column(String(20), default="")
    to_state: Mapped[str] = mapped_column(String(20), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    ref_id: Mapped[int | None] = mapped_column(Integer, default=None)
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    author: Mapped[str] = mapped_column(String(100), default="")
    # what happened as a code + values, so each reader words it in its own language; rows
    # written before codes existed have none and keep showing `summary`
    code: Mapped[str | None] = mapped_column(String(40), default=None)
    params: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)

    intervention: Mapped[Intervention] = relationship(back_populates="events")


class CallLog(Base):
    __tablename__ = "call_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"), index=True)
    intervention_id: Mapped[int | None] = mapped_column(
        ForeignKey("intervention.id", ondelete="SET NULL"), index=True, default=None
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), default=None
    )
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    direction: Mapped[str] = mapped_column(String(10), default="outbound")
    outcome: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False)


class CallTask(Base):
    """A call to make: a retry after no answer, a call-back, or the follow-up after the work."""

    __tablename__ = "call_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"), index=True)
    intervention_id: Mapped[int | None] = mapped_column(
        ForeignKey("intervention.id", ondelete="CASCADE"), index=True, default=None
    )
    kind: Mapped[str] = mapped_column(String(20))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class Appointment(Base):
    """A calendar entry; a recurring series has `rrule`, an edited occurrence has `series_id`."""

    __tablename__ = "appointment"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(255), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"), index=True)
    machine_id: Mapped[int | None] = mapped_column(
        ForeignKey("machine.id", ondelete="SET NULL"), default=None
    )
    intervention_id: Mapped[int | None] = mapped_column(
        ForeignKey("intervention.id", ondelete="SET NULL"), index=True, default=None
    )
    title: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    on_site: Mapped[bool] = mapped_column(Boolean, default=False)
    technician: Mapped[str] = mapped_column(String(100), default="")
    start_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12), default="planned")
    rrule: Mapped[str] = mapped_column(String(500), default="")
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointment.id", ondelete="CASCADE"), index=True, default=None
    )
    recurrence_id: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    caldav_href: Mapped[str] = mapped_column(String(1000), default="")
    caldav_etag: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SessionLog(Base):
    """A remote session (SSH, RDP, VNC…) the launcher opened; linked to an intervention if any."""

    __tablename__ = "session_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    machine_id: Mapped[int | None] = mapped_column(
        ForeignKey("machine.id", ondelete="SET NULL"), index=True, default=None
    )
    intervention_id: Mapped[int | None] = mapped_column(
        ForeignKey("intervention.id", ondelete="SET NULL"), index=True, default=None
    )
    protocol: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    exit_code: Mapped[int | None] = mapped_column(Integer, default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class SchedulingSetting(Base):
    """Settings of this feature (business hours, reopen window, reminder state) as key/value text."""

    __tablename__ = "scheduling_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class ReminderState(Base):
    """A reminder the technician snoozed or dismissed (key: 'appointment:<id>:<start>' or 'task:<id>')."""

    __tablename__ = "reminder_state"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    dismissed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


def _client_has_intervention_history(session: Session, client_id: int) -> bool:
    return bool(
        session.scalar(
            select(
                or_(
                    exists().where(Intervention.client_id == client_id),
                    exists().where(CallLog.client_id == client_id),
                    exists().where(Appointment.client_id == client_id),
                )
            )
        )
    )


register_history_probe(_client_has_intervention_history)
