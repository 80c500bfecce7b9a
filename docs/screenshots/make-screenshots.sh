#!/usr/bin/env bash
# Regenerates the user guide's screenshots from the demo database (offscreen, no display needed).
#   bash docs/screenshots/make-screenshots.sh
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$top"
out=docs/screenshots
export QT_QPA_PLATFORM=offscreen
export MSP_CONSOLE_DATA_DIR=${MSP_CONSOLE_DATA_DIR:-$(mktemp -d)}  # never the user's own data
shot() { .venv/bin/msp-console screenshot --demo --size 1280x800 "$@"; }
shot "$out/problems.png" --size 1400x850 --view problems
shot "$out/machine.png" --size 1400x850 --view "machine:Hotel Bellavista S.r.l./nas-01"
shot "$out/main-window.png" --size 1400x850 --select "Hotel Bellavista S.r.l./nas-01"
shot "$out/main-window-it.png" --size 1400x850 --select "Hotel Bellavista S.r.l./nas-01" --language it
shot "$out/today.png" --size 1400x850 --view today
shot "$out/week.png" --size 1400x850 --view calendar
shot "$out/intervention-timeline.png" --size 1400x850 --view intervention:1
shot "$out/billing.png" --size 1400x850 --view billing
# An issued demo invoice as printed (the demo issues its contracts' invoices on the day it is made).
pdfs=$(mktemp -d)
.venv/bin/msp-console --demo invoices pdf --month "$(date +%Y-%m)" --out "$pdfs" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$(ls "$pdfs"/*.pdf | head -1)" "$out/invoice"
rm -r "$pdfs"
# The whole loop (user guide, "Il giro completo"): Italian, 1366×768, one picture per step.
PYTHONPATH=src .venv/bin/python docs/screenshots/loop_screenshots.py "$out"
