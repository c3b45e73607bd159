"""Where the shipped data lives: inside the wheel (``araz/_data``) or in the source tree."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def data_dir() -> Path:
    """Return the folder holding ``corpus/``, ``gazetteer/``, ``lexicons/``, ``annotations/``.

    An installed wheel carries the data as ``araz/_data``; a source checkout (editable
    install) uses the repository's top-level ``data/``.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data", here.parents[1] / "data"):
        if (candidate / "corpus").is_dir():
            return candidate
    raise FileNotFoundError(
        "araz cannot find its shipped data: neither araz/_data nor the repository's data/ "
        "folder exists. Reinstall the package (pip install araz or make lab)."
    )


def shipped(*parts: str) -> Path:
    """Path of a shipped data file, e.g. ``shipped("gazetteer", "actors.csv")``."""
    return data_dir().joinpath(*parts)
