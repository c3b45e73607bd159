"""The check / hint / solution machinery behind every exercise (after Kaggle's learntools).

An exercise module only *declares* its questions; this module does the rest::

    EX = Exercise("ex01", "Sources and provenance", "ex01_sources.ipynb")
    q1 = EX.add(CitationQuestion(
        "Which sentence dates the visit?",
        accept=lambda corpus: {...},             # the citations that support the answer
        hints=["nudge", "narrower", "nearly the answer"],
        solution="…", cites=["doc ¶5.1"]))

In a notebook a student writes ``q1.check(answer)``, ``q1.hint()``, ``q1.hint(2)``,
``q1.solution()``. Every call prints plain text (document text is never rendered as HTML)
and returns ``None``; ``q1.last`` keeps the last :class:`Outcome` for tests and tools.

Four kinds of question:

* :class:`CitationQuestion` — answered with ``"doc_id ¶p.s"``; the citation is resolved
  and accepted when the sentence there supports the answer (several can be right);
* :class:`ValueQuestion` — a number, text, date, set, mapping or DataFrame, compared with
  what the kit's own functions compute (with a tolerance where it makes sense);
* :class:`FunctionQuestion` — a function the student writes, run on cases they have not seen;
* :class:`OpenQuestion` — interpretation; no automatic check, a model answer and a rubric.

Attempts are recorded in a small JSON file (see :func:`progress_path`) so that
``araz.exercises.progress()`` can show what is done, and so that ``araz grade`` can read
the results of a notebook it has just executed.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import numbers
import os
import re
import sys
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

# --------------------------------------------------------------------------- placeholder


class _Blank:
    """The ``____`` placeholder a student replaces with an answer."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"

    def __bool__(self) -> bool:
        return False


____ = _Blank()
BLANK_TEXT = "____"


def is_blank(value: Any, _depth: int = 0) -> bool:
    """True when ``value`` is (or still contains) the ``____`` placeholder, or is empty text."""
    if value is ____:
        return True
    if isinstance(value, str):
        return value.strip() in ("", "...", "…") or BLANK_TEXT in value
    if _depth > 2:
        return False
    if isinstance(value, dict):
        return any(is_blank(v, _depth + 1) or is_blank(k, _depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(is_blank(v, _depth + 1) for v in value)
    return False


# --------------------------------------------------------------------------- outcomes

CORRECT, INCORRECT, BLANK, ANSWERED = "correct", "incorrect", "not answered", "answered"


@dataclass(frozen=True)
class Outcome:
    """The result of one check: ``status`` is correct / incorrect / not answered / answered."""

    status: str
    message: str

    @property
    def passed(self) -> bool:
        return self.status == CORRECT


def prose(text: str) -> str:
    """Join the lines of each paragraph of a triple-quoted text (blank lines separate paragraphs)."""
    paras = re.split(r"\n\s*\n", textwrap.dedent(str(text)).strip())
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paras)


def _wrap(text: str) -> str:
    out = []
    for para in str(text).strip("\n").split("\n"):
        if para.startswith(("    ", "  -", "- ", "  ", ">", "|")) or len(para) <= 100 or "[[" in para:
            out.append(para)
        else:
            out.append(textwrap.fill(para, 100, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


class Wrong(Exception):
    """Raised inside a checker to say what is wrong; the message is shown to the student."""


# --------------------------------------------------------------------------- the corpus used by checks

_CORPUS = None


def corpus():
    """The shipped corpus, loaded once for all checks."""
    global _CORPUS
    if _CORPUS is None:
        import araz

        _CORPUS = araz.load_corpus()
    return _CORPUS


def quote(citation: str, width: int | None = None) -> str:
    """``doc ¶p.s — “exact text”`` for a citation of the shipped corpus."""
    text = corpus().cite(citation)
    if width and len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return f"{citation} — “{text}”"


# --------------------------------------------------------------------------- progress file


def progress_path() -> Path:
    """Where attempts are recorded.

    ``$ARAZ_PROGRESS_FILE`` when set; otherwise ``araz/progress.json`` in the user's data
    folder (``%APPDATA%`` on Windows, ``$XDG_DATA_HOME`` or ``~/.local/share`` elsewhere).
    Never inside the repository.
    """
    env = os.environ.get("ARAZ_PROGRESS_FILE")
    if env:
        return Path(env).expanduser()
    if sys.platform.startswith("win") and os.environ.get("APPDATA"):
        base = Path(os.environ["APPDATA"])
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "araz" / "progress.json"


_SESSION: dict[tuple[str, str], str] = {}  # (exercise, question) -> last status, this kernel only
_MEMORY: dict = {}  # used when the progress file cannot be written
_WARNED = False


def _empty() -> dict:
    return {"version": 1, "exercises": {}}


def load_progress() -> dict:
    """The recorded attempts: ``{"exercises": {"ex01": {"q1": {...}}}}`` (empty if none)."""
    path = progress_path()
    data = None
    try:
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("exercises"), dict):
        data = _MEMORY.get(str(path)) or _empty()
    return data


def _save_progress(data: dict) -> None:
    global _WARNED
    path = progress_path()
    _MEMORY[str(path)] = data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".progress-", suffix=".json", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1, sort_keys=True)
        os.replace(tmp, path)
    except OSError as exc:
        if not _WARNED:
            print(f"(Your progress cannot be saved to {path}: {exc.strerror or exc}. It is kept for this "
                  "session only; set the environment variable ARAZ_PROGRESS_FILE to a writable file to keep it.)")
            _WARNED = True


def record(exercise: str, question: str, event: str, status: str | None = None) -> None:
    """Record an event (``check``, ``hint``, ``solution``) for one question."""
    data = load_progress()
    q = data["exercises"].setdefault(exercise, {}).setdefault(question, {
        "status": BLANK, "attempts": 0, "hints": 0, "solution_viewed": False, "ever_correct": False})
    now = dt.datetime.now().isoformat(timespec="seconds")
    if event == "check":
        q["attempts"] = int(q.get("attempts", 0)) + (0 if status == BLANK else 1)
        q["status"] = status
        if status == CORRECT:
            q["ever_correct"] = True
        _SESSION[(exercise, question)] = status
    elif event == "hint":
        q["hints"] = int(q.get("hints", 0)) + 1
    elif event == "solution":
        q["solution_viewed"] = True
    q["last"] = now
    _save_progress(data)


# --------------------------------------------------------------------------- questions

MISSING = object()


class Question:
    """Base class: a prompt, three graded hints, a solution; subclasses implement :meth:`_grade`."""

    kind = "question"
    auto = True  # counted in automatic scores

    def __init__(self, prompt: str, *, hints: list[str], solution: str | Callable[[], str],
                 cites: Iterable[str] = (), title: str | None = None):
        if len(hints) < 3:
            raise ValueError("every question needs three hints, from a nudge to nearly the answer")
        self.prompt = prompt.strip()
        self.title = title or self.prompt.split("\n")[0][:70]
        self.hints = list(hints)
        self._solution = solution
        self.cites = list(cites)
        self.exercise = "?"
        self.name = "q?"
        self.last: Outcome | None = None

    # ---- identity
    @property
    def qid(self) -> str:
        return f"{self.exercise}.{self.name}"

    def __repr__(self) -> str:
        return f"<{self.kind} {self.qid}: {self.title}>"

    # ---- the three public calls
    def check(self, answer: Any = MISSING) -> None:
        """Check ``answer``; print what is right or wrong and where to look; record the attempt."""
        outcome = self.evaluate(answer)
        self.last = outcome
        record(self.exercise, self.name, "check", outcome.status)
        print(self._format(outcome))

    def hint(self, n: int = 1) -> None:
        """Print hint ``n`` (1: a nudge, 2: where to look, 3: nearly the answer)."""
        if not isinstance(n, int) or isinstance(n, bool):
            print(f"Ask for a hint by its number: {self.name}.hint(), {self.name}.hint(2) or {self.name}.hint(3).")
            return
        if n < 1 or n > len(self.hints):
            print(f"There {'are' if len(self.hints) != 1 else 'is'} {len(self.hints)} hints for this question "
                  f"({self.name}.hint(1) … {self.name}.hint({len(self.hints)})); "
                  f"{self.name}.solution() shows the answer.")
            return
        record(self.exercise, self.name, "hint")
        more = (f"  (More: {self.name}.hint({n + 1}).)" if n < len(self.hints)
                else f"  (That was the last hint; {self.name}.solution() shows the answer.)")
        print(_wrap(f"Hint {n} of {len(self.hints)}: {self.hints[n - 1]}") + "\n" + more)

    def solution(self) -> None:
        """Print the answer, with the sentences of the corpus it rests on."""
        record(self.exercise, self.name, "solution")
        print(self.solution_text())

    # ---- pieces
    def solution_text(self) -> str:
        body = self._solution() if callable(self._solution) else self._solution
        lines = [f"Solution ({self.qid}):", _wrap(body)]
        if self.cites:
            lines.append("")
            lines.append("In the corpus:")
            for c in self.cites:
                lines.append(_wrap("  " + quote(c)))
        return "\n".join(lines)

    def evaluate(self, answer: Any = MISSING) -> Outcome:
        """Grade without printing or recording (used by tests and tools)."""
        if answer is MISSING:
            return Outcome(BLANK, f"Not answered yet: pass your answer, e.g. {self.name}.check(answer).")
        if is_blank(answer) and not callable(answer):
            return Outcome(BLANK, "Not answered yet: replace ____ with your answer, then run the cell again.")
        if answer is None:
            return Outcome(INCORRECT, "Your answer is None — nothing came back. A function without a `return` "
                                      "line, or a method that changes a table in place, gives None.")
        try:
            return self._grade(answer)
        except Wrong as exc:
            return Outcome(INCORRECT, str(exc))
        except Exception as exc:  # a bug in a checker must never show a student a traceback
            return Outcome(INCORRECT, f"The check itself could not run ({type(exc).__name__}: {exc}). "
                                      "This is not your fault: tell your lecturer, and try q.hint() meanwhile.")

    def _grade(self, answer: Any) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError

    def _format(self, outcome: Outcome) -> str:
        head = {CORRECT: "✔ Correct!", INCORRECT: "✘ Not yet.", BLANK: "… Not answered yet.",
                ANSWERED: "✎ Answer recorded."}[outcome.status]
        msg = outcome.message
        if outcome.status == BLANK and msg.lower().startswith("not answered yet"):
            msg = msg[len("not answered yet"):].lstrip(":. ")
            msg = msg[:1].upper() + msg[1:]
        tail = ""
        if outcome.status == INCORRECT:
            tail = f"\n(Stuck? {self.name}.hint() gives a nudge.)"
        return _wrap(f"{head} {msg}".rstrip()) + tail


# ---- citations -------------------------------------------------------------------


class CitationQuestion(Question):
    """Answered with a citation ``"doc_id ¶p.s"`` (or, with ``many=True``, a list of them).

    ``accept(corpus) -> set of citations`` says which sentences support the answer;
    several can be right. ``docs`` limits where the answer may come from; ``near`` maps
    citations that are close but wrong (a distractor) to a specific message; ``wrong`` is
    the message for any other sentence, after the sentence itself is quoted back.
    With ``many=True``, ``need`` is how many citations are wanted and ``distinct_docs``
    asks for one from each of that many documents.
    """

    kind = "citation question"

    def __init__(self, prompt: str, *, accept: Callable[[Any], set[str]], wrong: str,
                 docs: Iterable[str] | None = None, near: dict[str, str] | None = None,
                 many: bool = False, need: int = 1, distinct_docs: bool = False, **kw):
        super().__init__(prompt, **kw)
        self._accept = accept
        self._accepted: set[str] | None = None
        self.wrong = wrong
        self.docs = list(docs) if docs else None
        self._near = near or {}
        self.many = many
        self.need = need
        self.distinct_docs = distinct_docs

    def accepted(self) -> set[str]:
        if self._accepted is None:
            self._accepted = set(self._accept(corpus()))
        return self._accepted

    @property
    def near(self) -> dict[str, str]:
        """Distractors: citation → message (``near`` may be given as a function of the corpus)."""
        if callable(self._near):
            self._near = dict(self._near(corpus()))
        return self._near

    def _one(self, answer: Any) -> str:
        """Return the normalised citation, or raise Wrong with a sentence about it."""
        import araz

        c = corpus()
        if not isinstance(answer, str):
            raise Wrong(f"Answer with a citation written as text, like \"mehr-2021-korybko ¶1.14\" — "
                        f"you gave {_describe(answer)}.")
        try:
            doc_id, p, s = araz.parse_citation(answer)
        except araz.CitationError:
            raise Wrong(f"\"{answer}\" is not a citation. Write the document id, a space, ¶, then "
                        "paragraph.sentence — e.g. \"mehr-2021-korybko ¶1.14\". Every row of "
                        "corpus.sentences has one in its 'citation' column.") from None
        if doc_id not in c:
            raise Wrong(f"There is no document \"{doc_id}\" in the corpus. The document ids are: "
                        f"{', '.join(c.doc_ids)}.")
        if self.docs and doc_id not in self.docs:
            raise Wrong(f"{answer.strip()} is in {doc_id}, but this question is about "
                        f"{' or '.join(self.docs)}: look there.")
        try:
            span = c.locate(answer)
        except araz.CitationError as exc:
            raise Wrong(f"That citation points nowhere: {exc}. Check the numbers against "
                        f"corpus.sentences.") from None
        cit = span.citation
        if s is None:
            inside = sorted((a for a in self.accepted() if a.startswith(cit + ".")), key=_cit_key)
            if inside:
                raise Wrong(f"Right paragraph! Now narrow it down: which sentence of {cit} is it? "
                            f"Answer \"{cit}.s\" with the sentence number.")
            raise Wrong(f"Cite one sentence (\"{cit}.s\"), not a whole paragraph — and {cit} is not "
                        "where the answer is.")
        return cit

    def _grade(self, answer: Any) -> Outcome:
        if self.many:
            return self._grade_many(answer)
        if isinstance(answer, (list, tuple, set)):
            raise Wrong("This question wants one citation as text, not a list. Pick the sentence that "
                        "supports the answer best.")
        cit = self._one(answer)
        if cit in self.accepted():
            return Outcome(CORRECT, self._praise(cit))
        if cit in self.near:
            raise Wrong(f"{quote(cit, 160)}\n{self.near[cit]}")
        raise Wrong(f"{quote(cit, 160)}\n{self.wrong}")

    def _grade_many(self, answer: Any) -> Outcome:
        if isinstance(answer, str):
            answer = [answer]
        if not isinstance(answer, (list, tuple, set)):
            raise Wrong(f"Answer with a list of citations, like [\"doc ¶1.2\", \"doc ¶3.1\"] — you gave "
                        f"{_describe(answer)}.")
        cits = [self._one(a) for a in answer]
        for cit in cits:
            if cit not in self.accepted():
                msg = self.near.get(cit, self.wrong)
                raise Wrong(f"{quote(cit, 160)}\n{msg}")
        unique = list(dict.fromkeys(cits))
        if self.distinct_docs:
            docs = {c.split(" ¶")[0] for c in unique}
            if len(docs) < self.need:
                raise Wrong(f"Each sentence you gave supports the answer — but they come from "
                            f"{len(docs)} document{'s' if len(docs) != 1 else ''}; this question wants one "
                            f"from each of {self.need} different documents.")
        elif len(unique) < self.need:
            raise Wrong(f"So far so good: {len(unique)} of the {self.need} sentences wanted. Find "
                        f"{self.need - len(unique)} more.")
        return Outcome(CORRECT, self._praise(*unique))

    def _praise(self, *cits: str) -> str:
        others = sorted(self.accepted() - set(cits), key=_cit_key)
        msg = "The sentence" + ("s support" if len(cits) > 1 else " supports") + " the answer:\n"
        msg += "\n".join("  " + quote(c, 200) for c in cits)
        if others and not self.many:
            msg += f"\n({len(others)} other sentence{'s' if len(others) != 1 else ''} would also do: " + \
                   ", ".join(others[:4]) + (" …" if len(others) > 4 else "") + ".)"
        return msg


def _cit_key(c: str):
    import araz

    try:
        d, p, s = araz.parse_citation(c)
        return (d, p, s or 0)
    except Exception:
        return (c, 0, 0)


# ---- values ------------------------------------------------------------------------


def _describe(value: Any) -> str:
    if callable(value) and not isinstance(value, type):
        return "a function"
    name = type(value).__name__
    article = "an" if name[:1].lower() in "aeiou" else "a"
    if isinstance(value, str):
        return f"the text {value!r}" if len(value) < 60 else "a long text"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"the number {value!r}"
    return f"{article} {name}"


def _is_number(x: Any) -> bool:
    return isinstance(x, numbers.Number) and not isinstance(x, bool) and not isinstance(x, complex)


def norm_text(x: Any) -> str:
    """Casefold, unify quote marks and dashes, collapse whitespace."""
    s = str(x).strip().casefold()
    s = s.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    return re.sub(r"\s+", " ", s).strip(" .\"'")


class ValueQuestion(Question):
    """Answered with a value compared with what the kit computes: ``expected(corpus)``.

    ``compare`` is one of ``number`` (``tol`` absolute), ``text`` (case and spacing ignored;
    ``synonyms(corpus)`` may map other accepted spellings to the expected one), ``choice``
    (text that must be one of ``choices``), ``date``, ``set`` (order ignored; ``normalize``
    maps each item, e.g. alias → id), ``mapping`` (dict or Series of numbers) or ``frame``
    (a DataFrame; ``columns`` compared, rows in any order). ``diagnose`` is a list of
    ``(test(answer, expected) -> bool, message)`` for common mistakes, tried first.
    """

    kind = "data question"

    def __init__(self, prompt: str, *, expected: Callable[[Any], Any], compare: str, tol: float = 0,
                 choices: Iterable[str] | None = None, synonyms: Callable[[Any], dict] | None = None,
                 normalize: Callable[[Any], Any] | None = None, columns: list[str] | None = None,
                 diagnose: list[tuple[Callable[[Any, Any], bool], str]] | None = None,
                 what: str = "value", **kw):
        super().__init__(prompt, **kw)
        if compare not in {"number", "text", "choice", "date", "set", "mapping", "frame"}:
            raise ValueError(f"unknown compare {compare!r}")
        self._expected = expected
        self._value = MISSING
        self.compare = compare
        self.tol = tol
        self.choices = list(choices or [])
        self._synonyms = synonyms
        self.normalize = normalize or (lambda x: x)
        self.columns = columns
        self.diagnose = list(diagnose or [])
        self.what = what

    def expected(self) -> Any:
        if self._value is MISSING:
            self._value = self._expected(corpus())
        return self._value

    def _grade(self, answer: Any) -> Outcome:
        exp = self.expected()
        answer = self._coerce(answer)
        try:
            return getattr(self, f"_cmp_{self.compare}")(answer, exp)
        except Wrong:
            for test, message in self.diagnose:  # a common mistake gets its own message
                try:
                    hit = test(answer, exp)
                except Exception:
                    hit = False
                if hit:
                    raise Wrong(message) from None
            raise

    # coerce the answer to the compared shape, or say what shape is wanted
    def _coerce(self, a: Any) -> Any:
        import numpy as np
        import pandas as pd

        c = self.compare
        if c == "number":
            if isinstance(a, np.generic):
                a = a.item()
            if isinstance(a, (pd.Series, pd.DataFrame)) and a.size == 1:
                a = a.to_numpy().ravel()[0].item() if hasattr(a.to_numpy().ravel()[0], "item") else a.to_numpy().ravel()[0]
            if isinstance(a, str) and re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", a):
                raise Wrong(f"You gave the number as text ({a!r}); give it as a number, without quotes.")
            if not _is_number(a):
                raise Wrong(f"This question wants a number (the {self.what}); you gave {_describe(a)}.")
            if isinstance(a, float) and math.isnan(a):
                raise Wrong("Your answer is NaN (not a number): something in the computation came out empty.")
            return a
        if c in ("text", "choice"):
            if isinstance(a, np.generic):
                a = a.item()
            if isinstance(a, (pd.Series, pd.Index, list, tuple)) and len(a) == 1:
                a = list(a)[0]
            if not isinstance(a, str):
                raise Wrong(f"This question wants text (the {self.what}), in quotes; you gave {_describe(a)}.")
            return a
        if c == "date":
            if isinstance(a, pd.Timestamp):
                return a.date()
            if isinstance(a, dt.datetime):
                return a.date()
            if isinstance(a, dt.date):
                return a
            if isinstance(a, str):
                try:
                    return dt.date.fromisoformat(a.strip())
                except ValueError:
                    raise Wrong(f"Write the date as \"YYYY-MM-DD\" (e.g. \"2024-07-15\"); {a!r} is not in that "
                                "form.") from None
            raise Wrong(f"This question wants a date, as \"YYYY-MM-DD\" text; you gave {_describe(a)}.")
        if c == "set":
            if isinstance(a, str):
                raise Wrong("This question wants several items: give a list or set of texts, e.g. "
                            "[\"first\", \"second\"], not one text.")
            if isinstance(a, dict):
                a = list(a)
            if isinstance(a, (pd.Series, pd.Index, np.ndarray)):
                a = list(a)
            if not isinstance(a, (list, tuple, set, frozenset)):
                raise Wrong(f"This question wants a list or set of items; you gave {_describe(a)}.")
            return a
        if c == "mapping":
            if isinstance(a, pd.DataFrame) and a.shape[1] == 1:
                a = a.iloc[:, 0]
            if isinstance(a, pd.Series):
                a = a.to_dict()
            if not isinstance(a, dict):
                raise Wrong(f"This question wants a mapping from each {self.what} to a number — a dict "
                            f"or a pandas Series; you gave {_describe(a)}.")
            return a
        if c == "frame":
            if not isinstance(a, pd.DataFrame):
                raise Wrong(f"This question wants a pandas DataFrame; you gave {_describe(a)}.")
            return a
        return a

    def _cmp_number(self, a, e) -> Outcome:
        if abs(a - e) <= self.tol + 1e-9:
            return Outcome(CORRECT, f"{_cap(self.what)}: {_fmt(a)}.")
        side = "higher" if a > e else "lower"
        raise Wrong(f"{_fmt(a)} is {side} than what the kit computes. Recount, and check that you "
                    f"filtered the rows the question asks about (and nothing else).")

    def _synonym_map(self) -> dict:
        return {norm_text(k): norm_text(v) for k, v in (self._synonyms(corpus()) if self._synonyms else {}).items()}

    def _cmp_text(self, a, e) -> Outcome:
        got = norm_text(a)
        got = self._synonym_map().get(got, got)
        if got == norm_text(e):
            return Outcome(CORRECT, f"{_cap(self.what)}: {e}.")
        raise Wrong(f"\"{a}\" is not the {self.what} the kit finds. Look again at the rows you "
                    "selected — and spell it as the data does.")

    def _cmp_choice(self, a, e) -> Outcome:
        got = norm_text(a)
        got = self._synonym_map().get(got, got)
        options = [norm_text(x) for x in self.choices]
        if got not in options:
            raise Wrong(f"Choose one of: {', '.join(repr(x) for x in self.choices)} — you wrote {a!r}.")
        if got == norm_text(e):
            return Outcome(CORRECT, f"{_cap(self.what)}: {e}.")
        raise Wrong(f"Not {a!r}. Read the sentence again, word by word, and the rule that defines "
                    "the choices.")

    def _cmp_date(self, a, e) -> Outcome:
        if isinstance(e, str):
            e = dt.date.fromisoformat(e)
        diff = (a - e).days
        if abs(diff) <= self.tol:
            return Outcome(CORRECT, f"{_cap(self.what)}: {e.isoformat()}.")
        raise Wrong(f"{a.isoformat()} is {abs(diff)} day{'s' if abs(diff) != 1 else ''} "
                    f"{'late' if diff > 0 else 'early'}. Count again from the dates the text gives.")

    def _cmp_set(self, a, e) -> Outcome:
        def norm(x):
            y = self.normalize(x)
            return norm_text(y) if isinstance(y, str) else y

        got = {norm(x) for x in a}
        exp = {norm(x) for x in e}
        if got == exp:
            return Outcome(CORRECT, f"{_cap(self.what)}: {', '.join(sorted(map(str, e)))}.")
        extra = [x for x in a if norm(x) not in exp]
        missing = len(exp - got)
        parts = []
        if extra:
            parts.append(f"{', '.join(repr(x) for x in extra[:4])} "
                         f"{'does' if len(extra) == 1 else 'do'} not belong")
        if missing:
            parts.append(f"{missing} item{'s are' if missing != 1 else ' is'} missing")
        raise Wrong(_cap("; ".join(parts)) + f" (you gave {len(got)}, the answer has {len(exp)}).")

    def _cmp_mapping(self, a, e) -> Outcome:
        ka = {str(k): v for k, v in a.items()}
        ke = {str(k): v for k, v in e.items()}
        missing = [k for k in ke if k not in ka and ke[k] != 0]
        extra = [k for k in ka if k not in ke and ka[k] != 0]
        if missing:
            raise Wrong(f"{len(missing)} key{'s are' if len(missing) != 1 else ' is'} missing, e.g. "
                        f"{missing[0]!r}. Every {self.what} should be there.")
        if extra:
            raise Wrong(f"{extra[0]!r} should not be a key: check what you grouped by.")
        for k, v in ke.items():
            got = ka.get(k, 0)
            if not _is_number(got) or abs(got - v) > self.tol + 1e-9:
                raise Wrong(f"For {k!r} you have {_fmt(got)}; the kit computes a different value. "
                            f"Check how you counted that one.")
        return Outcome(CORRECT, "Every value matches the kit's own computation.")

    def _cmp_frame(self, a, e) -> Outcome:
        import pandas as pd

        cols = self.columns or list(e.columns)
        miss = [c for c in cols if c not in a.columns]
        if miss:
            raise Wrong(f"Your DataFrame lacks the column{'s' if len(miss) != 1 else ''} "
                        f"{', '.join(repr(c) for c in miss)} (it has {', '.join(map(repr, a.columns[:8]))}).")
        if len(a) != len(e):
            raise Wrong(f"Your DataFrame has {len(a)} row{'s' if len(a) != 1 else ''}; the kit's has {len(e)}. "
                        "Check your filter and whether you grouped by the right columns.")
        left = a[cols].sort_values(cols).reset_index(drop=True)
        right = e[cols].sort_values(cols).reset_index(drop=True)
        try:
            pd.testing.assert_frame_equal(left, right, check_dtype=False, atol=self.tol or 1e-9, check_exact=False)
        except AssertionError:
            for c in cols:
                try:
                    pd.testing.assert_series_equal(left[c], right[c], check_dtype=False, check_names=False,
                                                   atol=self.tol or 1e-9, check_exact=False)
                except AssertionError:
                    raise Wrong(f"The rows and columns are right, but the values in column {c!r} differ "
                                "from the kit's. Look at how that column is computed.") from None
        return Outcome(CORRECT, f"Your table matches the kit's ({len(a)} rows).")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fmt(x: Any) -> str:
    if isinstance(x, float):
        return f"{x:.3g}" if abs(x) < 1000 else f"{x:,.0f}"
    return str(x)


# ---- functions -------------------------------------------------------------------


@dataclass
class Case:
    """One unseen case for a function: arguments, the expected result, and what it tests."""

    args: tuple
    expected: Any
    about: str
    kwargs: dict = field(default_factory=dict)


class FunctionQuestion(Question):
    """Answered with a function; run on ``cases()`` the student has not seen.

    ``compare(result, expected) -> bool`` decides each case (default ``==``, with lists
    compared in order); ``show`` formats a value for the message.
    """

    kind = "coding task"

    def __init__(self, prompt: str, *, cases: Callable[[], list[Case]], signature: str,
                 compare: Callable[[Any, Any], bool] | None = None,
                 show: Callable[[Any], str] = repr, **kw):
        super().__init__(prompt, **kw)
        self._cases = cases
        self.signature = signature
        self.compare = compare or (lambda r, e: r == e)
        self.show = show

    def _grade(self, fn: Any) -> Outcome:
        if not callable(fn):
            raise Wrong(f"Pass the function itself — {self.name}.check({self.signature.split('(')[0]}) — "
                        f"without calling it; you gave {_describe(fn)}.")
        cases = self._cases()
        for i, case in enumerate(cases, start=1):
            try:
                result = fn(*case.args, **case.kwargs)
            except Exception as exc:
                raise Wrong(f"On test case {i} of {len(cases)} ({case.about}) your function raised "
                            f"{type(exc).__name__}: {exc}. Run it yourself on a similar input to see why.") from None
            if is_blank(result):
                return Outcome(BLANK, "Not answered yet: your function still returns ____. Write its body, then "
                                      "run the cell again.")
            if result is None:
                raise Wrong("Your function returns None — did you forget the `return` line?")
            try:
                ok = bool(self.compare(result, case.expected))
            except Exception:
                ok = False
            if not ok:
                raise Wrong(f"Test case {i} of {len(cases)} ({case.about}) fails:\n"
                            f"  your function returned  {self.show(result)}\n"
                            f"  it should return        {self.show(case.expected)}")
        return Outcome(CORRECT, f"Your function passes all {len(cases)} test cases it had not seen.")


class CustomQuestion(Question):
    """A task checked by ``grader(answer) -> str`` (the praise), which raises :class:`Wrong`
    to say what is wrong — e.g. extending the gazetteer or the lexicon, checked on unseen text."""

    def __init__(self, prompt: str, *, grader: Callable[[Any], str], kind: str = "coding task", **kw):
        super().__init__(prompt, **kw)
        self._grader = grader
        self.kind = kind

    def _grade(self, answer: Any) -> Outcome:
        result = self._grader(answer)
        return result if isinstance(result, Outcome) else Outcome(CORRECT, str(result))


# ---- open questions ------------------------------------------------------------------

_CIT_IN_TEXT = re.compile(r"(?<![\w.-])([A-Za-z0-9]+[._-][A-Za-z0-9._-]*[A-Za-z0-9])\s*¶\s*(\d+)(?:\.(\d+))?")


def citations_in(text: str) -> list[str]:
    """Every ``doc ¶p`` / ``doc ¶p.s`` written in a text, in order.

    A doc id here is a slug with a hyphen, dot or underscore (``mehr-2021-korybko``), so that
    prose such as "(or ¶5.2)" is not taken for a citation of a document called "or".
    """
    return [f"{d} ¶{p}" + (f".{s}" if s else "") for d, p, s in _CIT_IN_TEXT.findall(text)]


class OpenQuestion(Question):
    """Interpretation or source criticism: no automatic check.

    ``check`` records that the question was answered (and checks what can be checked:
    length and that every citation written in the answer resolves); ``solution`` shows a
    model answer and the marking ``rubric`` (criterion, points).
    """

    kind = "open question"
    auto = False

    def __init__(self, prompt: str, *, model_answer: str, rubric: list[tuple[str, int]],
                 min_words: int = 20, **kw):
        kw.setdefault("solution", "")
        super().__init__(prompt, **kw)
        self.model_answer = prose(model_answer)
        self.rubric = list(rubric)
        self.min_words = min_words

    def _grade(self, answer: Any) -> Outcome:
        if not isinstance(answer, str):
            raise Wrong(f"Write your answer as text between quotes (a triple-quoted string is easiest); "
                        f"you gave {_describe(answer)}.")
        words = len(answer.split())
        notes = []
        bad = []
        for cit in citations_in(answer):
            try:
                corpus().locate(cit)
            except Exception:
                bad.append(cit)
        cits = citations_in(answer)
        if cits:
            notes.append(f"{len(cits) - len(bad)} of {len(cits)} citation{'s' if len(cits) != 1 else ''} resolve"
                         + (f"; fix {', '.join(bad)}" if bad else ""))
        else:
            notes.append("you cite no sentence yet — a good answer points to the text (doc_id ¶p.s)")
        if words < self.min_words:
            notes.append(f"{words} words is short: aim for at least {self.min_words}")
        return Outcome(ANSWERED, "There is no automatic check for this question: your lecturer reads it. "
                                 f"What could be checked: {'; '.join(notes)}. Compare with the model answer and "
                                 f"rubric in {self.name}.solution() once you have written yours.")

    def solution_text(self) -> str:
        lines = [f"Model answer ({self.qid}):", _wrap(self.model_answer), "", "Marking rubric:"]
        total = sum(p for _, p in self.rubric)
        for crit, pts in self.rubric:
            lines.append(_wrap(f"  - {crit} ({pts} point{'s' if pts != 1 else ''})"))
        lines.append(f"  Total: {total} points.")
        cits = list(dict.fromkeys(self.cites + citations_in(self.model_answer)))
        if cits:
            lines += ["", "In the corpus:"] + [_wrap("  " + quote(c)) for c in cits]
        return "\n".join(lines)


# --------------------------------------------------------------------------- exercises


REGISTRY: dict[str, "Exercise"] = {}


class Exercise:
    """One exercise notebook's questions, numbered q1, q2, … in the order they are added."""

    def __init__(self, exercise_id: str, title: str, notebook: str):
        self.id = exercise_id
        self.title = title
        self.notebook = notebook
        self.questions: dict[str, Question] = {}
        REGISTRY[exercise_id] = self

    def add(self, question: Question) -> Question:
        question.exercise = self.id
        question.name = f"q{len(self.questions) + 1}"
        self.questions[question.name] = question
        return question

    def __repr__(self) -> str:
        return f"<Exercise {self.id} ({self.notebook}): {len(self.questions)} questions>"


__all__ = [
    "____", "is_blank", "Outcome", "Wrong", "Question", "CitationQuestion", "ValueQuestion",
    "FunctionQuestion", "CustomQuestion", "OpenQuestion", "Case", "Exercise", "REGISTRY", "progress_path", "load_progress",
    "record", "corpus", "quote", "citations_in", "norm_text",
]


# The shipped corpus's documents, named once for every exercise module.
ALWAGHT = "alwaght-2025-araghchi-baku"
FTRIBUNE = "ftribune-2025-araghchi-baku"
ANON = "anon-2025-pezeshkian-visit"
MEHR = "mehr-2021-korybko"
