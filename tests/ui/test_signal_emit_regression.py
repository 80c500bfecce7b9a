"""PySide6 6.12.0 on Python 3.11 crashed (bool_dealloc) after many Signal(bool) emits in-process.

pyproject pins below 6.12 for Python < 3.12; this test catches a Qt upgrade bringing it back.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal, Slot

pytestmark = pytest.mark.ui


class _Emitter(QObject):
    toggled = Signal(bool)


class _Counter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.true_count = 0

    @Slot(bool)
    def on_toggled(self, value: bool) -> None:
        self.count += 1
        if value:
            self.true_count += 1


def test_signal_bool_emitted_100000_times_is_delivered_every_time(qapp) -> None:  # type: ignore[no-untyped-def]
    emitter, counter = _Emitter(), _Counter()
    emitter.toggled.connect(counter.on_toggled)
    for i in range(100_000):
        emitter.toggled.emit(i % 2 == 0)
    assert counter.count == 100_000
    assert counter.true_count == 50_000
