"""``from araz.exercises.ex04 import q1, q2`` — the questions of :mod:`araz.exercises.ex04_three_plus_three`."""
from .ex04_three_plus_three import *  # noqa: F401,F403
from .ex04_three_plus_three import EX, __all__  # noqa: F401
