"""SLA plans as a use case: the default plan, named plans, and which plan a client follows.

The billing contract refers to a plan by name (`assign(client_id, name)`); interventions copy
the plan name when they open, so a later change of contract does not rewrite past clocks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from msp_console.db.models import SlaPlan
from msp_console.domain.errors import ValidationError
from msp_console.domain.intervention_state import Priority
from msp_console.domain.sla import SlaTarget
from msp_console.services.database import Database
from msp_console.services.interventions import sla_service
from msp_console.services.interventions.core import get_client


@dataclass(frozen=True, slots=True)
class SlaPlanView:
    name: str
    default: bool
    targets: tuple[tuple[str, int, int], ...]  # priority, response minutes, resolution minutes


def parse_targets(text: str) -> dict[Priority, SlaTarget]:
    """'P1=60/480,P2=240/1080,…' (business minutes: response/resolution)."""
    out: dict[Priority, SlaTarget] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, _, value = part.partition("=")
        response, _, resolution = value.partition("/")
        try:
            prio = Priority(key.strip().upper())
            out[prio] = SlaTarget(timedelta(minutes=int(response)), timedelta(minutes=int(resolution)))
        except ValueError:
            raise ValidationError.single(
                "targets", f"{part!r} is not like P1=60/480 (business minutes response/resolution)"
            ) from None
    return out


class SlaPlans:
    def __init__(self, db: Database):
        self.db = db

    def save(self, name: str, targets: Mapping[Priority, SlaTarget], *, default: bool = False) -> None:
        with self.db.transaction() as s:
            sla_service.save_plan(s, name, targets, default=default)

    def assign(self, client_id: int, plan_name: str) -> None:
        with self.db.transaction() as s:
            get_client(s, client_id)
            sla_service.assign_plan(s, client_id, plan_name)

    def list(self) -> list[SlaPlanView]:
        with self.db.transaction() as s:
            sla_service.ensure_default_plan(s)
            return [
                SlaPlanView(
                    p.name,
                    p.is_default,
                    tuple((t.priority, t.response_minutes, t.resolution_minutes) for t in p.targets),
                )
                for p in s.scalars(select(SlaPlan).order_by(SlaPlan.name))
            ]

    def for_client(self, client_id: int) -> str:
        with self.db.transaction() as s:
            return sla_service.plan_for_client(s, client_id).name
