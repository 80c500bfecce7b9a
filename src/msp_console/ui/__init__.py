"""The Qt desktop interface: the only package that imports PySide6."""

from msp_console.ui.pyside_imports import install as _install_cheap_pyside_check

_install_cheap_pyside_check()  # before the window's ~350 imports (see pyside_imports)
