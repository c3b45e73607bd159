"""The on-disk cache: what makes reopening an unchanged corpus fast.

Two things are kept, both in :func:`cache_dir` (``$ARAZ_CACHE_DIR``, else
``$XDG_CACHE_HOME/araz``, else ``~/.cache/araz``):

* ``corpus-*.pickle`` — a parsed corpus (documents, paragraphs, sentences), keyed by the
  **content** of every file (a SHA-256 over paths and bytes) and the version of araz's code;
  :func:`araz.load_corpus` uses it for corpora of :data:`MIN_DOCUMENTS` or more documents.
  It is written in separately readable parts (:func:`write_parts`), so that a reopened corpus
  makes its documents' texts and its paragraphs into objects only when they are first used.
  A small ``stat-*.key`` file points to it from the files' sizes, times and inodes, so that
  reopening a folder nobody touched does not even read the files (as Python checks ``.pyc``
  files); a touched file falls back to hashing the contents;
* ``annotations/<corpus fingerprint>/*.pickle`` — results an analysis chose to keep with
  ``corpus.cached(key, compute, persist=True)``, keyed by the corpus fingerprint, the key
  and araz's code version.

Tables are stored a column at a time: numbers as arrays, text as one UTF-8 blob per column
(each distinct value once when values repeat, e.g. doc ids), anything else pickled. A change
to any file of the corpus, or to any of araz's source files, gives new keys, so a stale
entry is never read. Entries are pickles: point ``ARAZ_CACHE_DIR`` only at a folder
that you alone can write. ``ARAZ_CACHE=off`` (or ``load_corpus(..., cache=False)``) turns the
cache off; deleting the folder is always safe. Only the most recent :data:`KEEP` corpora
are kept.
"""
from __future__ import annotations

import gc
import hashlib
import operator
import os
import pickle
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any

MIN_DOCUMENTS = 200  # smaller corpora load in a fraction of a second without a cache
KEEP = 8  # corpora (and their annotation folders) kept on disk
MAX_BYTES = 4 * 1024**3  # and no more parsed corpora than this (one of 100,000 articles is ~1.8 GB)
FORMAT = 6  # bump when what is stored changes


def enabled() -> bool:
    """False when ``ARAZ_CACHE`` is ``0``/``off``/``false``/``no``."""
    return os.environ.get("ARAZ_CACHE", "").strip().lower() not in ("0", "off", "false", "no")


def cache_dir() -> Path:
    """``$ARAZ_CACHE_DIR``, else ``$XDG_CACHE_HOME/araz``, else ``~/.cache/araz``."""
    env = os.environ.get("ARAZ_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "araz"


# The modules a parsed corpus depends on (the corpus cache key hashes only these).
CORPUS_MODULES = ("corpus.py", "validate.py", "text.py", "dates.py", "errors.py", "cache.py")
_CODE_VERSIONS: dict[str, str] = {}


def code_version(scope: str = "all") -> str:
    """A hash of araz's version and its source files: ``"all"`` of them (for annotations,
    which any module may compute) or only the ``"corpus"`` modules (for a parsed corpus)."""
    if scope not in _CODE_VERSIONS:
        from . import __version__

        here = Path(__file__).resolve().parent
        files = sorted(here.rglob("*.py")) if scope == "all" else [here / n for n in CORPUS_MODULES]
        h = hashlib.sha256(f"araz {__version__} format {FORMAT} {scope}".encode())
        for p in files:
            h.update(str(p.relative_to(here)).encode())
            h.update(p.read_bytes())
        _CODE_VERSIONS[scope] = h.hexdigest()
    return _CODE_VERSIONS[scope]


def stable(key: Any) -> bool:
    """Whether ``key`` is made only of text, numbers, bytes, ``None`` and tuples of them."""
    if key is None or isinstance(key, (str, int, float, bytes, bool)):
        return True
    return isinstance(key, tuple) and all(stable(k) for k in key)


@contextmanager
def gc_paused():
    """Pause the cycle collector while a few hundred thousand objects are made (unpickling,
    scoring): with a big corpus in memory, each collection they trigger scans millions of
    objects, which took longer than making them. Nothing made inside is a reference cycle."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def read(path: Path) -> Any | None:
    """Unpickle ``path`` (written by :func:`write`); ``None`` when it is missing or unreadable."""
    with gc_paused():
        return _read_entry(path, _PIECES, _load_pieces)


def _read_entry(path: Path, marker: str, body) -> Any | None:
    """``body(fh)`` after the file's first object was ``marker``; ``None`` when the file is
    missing, damaged or of another kind (it is then rebuilt), or when ``body`` says so."""
    try:
        with open(path, "rb") as fh:
            if pickle.load(fh) != marker:
                return None
            value = body(fh)
    except Exception:  # noqa: BLE001 - a missing, damaged or foreign entry is ignored and rebuilt
        return None
    if value is not None:
        try:
            os.utime(path)  # most recently used
        except OSError:
            pass
    return value


def write(path: Path, value: Any) -> bool:
    """Pickle ``value`` to ``path`` atomically; ``False`` (no error) when that fails.

    DataFrames (also inside tuples, lists and dicts) are written one column per pickle:
    a pickle's memo table holds every object it has written, so one pickle of a 300,000-row
    table of texts and lists costs hundreds of MB while it is written; a column at a time
    costs a fraction of that, and is faster.
    """
    def fill(fh) -> None:
        _dump(_PIECES, fh)
        _dump_pieces(value, fh)

    return _atomic(path, fill)


def _atomic(path: Path, fill) -> bool:
    """Write ``path`` through ``fill(fh)`` into a temporary file renamed into place, so a
    reader never sees half a file; ``False`` (no error) when that fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                fill(fh)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return True
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return False


def write_parts(path: Path, parts: dict[str, Any]) -> bool:
    """Write ``parts`` (name -> value) to ``path`` so that each can be read back on its own
    (:func:`read_parts`); ``False`` (no error) when that fails.

    Each part is a piece stream as in :func:`write`; an index of their byte ranges and its
    own offset (8 bytes) end the file.
    """
    def fill(fh) -> None:
        _dump(_PARTS, fh)
        index = {}
        for name, value in parts.items():
            at = fh.tell()
            _dump_pieces(value, fh)
            index[name] = (at, fh.tell() - at)
        at = fh.tell()
        _dump(index, fh)
        fh.write(at.to_bytes(8, "little"))

    return _atomic(path, fill)


class Parts:
    """The parts of a file written by :func:`write_parts`, read into memory as bytes:
    ``parts.load(name)`` turns one into its value, when (and only if) it is needed, so a
    caller can defer the parts most sessions never touch. The file itself is not kept open:
    removing or replacing it later does not affect parts already read."""

    def __init__(self, raw: dict[str, bytes]):
        self._raw = raw

    def __contains__(self, name: str) -> bool:
        return name in self._raw

    def load(self, name: str) -> Any:
        """The value of part ``name`` (its bytes are then let go); ``KeyError`` if absent."""
        import io

        raw = self._raw.pop(name)
        with gc_paused():
            return _load_pieces(io.BytesIO(raw))


def read_parts(path: Path) -> Parts | None:
    """The :class:`Parts` of ``path`` (written by :func:`write_parts`); ``None`` when it is
    missing, unreadable or not such a file."""
    def body(fh) -> Parts | None:
        fh.seek(-8, os.SEEK_END)
        end = fh.tell()
        at = int.from_bytes(fh.read(8), "little")
        if not 0 < at < end:
            return None
        fh.seek(at)
        raw = {}
        for name, (start, size) in pickle.load(fh).items():
            fh.seek(start)
            raw[name] = fh.read(size)
            if len(raw[name]) != size:
                return None
        return Parts(raw)

    return _read_entry(path, _PARTS, body)


def trim() -> None:
    """Give memory freed by a big load or write back to the system (glibc ``malloc_trim``).

    Python frees the temporary objects of parsing or pickling, but the C allocator keeps
    the pages; on Linux this returns them, so the process's resident size drops (about
    70 MB after loading 10,000 documents). Elsewhere it does nothing.
    """
    global _LIBC
    if not sys.platform.startswith("linux"):
        return
    try:
        if _LIBC is None:
            import ctypes

            _LIBC = ctypes.CDLL("libc.so.6")
        _LIBC.malloc_trim(0)
    except (OSError, AttributeError):
        _LIBC = False  # not glibc (e.g. musl): nothing to do
    except TypeError:
        pass


_LIBC = None
_PIECES = "araz-cache-pieces-v2"  # first object of every file written by write()
_PARTS = "araz-cache-parts-v1"  # first object of every file written by write_parts()


def _dump(obj: Any, fh) -> None:
    pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)


def _is_frame(obj: Any) -> bool:
    pd = sys.modules.get("pandas")
    return pd is not None and type(obj) is pd.DataFrame


def fresh(text: Any) -> Any:
    """A new ``str`` equal to ``text`` when it is non-ASCII, else ``text`` itself.

    Pickling (like ``str.encode`` or SQLite) makes CPython attach a UTF-8 copy to every
    non-ASCII string it writes, for as long as that string lives: pickling the corpus's own
    text objects would grow the process by ~100 MB per 10,000 documents. Pickling a
    short-lived copy leaves the originals as they were.
    """
    if type(text) is str and not text.isascii():
        return (text + "\0")[:-1]
    return text


def _fresh_column(arr: Any) -> Any:
    """``arr`` with its non-ASCII strings replaced by fresh copies (see :func:`fresh`)."""
    if not _is_python_strings(arr):
        return arr
    values = arr.to_numpy(dtype=object, na_value=arr.dtype.na_value)
    if all(type(x) is not str or x.isascii() for x in values):
        return arr
    return type(arr)._from_sequence([fresh(x) for x in values], dtype=arr.dtype)


# A text column is stored as its values joined by this character into one UTF-8 blob —
# when values repeat (doc ids, labels), its distinct values once plus an integer code per
# row: writing is a join and an encode, reading a decode and a split (and a take), all in C,
# instead of a pickle opcode and object per string (10x faster both ways on a 300,000-row
# table); repeated values come back as one shared object. A column whose values contain the
# separator is pickled as before.
_SEP = "\x00"


def _is_python_strings(arr: Any) -> bool:
    pd = sys.modules["pandas"]
    return isinstance(arr.dtype, pd.StringDtype) and getattr(arr.dtype, "storage", None) == "python"


_LONG = 256  # characters (bytes, read back): above this on average, texts are encoded one by one
_ENCODE = operator.methodcaller("encode", "utf-8", "surrogatepass")
_DECODE = operator.methodcaller("decode", "utf-8", "surrogatepass")


def _long(items: list) -> bool:
    """Whether these are long texts (documents, paragraphs) rather than short ones, on a sample."""
    sample = items[:: max(1, len(items) // 100)]
    return sum(map(len, sample)) > _LONG * len(sample)


def _repeats(values: Any) -> str | None:
    """Whether a text column repeats its values enough to store each distinct one once
    (doc ids, labels: yes; sentence texts and citations: no — hashing 300,000 long unique
    strings would cost more than it saves). Judged on an even sample of 1,000 rows.

    ``"shared"`` when each distinct value is also one object (a column made by taking from
    a short list, like a label per row), ``"repeats"`` when equal values are separate
    objects (texts cut from documents), ``None`` when values do not repeat enough.
    """
    sample = values[:: max(1, len(values) // 1000)].tolist()
    distinct = len(set(sample))
    if distinct >= 0.5 * len(sample):
        return None
    return "shared" if len(set(map(id, sample))) == distinct else "repeats"


def _all_strings(values: Any) -> bool:
    """Whether an object array holds only ``str`` (no missing value)."""
    try:
        from pandas._libs.lib import is_string_array
    except ImportError:  # another pandas: the slower, public path is taken
        return False
    return bool(is_string_array(values, skipna=False))


def _factorize(values: Any, shared: bool) -> tuple[Any, Any]:
    """Codes (-1 for a missing value) and the distinct strings, in order of appearance.

    ``pd.factorize`` (C) hashes text through UTF-8 and so attaches a UTF-8 copy to each
    non-ASCII string it meets (see :func:`fresh`): harmless when the distinct values are a few
    ``shared`` objects; otherwise a dict does the same without it."""
    import numpy as np
    import pandas as pd

    if shared:
        codes, distinct = pd.factorize(values, use_na_sentinel=True)
        return codes.astype(np.int32 if len(distinct) < 2**31 - 1 else np.int64, copy=False), distinct
    items = values.tolist()
    codes = dict.fromkeys(items)
    codes.pop(None, None)
    distinct = list(codes)
    codes.update(zip(distinct, range(len(distinct))))
    codes[None] = -1
    small = np.int32 if len(distinct) < 2**31 - 1 else np.int64
    return np.fromiter(map(codes.__getitem__, items), dtype=small, count=len(items)), np.array(distinct, dtype=object)


def _dump_column(arr: Any, fh) -> None:
    if _is_python_strings(arr) and len(arr):
        import numpy as np

        values = getattr(arr, "_ndarray", None)  # the object array behind the column, if pandas keeps one
        if values is None or not _all_strings(values):  # missing values (NaN, NA) or another layout
            missing = np.asarray(arr.isna())
            values = arr.to_numpy(dtype=object, na_value=None)
        else:  # the usual case, told by one C pass instead of two isna() calls
            missing = np.zeros(len(values), dtype=bool)
        codes = None
        repeats = _repeats(values)
        if repeats:
            codes, values = _factorize(values, shared=repeats == "shared")
        elif missing.any():
            values[missing] = ""
        # Neither the join nor str.encode attaches a UTF-8 copy to the corpus's own strings
        # (see fresh()); surrogatepass keeps any lone surrogate a text may hold.
        items = values.tolist()
        if _long(items):  # whole texts: one encode each (joining first would widen them all)
            blob = _SEP.encode().join(list(map(_ENCODE, items)))
        else:
            blob = _SEP.join(items).encode("utf-8", "surrogatepass")
        if blob.count(_SEP.encode()) == len(items) - 1:
            _dump(("strings", arr.dtype, len(items), codes is not None, bool(missing.any())), fh)
            if codes is not None:
                _dump(codes, fh)
            elif missing.any():
                _dump(missing, fh)
            _dump(blob, fh)
            return
    _dump(("array",), fh)
    _dump(_fresh_column(arr), fh)


def _load_column(fh) -> Any:
    head = pickle.load(fh)
    if head[0] == "strings":
        import numpy as np
        import pandas as pd

        dtype, n_values, has_codes, has_missing = head[1:]
        codes = pickle.load(fh) if has_codes else None
        missing = pickle.load(fh) if has_missing and not has_codes else None
        blob = pickle.load(fh)
        if not n_values:
            values = []
        elif len(blob) > _LONG * n_values and not blob.isascii():
            # long texts with other scripts: decoding the whole blob would make one wide
            # string that every piece is then narrowed from; a decode per text is 3x faster
            values = list(map(_DECODE, blob.split(_SEP.encode())))
        else:
            values = blob.decode("utf-8", "surrogatepass").split(_SEP)
        if len(values) != n_values:
            raise ValueError("damaged text column")
        if codes is not None:
            values.append(dtype.na_value)  # code -1 (a missing value) takes the last element
            table = np.array(values, dtype=object)[codes]
        else:
            table = np.array(values, dtype=object)
            if missing is not None:
                table[missing] = dtype.na_value
        return pd.arrays.StringArray(table, dtype=dtype)
    return pickle.load(fh)


def _dump_pieces(obj: Any, fh) -> None:
    if _is_frame(obj):
        _dump(("frame", obj.shape[1]), fh)
        _dump((obj.index, obj.columns, obj.attrs, obj.flags.allows_duplicate_labels), fh)
        for i in range(obj.shape[1]):
            _dump_column(obj.iloc[:, i].array, fh)
    elif type(obj) in (tuple, list):
        _dump((type(obj).__name__, len(obj)), fh)
        for x in obj:
            _dump_pieces(x, fh)
    elif type(obj) is dict:
        _dump(("dict", list(obj)), fh)
        for x in obj.values():
            _dump_pieces(x, fh)
    else:
        _dump(("object",), fh)
        _dump(obj, fh)


def _load_pieces(fh) -> Any:
    head = pickle.load(fh)
    kind = head[0]
    if kind == "frame":
        import pandas as pd

        index, columns, attrs, allows_duplicates = pickle.load(fh)
        arrays = [_load_column(fh) for _ in range(head[1])]
        df = pd.DataFrame(dict(enumerate(arrays)), index=index, copy=False)
        df.columns = columns
        df.attrs = attrs
        df.flags.allows_duplicate_labels = allows_duplicates
        return df
    if kind in ("tuple", "list"):
        items = [_load_pieces(fh) for _ in range(head[1])]
        return tuple(items) if kind == "tuple" else items
    if kind == "dict":
        return {k: _load_pieces(fh) for k in head[1]}
    return pickle.load(fh)


def read_pointer(path: Path) -> str | None:
    """The key stored in a small pointer file (see :func:`stat_path`), or ``None``."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text if len(text) == 64 and all(c in "0123456789abcdef" for c in text) else None


def write_pointer(path: Path, key: str) -> bool:
    """Store ``key`` in the pointer file ``path`` (atomically); ``False`` when that fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".key")
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(key)
        os.replace(tmp, path)
        return True
    except OSError:
        return False


def stat_path(stat_key: str) -> Path:
    """Pointer from the files' sizes and times to the content key of their parsed corpus."""
    return cache_dir() / f"stat-{stat_key[:40]}.key"


def corpus_path(key: str) -> Path:
    return cache_dir() / f"corpus-{key[:40]}.pickle"


def annotation_path(fingerprint: str, key: Any) -> Path:
    h = hashlib.sha256((code_version() + "\0" + repr(key)).encode()).hexdigest()
    return cache_dir() / "annotations" / fingerprint[:32] / f"{h[:40]}.pickle"


def prune(keep: int = KEEP, max_bytes: int | None = None) -> None:
    """Keep only the ``keep`` most recently used corpora and annotation folders, and no more
    corpora than fit in ``max_bytes`` (default :data:`MAX_BYTES`; the newest is always kept)."""
    base = cache_dir()
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    try:
        entries = sorted(base.glob("corpus-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        total = 0
        for i, p in enumerate(entries):
            total += p.stat().st_size
            if i >= keep or (i > 0 and total > max_bytes):
                p.unlink(missing_ok=True)
        pointers = sorted(base.glob("stat-*.key"), key=lambda p: p.stat().st_mtime, reverse=True)
        for p in pointers[4 * keep:]:
            p.unlink(missing_ok=True)
        ann = base / "annotations"
        if ann.is_dir():
            dirs = sorted((d for d in ann.iterdir() if d.is_dir()), key=lambda d: d.stat().st_mtime, reverse=True)
            for d in dirs[keep:]:
                for f in d.iterdir():
                    f.unlink(missing_ok=True)
                d.rmdir()
    except OSError:
        pass


__all__ = ["cache_dir", "enabled", "code_version", "MIN_DOCUMENTS"]
