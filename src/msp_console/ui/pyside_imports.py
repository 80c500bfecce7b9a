"""A cheaper answer to PySide6's per-import question, "does this module use PySide6?".

Once PySide6 is loaded, every module imported after it goes through `shibokensupport.feature`,
which reads the module's whole source with `inspect.getsource` (through linecache, keeping every
line in memory) to look for the text "PySide6" (PYSIDE-2029, for `from __feature__ import …`).
The window imports ~350 modules after Qt (SQLAlchemy, the models, the services): ~50 ms of
the start on this machine class. The same question is answered here by searching the file's
bytes (~10 ms for all of them); anything that is not a readable ``.py`` file gets PySide6's own
answer.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads shibokensupport.feature, whose check is replaced below)


def install() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "replaced_by_msp_console", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    uses_pyside.replaced_by_msp_console = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
