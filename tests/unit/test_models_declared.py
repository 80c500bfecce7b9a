"""An opened app has every model declared and configured: no thread's first query can meet a model
module another thread is still importing (that once failed a screenshot's mappers for good)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_opening_an_existing_database_declares_and_configures_every_model(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    _python(f"from msp_console.app import App; App.open({url!r}).close()")  # the database exists
    out = _python(
        f"""
import sys
from msp_console.app import App
from msp_console.db.base import Base
from msp_console.db.models import _MODULE_OF
app = App.open({url!r})  # a schema already current: no migration imports the models
missing = sorted(m for m in set(_MODULE_OF.values()) if "msp_console.db.models." + m not in sys.modules)
pending = [m.class_.__name__ for m in Base.registry.mappers if not m.configured]
app.close()
print(missing, pending)
"""
    )
    assert out.strip() == "[] []"
