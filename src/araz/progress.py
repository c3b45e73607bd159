"""A tiny text progress bar for long work on large corpora (stdlib only).

One line, redrawn in place with a carriage return, so it works the same in a terminal
and in a Jupyter notebook (JupyterLab and classic Notebook honour ``\\r`` in a cell's
stream output); no ipywidgets, no tqdm::

    load corpus  [██████████░░░░░░░░░░]  52%  5,200/10,000  1.4 s  ~1.3 s left

It only draws when the work is large (``total >= min_total``, default 2,000) and someone
is watching (a terminal, or a notebook kernel); tests, pipes and CI stay silent. Set
``ARAZ_PROGRESS=0`` to silence it everywhere, ``ARAZ_PROGRESS=1`` to force it on.

>>> from araz.progress import progress
>>> sum(progress(range(10), label="demo"))  # small work: silent
45
"""
from __future__ import annotations

import os
import sys
import time
from typing import Iterable, Iterator, TextIO, TypeVar

T = TypeVar("T")
MIN_TOTAL = 2_000
WIDTH = 20
_REDRAW = 0.1  # seconds between redraws


def _in_notebook() -> bool:
    """True inside a running Jupyter kernel (not merely when ipykernel was imported)."""
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    try:
        shell = ipython.get_ipython()
    except Exception:  # pragma: no cover - exotic IPython states
        return False
    return shell is not None and "IPKernelApp" in getattr(shell, "config", {})


def enabled(total: int | None, *, min_total: int = MIN_TOTAL, file: TextIO | None = None) -> bool:
    """Return whether a bar for ``total`` items would be drawn (see the module docstring)."""
    flag = os.environ.get("ARAZ_PROGRESS", "").strip().lower()
    if flag in ("0", "false", "no", "off"):
        return False
    if flag in ("1", "true", "yes", "on"):
        return True
    if total is not None and total < min_total:
        return False
    if file is None and _in_notebook():
        return True
    stream = file if file is not None else sys.stderr
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _fmt_seconds(s: float) -> str:
    if s < 60:
        return f"{s:.1f} s"
    m, s = divmod(int(s + 0.5), 60)
    return f"{m}:{s:02d} min" if m < 60 else f"{m // 60}:{m % 60:02d} h"


class Progress:
    """A progress bar you update by hand: ``with Progress(10_000, "index") as bar: bar.update()``.

    ``show`` forces drawing on (``True``) or off (``False``); ``None`` decides with
    :func:`enabled`. The bar writes to ``file`` (default: stdout in a notebook, stderr
    in a terminal) and ends with a newline when closed.
    """

    def __init__(self, total: int | None, label: str = "", *, show: bool | None = None,
                 min_total: int = MIN_TOTAL, file: TextIO | None = None):
        self.total = total
        self.label = label
        self.count = 0
        self.file = file if file is not None else (sys.stdout if _in_notebook() else sys.stderr)
        self.show = enabled(total, min_total=min_total, file=self.file) if show is None else show
        self._t0 = time.perf_counter()
        self._last = 0.0
        self._width = 0
        self._closed = False

    def line(self) -> str:
        """The text of the bar as it would be drawn now."""
        elapsed = time.perf_counter() - self._t0
        head = f"{self.label}  " if self.label else ""
        if self.total:
            frac = min(1.0, self.count / self.total)
            filled = int(frac * WIDTH)
            bar = "█" * filled + "░" * (WIDTH - filled)
            left = ""
            if 0 < self.count < self.total and elapsed > 0.5:
                left = f"  ~{_fmt_seconds(elapsed * (self.total - self.count) / self.count)} left"
            return f"{head}[{bar}] {frac:4.0%}  {self.count:,}/{self.total:,}  {_fmt_seconds(elapsed)}{left}"
        return f"{head}{self.count:,}  {_fmt_seconds(elapsed)}"

    def _draw(self, force: bool = False) -> None:
        if not self.show:
            return
        now = time.perf_counter()
        if not force and now - self._last < _REDRAW:
            return
        self._last = now
        text = self.line()
        pad = " " * max(0, self._width - len(text))
        self._width = len(text)
        try:
            self.file.write("\r" + text + pad)
            self.file.flush()
        except (OSError, ValueError):  # a closed stream must not break the work
            self.show = False

    def update(self, n: int = 1) -> None:
        """Count ``n`` more items done and redraw (at most ten times a second)."""
        self.count += n
        self._draw()

    def set_label(self, label: str) -> None:
        """Change the text before the bar (e.g. the step now running) and redraw."""
        self.label = label
        self._draw(force=True)

    def write(self, text: str) -> None:
        """Print a line of text above the bar without breaking it (like ``tqdm.write``)."""
        if not self.show:
            return
        try:
            self.file.write("\r" + " " * self._width + "\r" + text + "\n")
            self._width = 0
        except (OSError, ValueError):
            self.show = False
            return
        self._draw(force=True)

    def close(self) -> None:
        """Draw the final state and end the line."""
        if self._closed:
            return
        self._closed = True
        if self.show:
            self._draw(force=True)
            try:
                self.file.write("\n")
                self.file.flush()
            except (OSError, ValueError):
                pass

    def __enter__(self) -> "Progress":
        self._draw(force=True)
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def progress(items: Iterable[T], label: str = "", *, total: int | None = None, show: bool | None = None,
             min_total: int = MIN_TOTAL, file: TextIO | None = None) -> Iterator[T]:
    """Yield ``items`` unchanged, drawing a bar while they are consumed.

    ``total`` defaults to ``len(items)`` when it has one. Small work (fewer than
    ``min_total`` items) draws nothing unless ``show=True``.
    """
    if total is None:
        try:
            total = len(items)  # type: ignore[arg-type]
        except TypeError:
            total = None
    bar = Progress(total, label, show=show, min_total=min_total, file=file)
    if not bar.show:
        yield from items
        return
    with bar:
        for item in items:
            yield item
            bar.update()


__all__ = ["Progress", "progress", "enabled"]
