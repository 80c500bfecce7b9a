"""iCalendar files and CalDAV sync for the appointment calendar (no Qt).

This package is `msp_console.calendar`; it is always imported by its absolute name, and the
standard library's `calendar` module is unaffected (nothing here imports it).
"""
