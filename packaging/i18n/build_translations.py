"""Compiles resources/translations/*.ts into .qm files next to them (build products, not committed).

    .venv/bin/python packaging/i18n/build_translations.py [OUT_DIR]

Run by packaging/debian/setup.sh before the app or the tests start; the GUI loads
msp_console_<lang>.qm from msp_console.resources' translations folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRANSLATIONS = HERE.parents[1] / "resources" / "translations"


def _lrelease() -> str:
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    return str(exe) if exe.exists() else "pyside6-lrelease"


def build(out_dir: Path = TRANSLATIONS) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            built.append(qm)
            continue
        subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else TRANSLATIONS
    for qm in build(out):
        print(f"{qm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
