"""What the restic and borg checks say when the tool itself is the trouble: missing, too old for a
flag the check uses, or printing something that is not JSON. Always UNKNOWN with words."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, run_check
from msp_console.monitoring.model import CheckType
from tests.integration.backup_checks.conftest import Repo, fake_tool, repo_spec
from tests.support.sshd import SshServer


@dataclass(frozen=True)
class Tool:
    kind: CheckType
    version_arg: str
    ancient: str  # what a release older than the check needs prints as its version
    too_old: str
    garbage: str  # not JSON where the check reads JSON
    garbage_words: str
    refusal: tuple[str, str, int]  # (version, an older release's words for an unknown flag, exit)
    refusal_words: str


TOOLS = {
    "restic": Tool(
        CheckType.RESTIC,
        "version",
        "restic 0.8.3 compiled with go1.10 on linux/amd64",
        "restic 0.8.3 on 127.0.0.1 is too old: this check needs restic 0.9.0 or later",
        "{oops",
        "restic printed no snapshot list in JSON: {oops",
        ("restic 0.9.1 compiled", "unknown flag: --no-lock", 1),
        "restic 0.9.1 on 127.0.0.1 does not know --no-lock (used by `restic snapshots`)",
    ),
    "borg": Tool(
        CheckType.BORG,
        "--version",
        "borg 1.0.9",
        "borg 1.0.9 on 127.0.0.1 is too old: this check needs borg 1.1.0 or later",
        "[1, 2",
        "borg printed no archive list in JSON: [1, 2",
        ("borg 1.1.4", "borg: error: unrecognized arguments: --bypass-lock", 2),
        "borg 1.1.4 on 127.0.0.1 does not know --bypass-lock (used by `borg list`)",
    ),
}


@pytest.mark.parametrize("name", sorted(TOOLS))
def test_missing_too_old_or_garbled_tool_is_unknown_with_words(
    name: str, request: pytest.FixtureRequest, sshd: SshServer, repo_ctx: CheckContext
) -> None:
    tool = TOOLS[name]
    repo: Repo = request.getfixturevalue(f"{name}_repo")
    base = repo.path.parent

    def poll(binary: str) -> str:
        out = run_check(repo_spec(sshd, tool.kind, repo.path, binary=binary), repo_ctx)
        assert out.state is HealthState.UNKNOWN, out.output
        return out.output

    assert poll(f"/nowhere/{name}").startswith(f"{name} is not installed on {sshd.host}")
    assert tool.too_old in poll(str(fake_tool(base, f'echo "{tool.ancient}"\n')))
    version, words, status = tool.refusal  # a release the check accepts
    garbled = f'case "$1" in {tool.version_arg}) echo "{version}";; *) echo "{tool.garbage}";; esac\n'
    assert tool.garbage_words in poll(str(fake_tool(base, garbled)))
    refusing = (
        f'case "$1" in {tool.version_arg}) echo "{version}";; *) echo "{words}" >&2; exit {status};; esac\n'
    )
    assert tool.refusal_words in poll(str(fake_tool(base, refusing)))
