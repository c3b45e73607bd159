"""``from araz.exercises.ex06 import q1, q2`` — the questions of :mod:`araz.exercises.ex06_briefing`."""
from .ex06_briefing import *  # noqa: F401,F403
from .ex06_briefing import EX, __all__  # noqa: F401
