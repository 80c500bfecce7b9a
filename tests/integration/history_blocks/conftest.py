"""The old-schema database the conversion tests start from."""

from tests.integration.history_blocks.old_history import old_engine

__all__ = ["old_engine"]
