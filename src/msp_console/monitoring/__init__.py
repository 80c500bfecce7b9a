"""Agentless monitoring: check implementations, the state machine, the polling engine."""
