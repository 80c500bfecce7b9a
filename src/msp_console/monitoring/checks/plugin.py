"""plugin: run a Nagios/monitoring-plugins command over SSH; its exit code is the state.

Params: ``command`` (e.g. ``check_disk -w 20% -c 10% -p /``; a bare ``check_*`` name is looked up
in ``plugin_dir``, default /usr/lib/nagios/plugins), plus the SSH params ``port``, ``user``,
``key_file``. Exit 0/1/2/3 → OK/WARNING/CRITICAL/UNKNOWN; perfdata becomes metrics.
"""

from __future__ import annotations

import shlex

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.runtime import current_deadline
from msp_console.monitoring.checks.sshconn import SshProblem, run_command
from msp_console.monitoring.model import CheckOutcome, CheckSpec
from msp_console.monitoring.perfdata import parse_perfdata, split_output

EXIT_STATES = {0: HealthState.OK, 1: HealthState.WARNING, 2: HealthState.CRITICAL, 3: HealthState.UNKNOWN}


def remote_command(spec: CheckSpec) -> str:
    command = spec.params.get("command", "").strip()
    if not command:
        raise ValueError("the plugin check needs a command parameter")
    first, _, rest = command.partition(" ")
    if "/" not in first and first.startswith("check_"):
        plugin_dir = spec.params.get("plugin_dir", "/usr/lib/nagios/plugins").rstrip("/")
        command = f"{shlex.quote(plugin_dir + '/' + first)} {rest}".strip()
    return command


def run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    command = remote_command(spec)
    try:
        result = run_command(spec, ctx, command, current_deadline(spec))
    except SshProblem as exc:
        return CheckOutcome(exc.state, str(exc))
    text, perf = split_output(result.stdout)
    state = EXIT_STATES.get(result.exit_status, HealthState.UNKNOWN)
    if not text:
        text = (
            result.stderr.strip().splitlines() or [f"the plugin printed nothing (exit {result.exit_status})"]
        )[0]
    if result.exit_status == 127:
        text = f"plugin not found on the host: {command.split()[0]}"
    return CheckOutcome(state, text, parse_perfdata(perf))
