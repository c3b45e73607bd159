"""Shared test helpers: small corpora written in ``tmp_path``."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
import yaml

os.environ.setdefault("MPLBACKEND", "Agg")
# Tests (and the notebooks they run in subprocesses) keep on-disk caches out of the user's home.
os.environ.setdefault("ARAZ_CACHE_DIR", tempfile.mkdtemp(prefix="araz-test-cache-"))


def write_doc(folder: Path, name: str, meta: dict, text: str) -> Path:
    """Write one document file (front matter + text) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n{text}", encoding="utf-8")
    return path


def make_corpus(tmp_path: Path, docs: dict) -> Path:
    """Write ``{file_name: (meta, text)}`` under ``tmp_path/corpus`` and return the folder."""
    folder = Path(tmp_path) / "corpus"
    for name, (meta, text) in docs.items():
        write_doc(folder, name, meta, text)
    return folder


@pytest.fixture(scope="session")
def corpus():
    import araz

    return araz.load_corpus()


@pytest.fixture
def small_corpus(tmp_path):
    """A two-document user corpus, one of them in Persian."""
    import araz

    folder = make_corpus(tmp_path, {
        "a.md": ({"title": "Test one", "outlet": "Example Daily", "published": "2024-03-02", "perspective": "test"},
                 "Tehran and Baku signed a deal. Mr. Bayramov said the route would open.\nHeading line\nThe Islamic Republic welcomed it."),
        "b.md": ({"title": "Test two", "outlet": "Example Weekly", "published": "2025-01/2025-02", "language": "fa"},
                 "ایران و آذربایجان همکاری می‌کنند. باکو موافقت کرد."),
    })
    return araz.load_corpus(folder)
