"""Which exercises match what the person typed in the Library's search field.

Pure Python, no Qt, so the matching is tested without a display.
"""

from __future__ import annotations

from itbgui.program import exercises
from itbgui.program.exercises import Exercise


def _fields(ex: Exercise) -> tuple[str, str, str]:
    """Name; muscles; everything else worth searching (cues, variants, why, tip)."""
    rest = " ".join((*ex.cues, *(step.name for step in ex.steps), ex.why, ex.pro_tip))
    return ex.name.lower(), " ".join(ex.muscles).lower(), rest.lower()


def search(query: str, catalogue: tuple[Exercise, ...] | None = None) -> list[Exercise]:
    """Exercises holding every word of ``query``, from the best place that has any match.

    Names first: when some exercises' names hold every word, only those are listed
    ("glute" lists the two glute exercises, not every one that works a gluteus muscle);
    else names and muscles ("hamstrings"); else everything, cues and tips too ("heels
    glued"). Catalogue order within. An empty query lists the whole catalogue.
    """
    if catalogue is None:
        catalogue = exercises.catalogue()
    words = query.lower().split()
    if not words:
        return list(catalogue)
    fields = [(ex, _fields(ex)) for ex in catalogue]
    for depth in (1, 2, 3):
        found = [ex for ex, f in fields if all(word in " ".join(f[:depth]) for word in words)]
        if found:
            return found
    return []
