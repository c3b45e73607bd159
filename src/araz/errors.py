"""The kit's own exceptions. Every error a user can cause is an :class:`ArazError`.

Each message names the file, the line or field, and what to do about it.
"""
from __future__ import annotations

from dataclasses import dataclass


class ArazError(Exception):
    """Base class of every error the kit raises on purpose."""


@dataclass(frozen=True)
class Issue:
    """One problem found while checking user input.

    ``path`` is the file, ``line`` a 1-based line number (or ``None``), ``field`` the
    front-matter field or column concerned (or ``None``), ``message`` says what is wrong
    and what to do, ``severity`` is ``"error"`` or ``"warning"``.
    """

    path: str
    line: int | None
    field: str | None
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f": field '{self.field}'"
        prefix = "" if self.severity == "error" else "warning: "
        return f"{prefix}{where}: {self.message}"


class CorpusError(ArazError):
    """A corpus folder or document is not valid. ``issues`` lists every problem found."""

    def __init__(self, issues: list[Issue] | str):
        if isinstance(issues, str):
            issues = [Issue(path="corpus", line=None, field=None, message=issues)]
        self.issues = list(issues)
        errors = [i for i in self.issues if i.severity == "error"]
        head = f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in the corpus:"
        super().__init__("\n".join([head, *(f"  {i}" for i in self.issues)]))


class CitationError(ArazError, KeyError):
    """A citation such as ``doc_id ¶3.2`` is malformed or points nowhere."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class TableError(ArazError):
    """A data table (gazetteer, lexicon, claims, events, labels) has a bad row.

    ``issues`` lists every problem, each naming the file, the row's line and the column.
    """

    def __init__(self, issues: list[Issue] | str):
        if isinstance(issues, str):
            issues = [Issue(path="table", line=None, field=None, message=issues)]
        self.issues = list(issues)
        super().__init__("\n".join(str(i) for i in self.issues))


class QueryError(ArazError, ValueError):
    """A search query or filter cannot be understood."""


class ScopeError(ArazError, ValueError):
    """Arguments select nothing or contradict each other (end before start, unknown actor)."""
