"""Read a CSV table against its Frictionless Table Schema, reporting every bad row at once.

Schemas live in ``data/schemas/<name>.json`` and are listed in ``data/datapackage.json``.
Supported: field ``type`` (string, integer, number, boolean, date, year), ``constraints``
(``required``, ``enum``, ``unique``, ``pattern``, ``minimum``, ``maximum``) and the
schema's ``primaryKey``. Booleans accept true/false/yes/no/1/0.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import Issue, TableError
from .paths import shipped

_TRUE = {"true", "yes", "1", "t", "y"}
_FALSE = {"false", "no", "0", "f", "n", ""}


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    """The Table Schema ``data/schemas/<name>.json`` as a dict."""
    path = shipped("schemas", f"{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _convert(value: str, ftype: str):
    if ftype in ("string", "any"):
        return value
    if ftype == "integer":
        return int(value)
    if ftype == "number":
        return float(value)
    if ftype == "boolean":
        v = value.strip().lower()
        if v in _TRUE:
            return True
        if v in _FALSE:
            return False
        raise ValueError("expected true or false")
    if ftype == "date":
        return dt.date.fromisoformat(value)
    if ftype == "year":
        y = int(value)
        if not 1000 <= y <= 9999:
            raise ValueError("expected a four-digit year")
        return y
    return value


def read_table(path, schema_name: str | dict) -> pd.DataFrame:
    """Return the CSV at ``path`` as a DataFrame typed by its schema; raise :class:`TableError`.

    The error lists **every** problem as ``file, line N: field 'col': what is wrong; what to do``.
    Empty cells are ``""`` for strings and ``None`` for other types.

    >>> import araz.tables as t
    >>> t.read_table(t.shipped("gazetteer", "actors.csv"), "actors").columns[0]
    'entity_id'
    """
    path = Path(path)
    sch = schema(schema_name) if isinstance(schema_name, str) else schema_name
    fields = sch["fields"]
    names = [f["name"] for f in fields]
    issues: list[Issue] = []
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TableError([Issue(name, None, None, f"cannot be read ({exc.strerror})")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TableError([Issue(name, raw[: exc.start].count(b"\n") + 1, None, f"is not UTF-8 (byte {exc.start}); re-save it as UTF-8 CSV")]) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise TableError([Issue(name, 1, None, f"is empty; the first line must be the header: {','.join(names)}")]) from None
    header = [h.strip() for h in header]
    missing = [n for n in names if n not in header and any(f["name"] == n and f.get("constraints", {}).get("required") for f in fields)]
    if missing:
        raise TableError([Issue(name, 1, m, f"column is missing from the header; expected columns: {','.join(names)}") for m in missing])
    unknown = [h for h in header if h not in names]
    if unknown:
        issues.append(Issue(name, 1, unknown[0], f"is not a column of this table; expected columns: {','.join(names)}"))
    rows: list[dict] = []
    lines: list[int] = []
    seen: dict[str, dict] = {f["name"]: {} for f in fields if f.get("constraints", {}).get("unique")}
    pk = sch.get("primaryKey")
    pk = [pk] if isinstance(pk, str) else (pk or [])
    seen_pk: dict[tuple, int] = {}
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            issues.append(Issue(name, line, None, f"is not valid CSV ({exc}); check the quoting"))
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            issues.append(Issue(name, line, None, f"has {len(cells)} cells but the header has {len(header)}; quote cells that contain commas"))
            continue
        rec = dict(zip(header, cells))
        out = {}
        for f in fields:
            fname, ftype = f["name"], f.get("type", "string")
            cons = f.get("constraints", {})
            value = rec.get(fname, "")
            value = value.strip() if ftype != "string" else value
            if value == "" or value is None:
                if cons.get("required"):
                    issues.append(Issue(name, line, fname, "is required but empty"))
                out[fname] = "" if ftype == "string" else None
                continue
            try:
                conv = _convert(value, ftype)
            except ValueError as exc:
                issues.append(Issue(name, line, fname, f"'{value}' is not a valid {ftype} ({exc})"))
                out[fname] = None
                continue
            if "enum" in cons and conv not in cons["enum"]:
                issues.append(Issue(name, line, fname, f"'{value}' is not allowed; use one of: {', '.join(map(str, cons['enum']))}"))
            if "pattern" in cons and not re.fullmatch(cons["pattern"], value):
                issues.append(Issue(name, line, fname, f"'{value}' does not match the pattern {cons['pattern']}"))
            if "minimum" in cons and conv < cons["minimum"]:
                issues.append(Issue(name, line, fname, f"{value} is below the minimum {cons['minimum']}"))
            if "maximum" in cons and conv > cons["maximum"]:
                issues.append(Issue(name, line, fname, f"{value} is above the maximum {cons['maximum']}"))
            if fname in seen:
                if conv in seen[fname]:
                    issues.append(Issue(name, line, fname, f"'{value}' repeats line {seen[fname][conv]}; values must be unique"))
                else:
                    seen[fname][conv] = line
            out[fname] = conv
        if pk:
            key = tuple(out.get(k) for k in pk)
            if key in seen_pk:
                issues.append(Issue(name, line, ",".join(pk), f"{key} repeats line {seen_pk[key]}; the key must be unique"))
            else:
                seen_pk[key] = line
        rows.append(out)
        lines.append(line)
    if issues:
        raise TableError(issues)
    df = pd.DataFrame(rows, columns=names)
    df.attrs["source"] = str(path)
    df.attrs["lines"] = lines
    return df
