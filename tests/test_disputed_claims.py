"""A claim the ledger marks disputed is never shown without its flag, wherever the kit shows it.

The walk covers every place a reader meets a ledger claim: exercise texts (prompts, hints, model
answers, solutions in ``src/araz/exercises/``), notebooks (``.ipynb`` and their Jupytext ``.py``
sources), the codebook's worked examples, the seminar guide, the briefing templates and the
default briefing note (``make brief``) rendered as Markdown and HTML.

*Shown* means the text holds the claim's quote, or any run of ``WINDOW`` consecutive words of
it, or one of the short forms in ``SHORT_FORMS`` (how the kit's texts refer to a claim without
quoting it in full). *Flagged* means that within ``REACH`` characters of it the text says
"disputed" or gives the public record ("public record", "seven documents" …) — so a reader
who meets the claim meets the dispute too.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

import araz
from araz import claims

ROOT = Path(__file__).resolve().parents[1]
WINDOW = 5     # words of a quote that identify it
REACH = 400    # characters either side in which the flag must stand
FLAG = re.compile(r"disputed|public record|claims ledger note", re.IGNORECASE)
# short forms used for a claim without quoting five of its words
SHORT_FORMS = {
    "cl-052": ["more than 50"],
    "cl-072": ["all ten SCO"],
    "cl-071": ["ten full members"],
}


def _norm(text: str) -> str:
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "}))
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>\"'])", r"\1", text)   # Markdown escapes of the rendered note
    return re.sub(r"\s+", " ", text)


def _markers(row) -> list[str]:
    words = _norm(row.quote).split()
    runs = {" ".join(words[i:i + WINDOW]) for i in range(max(1, len(words) - WINDOW + 1))}
    return sorted(runs) + SHORT_FORMS.get(row.claim_id, [])


DISPUTED = list(claims.disputed(araz.load_corpus()).itertuples(index=False))


def _notebook_text(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n\n".join("".join(c.get("source", "")) for c in nb.get("cells", []))


def _places() -> list[tuple[str, str]]:
    """(name, text) of every place the walk reads."""
    out = []
    for p in sorted((ROOT / "src" / "araz" / "exercises").glob("*.py")):
        out.append((p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8")))
    for pattern in ("notebooks/*.ipynb", "exercises/*.ipynb", "exercises/solutions/*.ipynb"):
        for p in sorted(ROOT.glob(pattern)):
            out.append((p.relative_to(ROOT).as_posix(), _notebook_text(p)))
    for pattern in ("notebooks/*.py", "tools/notebooks/*.py"):
        for p in sorted(ROOT.glob(pattern)):
            out.append((p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8")))
    for rel in ("data/lexicons/CODEBOOK.md", "docs/seminar_guide.md"):
        out.append((rel, (ROOT / rel).read_text(encoding="utf-8")))
    for p in sorted((ROOT / "src" / "araz" / "briefing" / "templates").glob("*.j2")):
        out.append((p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8")))
    return out


def _unflagged(text: str) -> list[str]:
    """'claim_id: …context…' for every disputed claim shown in ``text`` without its flag nearby."""
    text = _norm(text)
    bad = []
    for row in DISPUTED:
        for m in _markers(row):
            for hit in re.finditer(re.escape(m), text):
                window = text[max(0, hit.start() - REACH):hit.end() + REACH]
                if not FLAG.search(window):
                    bad.append(f"{row.claim_id}: …{text[max(0, hit.start() - 60):hit.end() + 60]}…")
    return sorted(set(bad))


def test_the_ledger_marks_the_claims_the_issue_names_as_disputed():
    ids = {r.claim_id for r in DISPUTED}
    assert {"cl-052", "cl-072", "cl-028"} <= ids           # 'more than 50', 'all ten SCO', the Aras 'last year'
    assert all(r.note.startswith("Disputed") for r in DISPUTED)


def test_the_walk_catches_a_bare_claim_and_accepts_a_flagged_one():
    bare = "As the Financial Tribune says, the two sides signed more than 50 agreements in Baku."
    flagged = bare + " The claims ledger marks this count as disputed: seven documents were signed."
    assert any(b.startswith("cl-052") for b in _unflagged(bare))
    assert _unflagged(flagged) == []


@pytest.mark.parametrize("name, text", _places(), ids=[n for n, _ in _places()])
def test_every_place_shows_a_disputed_claim_with_its_flag(name, text):
    bad = _unflagged(text)
    assert not bad, f"{name} shows disputed claims without the flag:\n" + "\n".join(bad)


@pytest.fixture(scope="module")
def default_brief():
    from araz.briefing import build_brief
    # the note `make brief` writes (see the Makefile)
    return build_brief(topic="Araghchi's December 2025 visit to Baku", start="2025-12-01", end="2025-12-31",
                       built=dt.date(2026, 1, 1))


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_default_briefing_shows_every_disputed_claim_with_its_flag(default_brief, fmt):
    text = default_brief.to_markdown() if fmt == "md" else re.sub(r"<[^>]+>", " ", default_brief.to_html())
    bad = _unflagged(text)
    assert not bad, "the default briefing shows disputed claims without the flag:\n" + "\n".join(bad)
    assert "more than 50 agreements" in _norm(text)      # the walk did meet a disputed claim here
