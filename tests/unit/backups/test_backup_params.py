"""Adding a backup-job check: its parameters are refused by name before anything is written."""

from __future__ import annotations

import pytest

from msp_console.domain.errors import ValidationError
from msp_console.monitoring.model import CheckType
from msp_console.monitoring.params import clean_check

BACKUP_KINDS = ("restic", "borg", "proxmox_backup", "hyper_backup", "veeam", "windows_backup")


@pytest.mark.parametrize("kind", BACKUP_KINDS)
def test_every_backup_kind_is_a_check_type_with_age_thresholds_and_size_params(kind):
    params = {"repository": "/srv/r", "password_ref": "r"} if kind in ("restic", "borg") else {}
    fields = clean_check(kind, "", {**params, "window": "5", "shrink_ratio": "0.4"}, "24", "48")
    assert fields.type is CheckType(kind) and (fields.warn, fields.crit) == ("24", "48")


def test_restic_needs_a_repository_and_a_password_reference():
    with pytest.raises(ValidationError) as err:
        clean_check("restic", "", {})
    assert {e.params.get("param") for e in err.value.errors} == {"repository", "password_ref"}
    clean_check("borg", "", {"repository": "ssh://u@h/./r"})  # Borg may be unencrypted


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"run_on": "laptop"}, "run_on must be machine or console"),
        ({"check_every": "daily"}, "check_every must be a number"),
        ({"grow_ratio": "0.9"}, "grow_ratio='0.9' must be a factor above 1"),
        ({"password": "hunter2"}, "'password' is not a restic parameter"),
    ],
)
def test_bad_backup_parameters_are_refused_with_their_name(params, words):
    with pytest.raises(ValidationError, match=words):
        clean_check("restic", "", {"repository": "/r", "password_ref": "x", **params})


def test_age_thresholds_use_the_age_key():
    with pytest.raises(ValidationError, match="unknown threshold 'disk'"):
        clean_check("borg", "", {"repository": "/r"}, "disk=3")
