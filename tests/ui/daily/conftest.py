"""The main window on the demo database (the scheduling tests' fixtures), for the daily habits."""

from tests.ui.scheduling.conftest import _demo_template, demo_app, demo_window  # noqa: F401
