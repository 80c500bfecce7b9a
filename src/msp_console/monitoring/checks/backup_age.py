"""backup_age: how old is the newest backup? Over SSH, using the host's own clock.

Params: ``path`` — a file, directory (its files count) or glob such as ``/srv/backup/*.tar.zst``;
or ``command`` — prints a timestamp (Unix seconds or ISO 8601) of the last backup. Thresholds in
hours: warn 26, crit 50 by default (a nightly job missed once is WARNING, twice CRITICAL).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.runtime import Verdicts, current_deadline, metric, thresholds
from msp_console.monitoring.checks.sshconn import SshProblem, run_command
from msp_console.monitoring.model import CheckOutcome, CheckSpec

_GLOB_CHARS = set("*?[]")
_NEWEST = (
    'for f in {glob}; do if [ -d "$f" ]; then for g in "$f"/*; do [ -f "$g" ] && '
    '{{ stat -c %Y "$g" 2>/dev/null || stat -f %m "$g"; }}; done; '
    'elif [ -e "$f" ]; then stat -c %Y "$f" 2>/dev/null || stat -f %m "$f"; fi; done | sort -n | tail -n 1'
)


def shell_glob(path: str) -> str:
    """Escapes every character except glob wildcards, so the remote shell expands only those."""
    if not path or any(ord(c) < 32 for c in path):
        raise ValueError("the backup path must be one line of text")
    return "".join(c if c.isalnum() or c in _GLOB_CHARS or c in "/._-" else "\\" + c for c in path)


def parse_timestamp(text: str) -> float:
    value = text.strip().splitlines()[-1].strip() if text.strip() else ""
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"cannot read a timestamp from {value[:60]!r}") from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    path, cmd = spec.params.get("path", "").strip(), spec.params.get("command", "").strip()
    if not path and not cmd:
        return CheckOutcome(HealthState.UNKNOWN, "backup_age needs a path or a command parameter")
    script = "date +%s; " + (_NEWEST.format(glob=shell_glob(path)) if path else cmd)
    try:
        result = run_command(spec, ctx, script, current_deadline(spec))
    except SshProblem as exc:
        return CheckOutcome(exc.state, str(exc))
    lines = result.stdout.strip().splitlines()
    what = path or "the backup command"
    if len(lines) < 2:
        if cmd and result.exit_status != 0:
            err = result.stderr.strip().splitlines()[:1]
            return CheckOutcome(
                HealthState.UNKNOWN,
                f"backup command failed (exit {result.exit_status}){': ' + err[0] if err else ''}",
            )
        return CheckOutcome(HealthState.CRITICAL, f"no backup found matching {what}")
    now, newest = float(lines[0]), parse_timestamp("\n".join(lines[1:]))
    hours = max(0.0, (now - newest) / 3600.0)
    warn, crit = thresholds(spec, ("age",), {"age": "26"}, {"age": "50"})
    v = Verdicts.empty()
    v.judge("age", hours, warn, crit, f"newest backup is {hours:.1f} h old")
    when = datetime.fromtimestamp(newest, UTC).strftime("%Y-%m-%d %H:%M UTC")
    return v.outcome(
        f"newest backup of {what}: {when} ({hours:.1f} h ago)",
        [metric("age", round(hours, 3), "h", warn, crit, "age")],
    )
