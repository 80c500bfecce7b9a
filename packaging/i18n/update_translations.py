"""Re-extracts the GUI's strings into resources/translations/msp_console_<lang>.ts (keeping the
translations already made) and says how many are still to translate.

    .venv/bin/python packaging/i18n/update_translations.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from i18n_tools import LANGUAGES, extract, merge, read_ts, ts_path, untranslated, write_ts


def main() -> int:
    for language in LANGUAGES:
        path = ts_path(language)
        messages = merge(extract(), read_ts(path))
        write_ts(path, messages, language)
        todo = untranslated(messages)
        print(f"{path}: {len(messages)} strings, {len(todo)} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
