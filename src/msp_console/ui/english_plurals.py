"""English plurals for the texts written as ``tr("%n page(s)", "", n)``.

English is the source language, so no translation file gives its plural forms: Qt would show
"1 page(s)". This translator, installed when no translation of ours is loaded (English), answers
only those texts: "(s)" goes for one and becomes "s" for any other count. Every other text is
left to the next translator (None).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

# counted words written without "(s)" (an adjective for one, a noun for more)
NOUNS = {"%n warning": "%n warnings"}


class EnglishPlurals(QTranslator):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if n < 0:
            return None
        if source in NOUNS:
            return source if n == 1 else NOUNS[source]
        if "(s)" not in source:
            return None
        return source.replace("(s)", "" if n == 1 else "s")

    def isEmpty(self) -> bool:  # Qt asks before it asks translate()
        return False
