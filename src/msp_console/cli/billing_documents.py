"""`msp-console invoices pdf|fatturapa` and `msp-console report`: documents written to files."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def register(isub: Any, sub: Any, with_app: Callable[..., Any], month: Callable[[str], Any]) -> None:
    """Filled in by the document renderers (PDF, FatturaPA, service report)."""
