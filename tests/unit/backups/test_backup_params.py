"""Adding a backup-job check: its parameters are refused by name before anything is written."""

from __future__ import annotations

import pytest

from msp_console.domain.errors import ValidationError
from msp_console.monitoring.model import CheckType
from msp_console.monitoring.params import clean_check

BACKUP_KINDS = ("restic", "borg", "proxmox_backup", "hyper_backup", "veeam", "windows_backup")
LOGINS = {
    "proxmox_backup": {"token_id": "monitor@pbs!console", "token_ref": "backup:pbs"},
    "hyper_backup": {"user": "monitor", "password_ref": "backup:nas"},
    "veeam": {"user": "monitor", "password_ref": "backup:vbr"},
}


@pytest.mark.parametrize("kind", BACKUP_KINDS)
def test_every_backup_kind_is_a_check_type_with_age_thresholds_and_size_params(kind):
    params = {"repository": "/srv/r", "password_ref": "r"} if kind in ("restic", "borg") else {}
    params.update(LOGINS.get(kind, {}))  # the appliances cannot be read without their login
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


def test_repository_checks_poll_hourly_with_two_minutes_to_answer_unless_told():
    fields = clean_check("restic", "", {"repository": "/r", "password_ref": "x"})
    assert (fields.interval_s, fields.timeout_s) == (3600, 120.0)
    told = clean_check("borg", "", {"repository": "/r", "timeout": "30"}, interval="600")
    assert (told.interval_s, told.timeout_s) == (600, 30.0)


@pytest.mark.parametrize(
    ("kind", "params", "words"),
    [
        ("proxmox_backup", {}, "a proxmox_backup check needs 'token_id'"),
        ("proxmox_backup", {"token_id": "root"}, "token_id: 'root' is not an API token id"),
        ("hyper_backup", {"user": "u", "password_ref": "r", "fingerprint": "12:34"}, "fingerprint: "),
        (
            "hyper_backup",
            {"user": "u", "password_ref": "r", "timezone": "Mars/Base"},
            "timezone: 'Mars/Base'",
        ),
        ("veeam", {"user": "u", "password_ref": "r", "url": "http://vbr:9419"}, "url: 'http://vbr:9419'"),
        ("proxmox_backup", {"token_id": "a@pbs!b", "token_ref": "r", "usage_crit": "0"}, "usage_crit: '0'"),
    ],
)
def test_appliance_parameters_are_refused_with_their_name(kind, params, words):
    with pytest.raises(ValidationError, match=words):
        clean_check(kind, "", params)
