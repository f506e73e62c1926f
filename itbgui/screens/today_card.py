"""What the Today page shows, in words: the page draws a :class:`TodayCard` and nothing else.

Kept apart from the words' rules (today_words.py, which reads the program) so the first
frame of a start can draw a card kept from the last run (app/today_cards.py) without the
program's modules: the card is plain text and flags, kept as JSON. NamedTuples, not
dataclasses, as theme.Colours: this module is on the first paint's path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import datetime as dt


def long_date(day: dt.date) -> str:
    """'Monday 2 November': no leading zero, read at a glance."""
    return f"{day:%A} {day.day} {day:%B}"


class Call(NamedTuple):
    """One of the three override buttons, as drawn."""

    text: str
    accessible: str
    checked: bool
    enabled: bool
    tip: str


#: The card's fields in words (the rest: flags, the rows, the calls and the morning question).
_TEXTS = ("heading", "subheading", "note", "resume", "start_label", "phase", "title", "reason", "call_label",
          "clinician", "last")


class TodayCard(NamedTuple):
    """Today's page in words. "" hides a line; ``morning`` None leaves the morning question
    as it stands (the window asks it separately), "" hides it."""

    heading: str
    subheading: str
    note: str
    resume: str
    start_label: str
    setup_banner: bool
    rows: tuple[tuple[str, str, str], ...]   # per exercise: name, dose, kit
    phase: str
    title: str
    reason: str
    call_label: str                          # "" while paused or before the first decision
    calls: tuple[Call, ...]                  # in ACTIONS order; () before the first decision
    clinician: str                           # rich text; "" hides it
    paused: bool                             # the answers that end a pause replace the calls
    last: str
    morning: str | None = None

    def to_doc(self) -> dict:
        return {**self._asdict(), "calls": [call._asdict() for call in self.calls]}

    @classmethod
    def from_doc(cls, doc) -> TodayCard:
        """Read back what :meth:`to_doc` wrote; ValueError for anything else."""
        try:
            if type(doc) is not dict or set(doc) != set(cls._fields):
                raise ValueError("not a Today card")
            card = cls(**{**doc, "rows": tuple(tuple(row) for row in doc["rows"]),
                          "calls": tuple(Call(**call) for call in doc["calls"])})
        except TypeError as exc:
            raise ValueError(f"not a Today card: {exc}") from None
        texts = ([text for row in card.rows for text in row]
                 + [text for call in card.calls for text in (call.text, call.accessible, call.tip)]
                 + [getattr(card, name) for name in _TEXTS])
        flags = [card.setup_banner, card.paused] + [f for call in card.calls for f in (call.checked, call.enabled)]
        if (not all(type(text) is str for text in texts) or not all(type(flag) is bool for flag in flags)
                or type(card.morning) not in (str, type(None)) or len(card.calls) not in (0, 3)
                or any(len(row) != 3 for row in card.rows)):
            raise ValueError("not a Today card")
        return card
