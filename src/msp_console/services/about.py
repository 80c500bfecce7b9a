"""What Help → About shows (and `msp-console about` prints): version, licence, where the data lives."""

from __future__ import annotations

import platform
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from msp_console import __version__
from msp_console.logs import log_path
from msp_console.services.backup_schedule import load_policy
from msp_console.settings import data_dir, resolve_database_url

LICENCE = "GPL-3.0-or-later"
LICENCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"
USER_GUIDE = "USER_GUIDE.md"


@dataclass(frozen=True)
class AboutInfo:
    name: str
    version: str
    licence: str
    licence_url: str
    database: str  # a file path, or the server URL without its password
    data_dir: str
    log_file: str
    backups_dir: str
    resources_dir: str
    user_guide: str  # path of docs/USER_GUIDE.md when shipped, else ""
    python: str
    system: str
    frozen: bool

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def describe_database(url: str) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(Path(parsed.database or ":memory:"))
    return parsed.render_as_string(hide_password=True)


def user_guide_path() -> Path | None:
    """The user guide next to the code (checkout) or inside the frozen app's bundle."""
    roots = [Path(__file__).resolve().parents[3] / "docs"]
    if getattr(sys, "frozen", False):
        roots.insert(0, Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "docs")
    return next((r / USER_GUIDE for r in roots if (r / USER_GUIDE).is_file()), None)


def about_info(database_url: str | None = None) -> AboutInfo:
    from msp_console.resources import resources_dir

    try:
        resources = str(resources_dir())
    except FileNotFoundError as exc:
        resources = f"missing ({exc})"
    guide = user_guide_path()
    return AboutInfo(
        name="MSP Console",
        version=__version__,
        licence=LICENCE,
        licence_url=LICENCE_URL,
        database=describe_database(database_url or resolve_database_url()),
        data_dir=str(data_dir()),
        log_file=str(log_path()),
        backups_dir=str(load_policy().backup_folder()),
        resources_dir=resources,
        user_guide=str(guide) if guide else "",
        python=sys.version.split()[0],
        system=f"{platform.system()} {platform.release()} ({platform.machine()})",
        frozen=bool(getattr(sys, "frozen", False)),
    )
