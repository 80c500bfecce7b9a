"""Helpers every command shares: opening the app, printing JSON, error codes."""

from __future__ import annotations

import json
import sys
from typing import Any

from msp_console.startup import (
    EXIT_DATABASE,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    open_app,
    show_progress,
)

__all__ = [
    "EXIT_DATABASE",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "CommandError",
    "open_app",
    "print_json",
    "show_progress",
]


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
