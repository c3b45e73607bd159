"""``from araz.exercises.ex02 import q1, q2`` — the questions of :mod:`araz.exercises.ex02_actors`."""
from .ex02_actors import *  # noqa: F401,F403
from .ex02_actors import EX, __all__  # noqa: F401
