"""The person's answers to the plan set-up: level, running days, start, sore side, kit.

Asked once and changeable; the plan generator turns it into dated sessions. Pure data
with a JSON form (``to_doc`` / ``from_doc``) that the store keeps as one document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from itbgui.store.records import EARLIEST_DATE, LATEST_YEAR

LEVELS = ("beginner", "intermediate", "advanced")
#: How the dose grows: "load" (double progression, the default) or "reps" (the source
#: article's own path: 3 x 10 building to 3 x 20 on the first rung).
PATHS = ("load", "reps")
SORE_SIDES = ("left", "right", "both")
#: Thera-Band colours, lightest first (PROGRAM.md). Other brands' names are allowed too.
THERA_BAND_ORDER = ("yellow", "red", "green", "blue", "black", "silver", "gold")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MAX_BANDS = 10
MAX_DUMBBELLS = 10
MAX_DUMBBELL_KG = 50.0
MAX_NAME_CHARS = 20


def monday_of(day: dt.date) -> dt.date:
    """The Monday that starts ``day``'s calendar week."""
    return day - dt.timedelta(days=day.weekday())


def sort_bands(names) -> tuple[str, ...]:
    """Known Thera-Band colours in their order, then any other names as given (for the dialog)."""
    cleaned = [str(n).strip().lower() for n in names if str(n).strip()]
    known = sorted((n for n in cleaned if n in THERA_BAND_ORDER), key=THERA_BAND_ORDER.index)
    other = [n for n in cleaned if n not in THERA_BAND_ORDER]
    return tuple(dict.fromkeys(known + other))


FIRST_PLAN_DATE = EARLIEST_DATE.date()
LAST_PLAN_DATE = dt.date(LATEST_YEAR, 12, 31)


@dataclass(frozen=True)
class PlanSetup:
    level: str
    running_days: frozenset[int]       # weekday numbers, 0 = Monday
    start_date: dt.date
    sore_side: str                     # "left", "right" or "both"
    bands: tuple[str, ...] = ()        # colour names owned, lightest first
    dumbbells_kg: tuple[float, ...] = ()  # weights owned, lightest first
    ankle_weights: bool = False        # owns an ankle weight (the leg lift's loaded rung)
    bench: bool = False                # has a bench or sofa edge (the hip thrust)
    path: str = "load"                 # one of PATHS

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {self.level!r}")
        days = self.running_days
        if not isinstance(days, (set, frozenset, tuple, list)) or any(
                isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6 for d in days):
            raise ValueError("running days must be weekday numbers 0 (Monday) to 6 (Sunday)")
        object.__setattr__(self, "running_days", frozenset(days))
        if not isinstance(self.start_date, dt.date) or isinstance(self.start_date, dt.datetime):
            raise ValueError(f"start date must be a date, not {self.start_date!r}")
        if not FIRST_PLAN_DATE <= self.start_date <= LAST_PLAN_DATE:
            # The sessions' own window (store/records.py): a plan there could never be logged,
            # and dates near 9999 overflow when its weeks are laid out.
            raise ValueError(f"start date must be between {FIRST_PLAN_DATE} and "
                             f"{LAST_PLAN_DATE}, not {self.start_date}")
        if self.sore_side not in SORE_SIDES:
            raise ValueError(f"sore side must be left, right or both, not {self.sore_side!r}")
        object.__setattr__(self, "bands", _check_bands(self.bands))
        object.__setattr__(self, "dumbbells_kg", _check_dumbbells(self.dumbbells_kg))
        if self.path not in PATHS:
            raise ValueError(f"path must be one of {', '.join(PATHS)}, not {self.path!r}")
        for name in ("ankle_weights", "bench"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"{name} must be true or false")

    @property
    def sessions_per_week(self) -> int:
        """Beginners train twice a week while they learn the movements; others three times."""
        return 2 if self.level == "beginner" else 3

    @classmethod
    def default(cls, today: dt.date) -> "PlanSetup":
        """The plan used before any set-up: beginner, no running days, from this week's Monday.

        Sore side "both": we do not know which side hurts, so neither side gets a head
        start and the side that goes first alternates from session to session.
        """
        start = min(max(monday_of(today), FIRST_PLAN_DATE), monday_of(LAST_PLAN_DATE))
        return cls(level="beginner", running_days=frozenset(), start_date=start,
                   sore_side="both")  # (a clock at 1970 gets a plan from 2000, not a crash)

    def to_doc(self) -> dict:
        return {
            "level": self.level,
            "running_days": sorted(self.running_days),
            "start_date": self.start_date.isoformat(),
            "sore_side": self.sore_side,
            "bands": list(self.bands),
            "dumbbells_kg": list(self.dumbbells_kg),
            "ankle_weights": self.ankle_weights,
            "bench": self.bench,
            "path": self.path,
        }

    @classmethod
    def from_doc(cls, doc) -> "PlanSetup":
        """Read a stored set-up; anything malformed raises ValueError naming the field."""
        if not isinstance(doc, dict):
            raise ValueError("the plan set-up must be a JSON object")
        start = doc.get("start_date")
        if not isinstance(start, str):
            raise ValueError(f"start_date must be a date written YYYY-MM-DD, not {start!r}")
        try:
            start_date = dt.date.fromisoformat(start)
        except ValueError:
            raise ValueError(f"start_date is not a valid date: {start!r}") from None
        days = doc.get("running_days", [])
        if not isinstance(days, list):
            raise ValueError("running_days must be a list of weekday numbers")
        if len(set(days)) != len(days):
            raise ValueError("running_days lists a day twice")
        bands = doc.get("bands", [])
        if not isinstance(bands, list):
            raise ValueError("bands must be a list of colour names")
        weights = doc.get("dumbbells_kg", [])
        if not isinstance(weights, list):
            raise ValueError("dumbbells_kg must be a list of weights in kg")
        return cls(level=doc.get("level"), running_days=frozenset(days), start_date=start_date,
                   sore_side=doc.get("sore_side"), bands=tuple(bands), dumbbells_kg=tuple(weights),
                   ankle_weights=doc.get("ankle_weights", False), bench=doc.get("bench", False),
                   path=doc.get("path", "load"))


def stored_setup(doc: dict | None, today: dt.date) -> tuple[PlanSetup, str | None]:
    """The stored set-up, or the default plan and why (None: the stored one is used)."""
    if doc is None:
        return PlanSetup.default(today), "no plan set up yet"
    try:
        return PlanSetup.from_doc(doc), None
    except ValueError as exc:
        return PlanSetup.default(today), f"the stored plan set-up cannot be used ({exc})"


def _check_bands(bands) -> tuple[str, ...]:
    if isinstance(bands, str) or not isinstance(bands, (tuple, list)):
        raise ValueError("bands must be a list of colour names")
    if len(bands) > MAX_BANDS:
        raise ValueError(f"at most {MAX_BANDS} bands")
    names = []
    for name in bands:
        if not isinstance(name, str) or not name.strip() or len(name.strip()) > MAX_NAME_CHARS:
            raise ValueError(f"a band colour must be a name of 1-{MAX_NAME_CHARS} characters, "
                             f"not {name!r}")
        names.append(name.strip().lower())
    if len(set(names)) != len(names):
        raise ValueError("a band colour is listed twice")
    known = [THERA_BAND_ORDER.index(n) for n in names if n in THERA_BAND_ORDER]
    if known != sorted(known):
        raise ValueError("bands must be listed lightest first (Thera-Band order: "
                         + ", ".join(THERA_BAND_ORDER) + ")")
    return tuple(names)


def _check_dumbbells(weights) -> tuple[float, ...]:
    if isinstance(weights, str) or not isinstance(weights, (tuple, list)):
        raise ValueError("dumbbells must be a list of weights in kg")
    if len(weights) > MAX_DUMBBELLS:
        raise ValueError(f"at most {MAX_DUMBBELLS} dumbbell weights")
    for kg in weights:
        if isinstance(kg, bool) or not isinstance(kg, (int, float)) or not 0 < kg <= MAX_DUMBBELL_KG:
            raise ValueError(f"a dumbbell weight must be more than 0 and at most "
                             f"{MAX_DUMBBELL_KG:g} kg, not {kg!r}")
    return tuple(sorted(dict.fromkeys(float(kg) for kg in weights)))
