"""Small pieces of the restic/borg checks that need no repository."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from msp_console.monitoring.checks.repo_runner import (
    RepoCheck,
    check_due,
    masked,
    parse_time,
    unknown_flag,
    version_of,
)


def test_url_passwords_are_masked_in_words():
    text = "Fatal: unable to open repository at rest:https://backup:s3cr3t@nas.local:8000/pc1/"
    assert masked(text) == "Fatal: unable to open repository at rest:https://backup:***@nas.local:8000/pc1/"
    assert masked("sftp:user@nas:/srv/restic") == "sftp:user@nas:/srv/restic"


@pytest.mark.parametrize(
    ("text", "tool", "version"),
    [
        ("restic 0.14.0 compiled with go1.19.8 on linux/amd64", "restic", (0, 14, 0)),
        ("borg 1.2.4", "borg", (1, 2, 4)),
        ("borg-linux64 1.1.18", "borg", (1, 1, 18)),
        ("something else", "restic", None),
    ],
)
def test_versions_are_read_from_what_the_tools_print(text, tool, version):
    assert version_of(text, tool) == version


def test_refused_flags_of_both_tools_are_named():
    assert unknown_flag("unknown flag: --no-lock") == "--no-lock"
    assert unknown_flag("Error: unknown shorthand flag: 'q' in -q") == "-q"
    assert unknown_flag("Fatal: wrong password or no key found") is None
    assert unknown_flag("borg: error: unrecognized arguments: --bypass-lock") == "--bypass-lock"


def test_restic_and_borg_times_are_read_as_utc():
    assert parse_time("2026-12-01T03:00:00.123456789+01:00") == datetime(
        2026, 12, 1, 2, 0, 0, 123456, tzinfo=UTC
    )
    assert parse_time("2026-12-01T03:00:00Z") == datetime(2026, 12, 1, 3, tzinfo=UTC)
    assert parse_time("2026-12-01T03:00:00.000000") == datetime(2026, 12, 1, 3, tzinfo=UTC)  # borg, TZ=UTC


def test_a_repository_check_is_due_after_check_every_hours():
    done = RepoCheck(at=1000.0, ok=True, seconds=1.0, words="")
    assert not check_due(done, 0)  # no check_every: never
    assert check_due(None, 24)
    assert not check_due(done, 1, now=1000.0 + 3599)
    assert check_due(done, 1, now=1000.0 + 3600)


def test_a_url_password_in_the_tools_refusal_never_reaches_the_output(tmp_path):
    from msp_console.domain.health import HealthState
    from msp_console.monitoring.checks import CheckContext, run_check
    from msp_console.monitoring.model import CheckSpec, CheckType

    fake = tmp_path / "restic"
    fake.write_text(
        '#!/bin/sh\ncase "$1" in version) echo "restic 0.14.0";; '
        '*) echo "Fatal: unable to open repository at $RESTIC_REPOSITORY: connection refused" >&2; '
        "exit 1;; esac\n"
    )
    fake.chmod(0o755)
    repository = "rest:http://backup:s3cr3t-pw@127.0.0.1:1/pc1/"
    params = {"repository": repository, "password_ref": "r", "run_on": "console", "binary": str(fake)}
    out = run_check(
        CheckSpec(1, 1, CheckType.RESTIC, "pc1", params), CheckContext(get_secret=lambda _r: "pw")
    )
    assert out.state is HealthState.UNKNOWN
    assert "rest:http://backup:***@127.0.0.1:1/pc1/: connection refused" in out.output
    assert "s3cr3t-pw" not in out.output
