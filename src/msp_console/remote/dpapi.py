"""Windows DPAPI, for the `password 51:b:` line of an .rdp file (only the same Windows user can read it)."""

from __future__ import annotations

import sys


def protect_for_rdp(secret: str) -> str:
    """Hex of CryptProtectData(UTF-16LE password), the form mstsc reads from `password 51:b:`."""
    if sys.platform != "win32":
        raise OSError("DPAPI exists only on Windows")
    import ctypes
    from ctypes import wintypes

    class Blob(ctypes.Structure):
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

    data = secret.encode("utf-16-le")
    buf = ctypes.create_string_buffer(data, len(data))
    blob_in = Blob(len(data), ctypes.cast(buf, ctypes.POINTER(ctypes.c_char)))
    blob_out = Blob()
    if not ctypes.windll.crypt32.CryptProtectData(
        ctypes.byref(blob_in), "psw", None, None, None, 0, ctypes.byref(blob_out)
    ):
        raise ctypes.WinError()
    try:
        return ctypes.string_at(blob_out.pbData, blob_out.cbData).hex().upper()
    finally:
        ctypes.windll.kernel32.LocalFree(blob_out.pbData)
