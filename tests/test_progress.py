"""The text progress bar: silent for small work and in tests, one redrawn line otherwise."""
import io

from araz.progress import Progress, enabled, progress


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_small_work_and_pipes_draw_nothing(monkeypatch):
    monkeypatch.delenv("ARAZ_PROGRESS", raising=False)
    out = io.StringIO()
    assert list(progress(range(5000), file=out)) == list(range(5000))
    assert out.getvalue() == ""
    tty = Tty()
    assert list(progress(range(10), file=tty)) == list(range(10))
    assert tty.getvalue() == ""


def test_large_work_on_a_terminal_draws_one_line_redrawn_in_place(monkeypatch):
    monkeypatch.delenv("ARAZ_PROGRESS", raising=False)
    tty = Tty()
    assert sum(progress(range(3000), "count", file=tty)) == sum(range(3000))
    text = tty.getvalue()
    assert text.startswith("\rcount  [") and text.endswith("\n") and text.count("\n") == 1
    assert "100%  3,000/3,000" in text.rsplit("\r", 1)[-1]


def test_environment_forces_it_on_or_off(monkeypatch):
    monkeypatch.setenv("ARAZ_PROGRESS", "0")
    assert not enabled(10**6, file=Tty())
    monkeypatch.setenv("ARAZ_PROGRESS", "1")
    assert enabled(1, file=io.StringIO())


def test_manual_bar_with_label_and_messages():
    out = io.StringIO()
    with Progress(4, "steps", show=True, file=out) as bar:
        bar.set_label("step two")
        bar.write("a message")
        bar.update(4)
    text = out.getvalue()
    assert "a message\n" in text and "step two" in text and "100%  4/4" in text


def test_unknown_total_counts_items():
    out = io.StringIO()
    list(progress(iter(range(3)), "items", show=True, file=out))
    assert out.getvalue().rstrip().endswith("s") and "3" in out.getvalue()
