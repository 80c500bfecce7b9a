"""Fills in translations still to do in resources/translations/msp_console_<lang>.ts.

    .venv/bin/python packaging/i18n/translate.py --list            # what is still to translate
    .venv/bin/python packaging/i18n/translate.py FILE.json         # {"English source": "traduzione"}

A plural (%n) message takes a list: ["%n file", "%n file"]. A key "Context|source" sets only that context's message (when one text needs two translations).
Only messages still unfinished are changed; the file is rewritten in the same form
update_translations.py writes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from i18n_tools import read_ts, ts_path, untranslated, write_ts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, help="JSON object: source (or Context|source) → text")
    parser.add_argument("--language", default="it")
    parser.add_argument("--list", action="store_true", help="print what is still to translate")
    args = parser.parse_args(argv)
    path = ts_path(args.language)
    messages = read_ts(path)
    if args.list or args.file is None:
        for m in untranslated(messages):
            print(f"{m.context}|{m.source}" + (f"   ({m.comment})" if m.comment else ""))
        return 0
    given: dict[str, str | list[str]] = json.loads(args.file.read_text(encoding="utf-8"))
    for m in untranslated(messages):
        text = given.get(f"{m.context}|{m.source}", given.get(m.source))
        if text and m.numerus == isinstance(text, list):  # a plural form takes [singular, plural]
            if isinstance(text, list):
                m.forms = list(text)
            else:
                m.translation = text
            m.finished = True
    write_ts(path, messages, args.language)
    print(f"{path}: {len(untranslated(messages))} still to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
