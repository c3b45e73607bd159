"""``from araz.exercises.ex05 import q1, q2`` — the questions of :mod:`araz.exercises.ex05_tone`."""
from .ex05_tone import *  # noqa: F401,F403
from .ex05_tone import EX, __all__  # noqa: F401
