"""Errors a technician reads: an English message (CLI, logs) plus a code and values, so the
window can word the same error in the user's language."""

from __future__ import annotations


class CodedError(RuntimeError):
    def __init__(self, message: str, code: str = "", **params: object):
        super().__init__(message)
        self.code = code
        self.params = params
