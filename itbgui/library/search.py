"""Which exercises match what the person typed in the Library's search field.

Pure Python, no Qt, so the matching is tested without a display.
"""

from __future__ import annotations

from ..program.exercises import CATALOGUE, Exercise


def _fields(ex: Exercise) -> tuple[str, str, str]:
    """Name; muscles; everything else worth searching (cues, variants, why, tip)."""
    rest = " ".join((*ex.cues, *(step.name for step in ex.steps), ex.why, ex.pro_tip))
    return ex.name.lower(), " ".join(ex.muscles).lower(), rest.lower()


def search(query: str, catalogue: tuple[Exercise, ...] = CATALOGUE) -> list[Exercise]:
    """Exercises holding every word of ``query``, name matches first, then muscles, then the rest.

    An empty query lists the whole catalogue in session order.
    """
    words = query.lower().split()
    if not words:
        return list(catalogue)
    ranked = []
    for order, ex in enumerate(catalogue):
        name, muscles, rest = _fields(ex)
        everything = f"{name} {muscles} {rest}"
        if not all(word in everything for word in words):
            continue
        if all(word in name for word in words):
            rank = 0
        elif all(word in f"{name} {muscles}" for word in words):
            rank = 1
        else:
            rank = 2
        ranked.append((rank, order, ex))
    return [ex for _rank, _order, ex in sorted(ranked, key=lambda r: (r[0], r[1]))]
