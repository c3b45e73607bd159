"""The on-disk cache: an unchanged corpus reopens from it; any change is a new entry."""
import sys

import pandas as pd
import pytest

import araz
from araz import cache

from conftest import make_corpus

GOOD = {"title": "A note", "outlet": "Example Daily", "published": "2024-03-02"}


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ARAZ_CACHE_DIR", str(folder))
    monkeypatch.delenv("ARAZ_CACHE", raising=False)
    monkeypatch.setattr(cache, "MIN_DOCUMENTS", 2)
    return folder


def three_docs(tmp_path):
    return make_corpus(tmp_path, {
        "a.md": (GOOD, "Tehran and Baku signed a deal. Mr. Bayramov said so.\nThe route opens."),
        "b.md": ({**GOOD, "published": "2025-01/2025-02", "title": "B"}, "Baku agreed. Iran waited."),
        "c.md": ({**GOOD, "title": "C", "colour": "blue"}, "A third text."),
    })


def assert_same(a, b):
    assert a.fingerprint == b.fingerprint
    for name in ("documents", "paragraphs", "sentences"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
    assert [d.text for d in a] == [d.text for d in b]
    assert [str(w) for w in a.warnings] == [str(w) for w in b.warnings]


def test_reopening_an_unchanged_folder_reads_the_parsed_corpus_from_disk(tmp_path, cache_dir, monkeypatch):
    folder = three_docs(tmp_path)
    first = araz.load_corpus(folder)
    assert len(list(cache_dir.glob("corpus-*.pickle"))) == 1

    def no_parsing(*args, **kwargs):
        raise AssertionError("the corpus was parsed again")

    monkeypatch.setattr(sys.modules["araz.validate"], "check_files", no_parsing)
    again = araz.load_corpus(folder)
    assert_same(first, again)
    assert again.cite(f"{again.doc_ids[0]} ¶1.1")


def test_any_edit_to_a_file_is_a_new_cache_entry(tmp_path, cache_dir):
    folder = three_docs(tmp_path)
    araz.load_corpus(folder)
    path = folder / "c.md"
    path.write_text(path.read_text(encoding="utf-8").replace("A third text.", "A changed text."), encoding="utf-8")
    changed = araz.load_corpus(folder)
    assert "A changed text." in changed.cite(f"{changed.doc_ids[-1]} ¶1") or any("changed" in d.text for d in changed)
    assert len(list(cache_dir.glob("corpus-*.pickle"))) == 2


def test_a_broken_corpus_is_reported_and_not_cached(tmp_path, cache_dir):
    folder = three_docs(tmp_path)
    (folder / "bad.md").write_text("no front matter\n", encoding="utf-8")
    with pytest.raises(araz.CorpusError):
        araz.load_corpus(folder)
    assert not list(cache_dir.glob("corpus-*.pickle"))


def test_cache_can_be_turned_off(tmp_path, cache_dir, monkeypatch):
    folder = three_docs(tmp_path)
    araz.load_corpus(folder, cache=False)
    monkeypatch.setenv("ARAZ_CACHE", "off")
    araz.load_corpus(folder)
    assert not cache_dir.exists() or not list(cache_dir.glob("corpus-*.pickle"))


def test_small_corpora_and_the_shipped_corpus_leave_no_cache(tmp_path, cache_dir, monkeypatch):
    monkeypatch.setattr(cache, "MIN_DOCUMENTS", 200)
    araz.load_corpus(three_docs(tmp_path))
    araz.load_corpus()
    assert not cache_dir.exists()


def test_a_damaged_cache_entry_is_ignored_and_rebuilt(tmp_path, cache_dir):
    folder = three_docs(tmp_path)
    first = araz.load_corpus(folder)
    entry = next(cache_dir.glob("corpus-*.pickle"))
    entry.write_bytes(b"not a pickle")
    assert_same(first, araz.load_corpus(folder))


def test_a_reopened_corpus_reads_its_texts_and_paragraphs_only_when_used(tmp_path, cache_dir):
    folder = three_docs(tmp_path)
    first = araz.load_corpus(folder)
    again = araz.load_corpus(folder)
    assert not {"_docs", "_texts", "paragraphs"} & set(again.__dict__)
    assert len(again) == 3 and again.doc_ids == first.doc_ids  # from the documents table
    assert "_docs" not in again.__dict__
    assert again.cite(f"{again.doc_ids[1]} ¶1") == first.cite(f"{first.doc_ids[1]} ¶1")
    assert_same(first, again)


def test_a_cache_entry_damaged_inside_a_deferred_part_says_what_to_do(tmp_path, cache_dir):
    import pickle

    folder = three_docs(tmp_path)
    first = araz.load_corpus(folder)
    entry = next(cache_dir.glob("corpus-*.pickle"))
    raw = bytearray(entry.read_bytes())
    index = pickle.loads(bytes(raw[int.from_bytes(raw[-8:], "little"):-8]))
    start, size = index["paragraphs"]
    raw[start:start + size] = b"\x00" * size  # the index is intact, the paragraphs part is not
    entry.write_bytes(bytes(raw))
    again = araz.load_corpus(folder)  # opens: the damaged part has not been read yet
    with pytest.raises(araz.CorpusError, match=r"cached copy of this corpus .* is damaged.*load the corpus again"):
        again.paragraphs
    assert not entry.exists()  # removed, so loading again parses the files
    assert_same(first, araz.load_corpus(folder))


def test_persisted_annotations_come_back_in_a_new_session(tmp_path, cache_dir):
    folder = three_docs(tmp_path)
    calls = []

    def compute():
        calls.append(1)
        return pd.DataFrame({"n": [1, 2, 3]})

    a = araz.load_corpus(folder)
    a.cached(("test.annotation", "lexicon-hash"), compute, persist=True)
    b = araz.load_corpus(folder)  # a new Corpus object, as after a restart
    got = b.cached(("test.annotation", "lexicon-hash"), compute, persist=True)
    assert calls == [1] and got["n"].tolist() == [1, 2, 3]
    b.cached(("test.annotation", "another-lexicon"), compute, persist=True)
    assert calls == [1, 1]


def test_unstable_keys_and_derived_corpora_are_not_persisted(tmp_path, cache_dir):
    a = araz.load_corpus(three_docs(tmp_path))
    a.cached(("x", object()), lambda: 1, persist=True)
    a.subset(a.doc_ids[:2]).cached(("y",), lambda: 2, persist=True)
    assert not (cache_dir / "annotations").exists()


def test_subset_equals_loading_only_those_documents(tmp_path):
    folder = three_docs(tmp_path)
    full = araz.load_corpus(folder)
    keep = full.doc_ids[1:]
    sub = full.subset(keep)
    (folder / "a.md").unlink()
    alone = araz.load_corpus(folder)
    assert sub.doc_ids == alone.doc_ids
    assert sub.fingerprint == alone.fingerprint
    for name in ("paragraphs", "sentences"):
        pd.testing.assert_frame_equal(getattr(sub, name), getattr(alone, name))
    assert sub.cite(f"{keep[0]} ¶1.1") == alone.cite(f"{keep[0]} ¶1.1")


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ARAZ_CACHE_DIR", str(tmp_path / "x"))
    assert cache.cache_dir() == tmp_path / "x"
    monkeypatch.delenv("ARAZ_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "araz"


def test_untouched_files_are_not_even_read_on_reopening(tmp_path, cache_dir, monkeypatch):
    folder = three_docs(tmp_path)
    first = araz.load_corpus(folder)
    assert len(list(cache_dir.glob("stat-*.key"))) == 1
    monkeypatch.setattr(sys.modules["araz.validate"], "read_bytes", lambda p: (_ for _ in ()).throw(AssertionError(p)))
    assert_same(first, araz.load_corpus(folder))


def test_a_touched_but_unchanged_file_falls_back_to_the_content_hash(tmp_path, cache_dir, monkeypatch):
    import os

    folder = three_docs(tmp_path)
    first = araz.load_corpus(folder)
    st = os.stat(folder / "a.md")
    os.utime(folder / "a.md", ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))

    def no_parsing(*args, **kwargs):
        raise AssertionError("the corpus was parsed again")

    monkeypatch.setattr(sys.modules["araz.validate"], "check_files", no_parsing)
    assert_same(first, araz.load_corpus(folder))
    assert len(list(cache_dir.glob("stat-*.key"))) == 2 and len(list(cache_dir.glob("corpus-*.pickle"))) == 1


def test_tables_come_back_exactly_as_they_were_written(tmp_path):
    import numpy as np

    frame = pd.DataFrame({
        "text": pd.Series(["a", "b", None], dtype="str"), "n": [1, 2, 3], "x": [0.5, np.nan, 2.0],
        "flag": [True, False, True], "when": pd.to_datetime(["2024-01-01", "2025-02-03", None]),
        "cat": pd.Categorical(["u", "v", "u"]), "lists": [[1], [], [{"a": 1}]], "obj": [None, "s", 3],
    }, index=pd.Index([10, 20, 30], name="row"))
    frame.attrs["total"] = 3
    dup = pd.DataFrame([[1, 2]], columns=["a", "a"])
    value = {"pair": (frame, dup), "list": [frame.iloc[:0], "text"], "n": 5}
    path = tmp_path / "x.pickle"
    assert cache.write(path, value)
    back = cache.read(path)
    pd.testing.assert_frame_equal(back["pair"][0], frame)
    assert back["pair"][0].attrs == {"total": 3}
    pd.testing.assert_frame_equal(back["pair"][1], dup)
    pd.testing.assert_frame_equal(back["list"][0], frame.iloc[:0])
    assert back["list"][1] == "text" and back["n"] == 5 and isinstance(back["pair"], tuple)


def test_old_entries_are_pruned_by_count_and_size(tmp_path, cache_dir):
    import os
    import time

    cache_dir.mkdir()
    for i in range(5):
        p = cache_dir / f"corpus-{i}.pickle"
        p.write_bytes(b"x" * 100)
        os.utime(p, (time.time() - 100 + i, time.time() - 100 + i))
    cache.prune(keep=3)
    assert sorted(p.name for p in cache_dir.glob("corpus-*")) == ["corpus-2.pickle", "corpus-3.pickle", "corpus-4.pickle"]
    cache.prune(keep=3, max_bytes=150)
    assert [p.name for p in cache_dir.glob("corpus-*")] == ["corpus-4.pickle"]


def test_writing_the_cache_leaves_the_corpus_strings_as_they_were(tmp_path, cache_dir):
    text = "Iran’s view of the “3+3” format. " * 20
    folder = make_corpus(tmp_path, {f"d{i}.md": ({**GOOD, "title": f"T{i}"}, text) for i in range(3)})
    corpus = araz.load_corpus(folder)
    doc = corpus[corpus.doc_ids[0]]
    sentence = corpus.sentences["text"].iloc[0]
    before = sys.getsizeof(doc.text), sys.getsizeof(sentence)
    cache.write(tmp_path / "x.pickle", {"docs": list(corpus), "sentences": corpus.sentences})
    assert (sys.getsizeof(doc.text), sys.getsizeof(sentence)) == before  # no UTF-8 copy attached
    back = cache.read(tmp_path / "x.pickle")
    assert back["docs"][0] == doc and back["sentences"]["text"].iloc[0] == sentence


def test_text_columns_come_back_exactly_whatever_they_hold(tmp_path):
    """Text columns are stored as one blob (distinct values once when they repeat): repeated
    values, missing values, other scripts, the blob's own separator and lone surrogates."""
    repeated = pd.Series(["Baku", "Tehran", None, "Baku"] * 500, dtype="str")
    unique = pd.Series([f"sentence {i} — “Araz” ارس" for i in range(2000)], dtype="str")
    unique[7] = None
    odd = pd.Series(["a\x00b", "c"], dtype="str")  # the separator itself: pickled instead
    surrogate = pd.Series(["x\udcff", "y"], dtype="str")
    na_string = pd.Series(["p", None, "p", "p"], dtype="string")  # pandas.NA, not NaN
    for series in (repeated, unique, odd, surrogate, na_string):
        frame = pd.DataFrame({"t": series, "n": range(len(series))})
        path = tmp_path / "t.pickle"
        assert cache.write(path, frame)
        back = cache.read(path)
        pd.testing.assert_frame_equal(back, frame, check_exact=True)
    assert cache.write(path, pd.DataFrame({"t": repeated}))
    shared = cache.read(path)["t"]
    assert shared.iloc[0] is shared.iloc[3]  # a repeated value is one object again
