"""Validation errors that name the field (and the CSV line) a user got wrong."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as _field


@dataclass(frozen=True, slots=True)
class FieldError:
    """``message`` is the English the CLI and CSV reports print; ``code`` and ``params`` let the
    window word the same refusal in the user's language (empty code: show ``message``)."""

    field: str
    message: str
    line: int | None = None
    code: str = _field(default="", compare=False)
    params: Mapping[str, str] = _field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def of(cls, field: str, exc: ValueError, line: int | None = None) -> FieldError:
        """A checker's ValueError on ``field``, keeping its code and params when it has them."""
        code, params = getattr(exc, "code", ""), getattr(exc, "params", {})
        return cls(field, str(exc), line, code, params)

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.field}: {self.message}"


class ValidationError(ValueError):
    """One or more fields are wrong; nothing was written."""

    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))

    @classmethod
    def single(cls, field: str, message: str, code: str = "", **params: str) -> ValidationError:
        return cls([FieldError(field, message, code=code, params=params)])


class InvalidValue(ValueError):
    """A checker's refusal: the English message plus a code and the values a translation needs."""

    def __init__(self, message: str, code: str = "", **params: str):
        super().__init__(message)
        self.code = code
        self.params = params


class NotFoundError(LookupError):
    """A client, site, contact or machine the user named does not exist."""
