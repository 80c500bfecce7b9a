#!/usr/bin/env bash
# Builds the Linux one-folder app into build/pyinstaller/dist/msp-console/ (run from anywhere).
#   bash packaging/build-linux.sh            # needs .venv (packaging/debian/setup.sh test creates it)
# The result runs without Python installed: build/pyinstaller/dist/msp-console/msp-console --help
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
py=${PYTHON:-.venv/bin/python}
mkdir -p build
exec 9>build/.pyinstaller.lock
flock 9  # one build at a time; the smoke tests hold this lock shared while they run the result
if ! "$py" -c 'import PyInstaller' 2>/dev/null; then
    echo "==> installing PyInstaller into the virtualenv"
    "$py" -m pip install -q 'pyinstaller>=6.10,<7'
fi
echo "==> rendering the icons"
QT_QPA_PLATFORM=offscreen "$py" packaging/icons/render_icons.py build/icons >/dev/null
if [ -f packaging/i18n/build_translations.py ]; then
    echo "==> compiling the translations (.ts → .qm next to them, bundled with resources/)"
    "$py" packaging/i18n/build_translations.py >/dev/null
fi
echo "==> PyInstaller (one-folder)"
# Incremental by default (PyInstaller caches its analysis in the work dir); CLEAN=1 starts afresh.
"$py" -m PyInstaller --noconfirm ${CLEAN:+--clean} --log-level WARN \
    --distpath build/pyinstaller/dist --workpath build/pyinstaller/work \
    packaging/pyinstaller/msp-console.spec
app=build/pyinstaller/dist/msp-console
install -m 0644 packaging/linux/io.github.msp_console.MspConsole.desktop "$app/"
install -m 0644 packaging/linux/io.github.msp_console.MspConsole.metainfo.xml "$app/"
echo "==> built $app ($(du -sh "$app" | cut -f1)): $app/msp-console --version → $("$app/msp-console" --version)"
