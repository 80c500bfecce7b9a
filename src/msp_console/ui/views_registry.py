"""`msp-console screenshot --view NAME[:ARG]`: features register how to bring a view forward.

A view name maps to ``fn(window, arg)``; ``arg`` is what follows the first ':' ('' if none).
Features register from their ``install(window)``; the screenshot command looks names up here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from msp_console.ui.main_window import MainWindow

ViewFn = Callable[["MainWindow", str], None]

VIEWS: dict[str, ViewFn] = {}


def register_view(name: str, fn: ViewFn) -> None:
    VIEWS[name] = fn


def show_view(window: MainWindow, spec: str) -> None:
    """Brings the named view forward; raises ValueError naming the known views otherwise."""
    name, _, arg = spec.partition(":")
    fn = VIEWS.get(name)
    if fn is None:
        known = ", ".join(sorted(VIEWS)) or "none"
        raise ValueError(f"unknown view {spec!r} (known: {known})")
    fn(window, arg)
