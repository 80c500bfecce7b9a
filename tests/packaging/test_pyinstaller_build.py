"""The Linux one-folder app: built by packaging/build-linux.sh once per run, then started offscreen.

It must run where no Python and no source checkout exist: the tests start it with a clean
environment, from an empty folder, on a fresh database.
"""

from __future__ import annotations

import fcntl
import json
import subprocess
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from msp_console import __version__

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(900)]
TOP = Path(__file__).resolve().parents[2]
APP = TOP / "build" / "pyinstaller" / "dist" / "msp-console"
BINARY = APP / "msp-console"


@pytest.fixture(scope="session")
def built_app() -> Iterator[Path]:
    """Built once per run; a shared lock keeps a concurrent build from replacing it under the tests."""
    started = time.monotonic()
    done = subprocess.run(
        ["bash", str(TOP / "packaging" / "build-linux.sh")],
        cwd=TOP,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, f"build failed:\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
    print(f"PyInstaller build took {time.monotonic() - started:.0f} s")
    with (TOP / "build" / ".pyinstaller.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_SH)
        yield APP


def _run(args: list[str], cwd: Path, data: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(data / "home"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "MSP_CONSOLE_DATA_DIR": str(data),
    }
    return subprocess.run([str(BINARY), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_the_built_app_renders_a_screenshot_offscreen(built_app: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = _run(["--database", f"sqlite:///{tmp_path / 'tmp.db'}", "screenshot", "out.png"], tmp_path, data)
    assert done.returncode == 0, done.stderr
    png = tmp_path / "out.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    assert (tmp_path / "tmp.db").stat().st_size > 0  # the schema was created by the bundled migrations
    assert "Traceback" not in done.stderr


def test_the_built_app_finds_its_resources_and_knows_its_version(built_app: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _run(["--version"], tmp_path, data).stdout.strip() == f"msp-console {__version__}"
    done = _run(["about", "--json"], tmp_path, data)
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert info["frozen"] is True and info["version"] == __version__
    resources = Path(info["resources_dir"])
    assert resources.is_relative_to(built_app)  # from the bundle, not from this checkout
    for needed in ("fonts/DejaVuSans.ttf", "fatturapa/Schema_VFPR12_v1.2.3.xsd", "icons/msp-console.svg"):
        assert (resources / needed).is_file(), needed
    assert (resources / "icons" / "rendered" / "msp-console-256.png").is_file()
    for ts in (TOP / "resources" / "translations").glob("*.ts"):  # compiled by the build, then bundled
        assert (resources / "translations" / f"{ts.stem}.qm").is_file(), ts.stem
    assert Path(info["log_file"]).is_relative_to(data)
    assert (built_app / "io.github.msp_console.MspConsole.desktop").is_file()


def test_the_built_app_bills_on_demo_data_and_finds_the_keyring(built_app: Path, tmp_path: Path) -> None:
    """Fonts (PDF), the FatturaPA XSD (lxml), Babel, holidays and the keyring's backends are bundled."""
    from tests.support.keyring_session import start_keyring

    data = tmp_path / "data"
    today = date.today()  # the demo bills its contracts from last month: this month is still to run
    month = ["--month", f"{today:%Y-%m}"]
    for step in (["invoices", "run", *month], ["invoices", "issue", *month, "--date", today.isoformat()]):
        done = _run(["--demo", *step], tmp_path, data)
        assert done.returncode == 0, done.stderr
    assert _run(["--demo", "invoices", "pdf", *month, "--out", "pdf"], tmp_path, data).returncode == 0
    assert _run(["--demo", "invoices", "fatturapa", *month, "--out", "xml"], tmp_path, data).returncode == 0
    pdfs, xmls = list((tmp_path / "pdf").glob("*.pdf")), list((tmp_path / "xml").glob("*.xml"))
    assert pdfs and len(pdfs) == len(xmls) and pdfs[0].read_bytes()[:5] == b"%PDF-"

    session = start_keyring()
    try:
        env = {**session.env, "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
        env["MSP_CONSOLE_DATA_DIR"] = str(data)
        done = subprocess.run(
            [str(BINARY), "secrets", "status"], env=env, capture_output=True, text=True, timeout=60
        )
    finally:
        session.stop()
    assert done.returncode == 0 and "SecretService" in done.stdout, done.stdout + done.stderr
