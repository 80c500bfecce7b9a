#!/usr/bin/env bash
# One command to set up MSP Console on Debian/Ubuntu and either open it on demo data or run every test.
#   sudo bash packaging/debian/setup.sh demo     # install, then open the app on demo data
#   sudo bash packaging/debian/setup.sh test     # install, start real components, run every check and test
#   sudo bash packaging/debian/setup.sh test --stress   # the same with stress-ng keeping every core busy
# Idempotent: packages and the virtualenv are only installed when something is missing or changed.
set -euo pipefail
mode=${1:-demo}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
cd "$top"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

wanted() { grep -hv '^\s*#' "$@" | awk 'NF {print $1}' | sort -u; }

install_packages() {
    local missing=()
    while read -r pkg; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done < <(wanted "$@")
    if [ ${#missing[@]} -gt 0 ]; then
        echo "==> installing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

pick_python() {
    for py in python3.13 python3.12 python3.11 python3; do
        if command -v "$py" >/dev/null && "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$py"; return
        fi
    done
    echo "MSP Console needs Python 3.11 or newer" >&2; exit 1
}

setup_venv() {
    local extras=$1 stamp
    stamp=".venv/.msp-installed-$(cat pyproject.toml | sha256sum | cut -c1-16)-$extras"
    if [ ! -x .venv/bin/python ]; then
        "$(pick_python)" -m venv .venv
    fi
    if [ ! -f "$stamp" ]; then
        echo "==> installing Python packages into .venv"
        .venv/bin/python -m pip install -q --upgrade pip
        .venv/bin/python -m pip install -q -e ".$extras"
        rm -f .venv/.msp-installed-*
        touch "$stamp"
    fi
}

case "$mode" in
demo)
    install_packages "$here/packages-app.txt"
    setup_venv ""
    .venv/bin/python packaging/i18n/build_translations.py >/dev/null  # Italian UI (.qm, not committed)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "==> no screen found (DISPLAY unset): rendering the demo window to demo-screenshot.png instead"
        exec .venv/bin/msp-console screenshot demo-screenshot.png --demo
    fi
    exec .venv/bin/msp-console --demo
    ;;
test)
    shift
    stress=0
    if [ "${1:-}" = "--stress" ]; then stress=1; shift; fi
    install_packages "$here/packages-app.txt" "$here/packages-test.txt"
    setup_venv "[dev]"
    .venv/bin/python packaging/i18n/build_translations.py >/dev/null  # Italian UI (.qm, not committed)
    echo "==> static checks: ruff, mypy, import-linter"
    .venv/bin/ruff check src tests bench
    .venv/bin/mypy
    .venv/bin/lint-imports
    echo "==> tests (real components are started by the fixtures)"
    export QT_QPA_PLATFORM=offscreen
    if [ "$stress" = 1 ]; then
        # A busy desk PC: one CPU hog per core for the whole run, stopped however pytest ends.
        cpus=$(nproc)
        echo "==> --stress: stress-ng --cpu $cpus runs beside the tests"
        stress-ng --cpu "$cpus" --quiet &
        hog=$!
        trap 'kill "$hog" 2>/dev/null; wait "$hog" 2>/dev/null' EXIT
        .venv/bin/python -m pytest "$@"
        exit $?
    fi
    exec .venv/bin/python -m pytest "$@"
    ;;
*)
    echo "usage: $0 demo | test [--stress] [pytest args…]" >&2; exit 2 ;;
esac
