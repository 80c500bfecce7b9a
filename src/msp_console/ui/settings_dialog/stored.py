"""What Settings shows and writes, read and written on the worker thread (no Qt here).

The company profile and the scheduling settings live in the database (a network round trip on a
team database), the preferences and the backup policy in files of the data directory."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from msp_console.app import App
from msp_console.domain.errors import ValidationError
from msp_console.preferences import Preferences, load_preferences, save_preferences
from msp_console.services.backup_schedule import (
    BackupPolicy,
    BackupsSummary,
    load_policy,
    save_policy,
    summary,
)
from msp_console.services.billing.company import load_profile, profile_dict, update_profile
from msp_console.services.interventions.settings import SchedulingSettings, load_settings, save_settings
from msp_console.ui.validation_text import error_lines


@dataclass(frozen=True)
class StoredSettings:
    preferences: Preferences
    profile: dict[str, Any]  # the company profile's fields, plain values
    scheduling: SchedulingSettings
    backup_policy: BackupPolicy
    backups: BackupsSummary | None = None  # what the backup folder holds now (count, size, newest)


@dataclass(frozen=True)
class SettingsChanges:
    """Everything OK writes, already validated by the dialog."""

    preferences: Preferences
    scheduling: dict[str, Any]  # SchedulingSettings fields to change
    profile: dict[str, str]  # company profile fields to change
    backup_policy: BackupPolicy


class SaveRefused(Exception):
    """The database refused part of the changes; ``section`` says which ("hours", "company")."""

    def __init__(self, section: str, message: str):
        super().__init__(message)
        self.section = section
        self.message = message


def load_stored_settings(app: App) -> StoredSettings:
    with app.db.read() as session:
        profile = profile_dict(load_profile(session))
        scheduling = load_settings(session)
    policy = load_policy()
    return StoredSettings(load_preferences(), profile, scheduling, policy, summary(policy.backup_folder()))


def write_settings(app: App, changes: SettingsChanges) -> Preferences:
    """Writes each value where its feature reads it; returns the preferences written. The
    scheduling settings and the company profile are written first: a refusal there stops before
    the files are touched."""
    try:
        with app.db.transaction() as session:
            save_settings(session, **changes.scheduling)
    except ValidationError as exc:
        raise SaveRefused("hours", "; ".join(e.message for e in exc.errors)) from exc
    except ValueError as exc:  # the calendar's own check (the end before the start)
        raise SaveRefused("hours", str(exc)) from exc
    try:
        update_profile(app.db, changes.profile)
    except ValidationError as exc:
        raise SaveRefused("company", "; ".join(error_lines(exc.errors, {}).splitlines())) from exc
    saved = save_preferences(changes.preferences)
    save_policy(changes.backup_policy)
    return saved
