"""What the run dialog's fields say, checked: typed text in, a RunRecord or plain messages out.

Pure Python (no Qt), so every way a runner can mistype is tested without a window. Each
message names the field and what it takes; the dialog keeps what was typed and shows them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import uuid
from dataclasses import dataclass

from itbgui.program.clinical_state import RED_FLAG_PAIN
from itbgui.store.records import NOTE_MAX_CHARS, RED_FLAG_KEYS, RecordError, clean_text
from itbgui.store.run_records import DISTANCE_MAX_KM, DURATION_MAX_S, RunRecord

KM, MINUTES = "km", "min"
DISTANCE, DURATION, PAIN_DURING, ONSET, PAIN_AFTER, WHEN = (
    "distance", "duration", "pain_during", "onset", "pain_after", "when")


@dataclass(frozen=True)
class RunForm:
    """The dialog's fields as typed (text) or picked."""

    when: dt.datetime
    distance: str = ""
    duration: str = ""
    terrain: str | None = "flat"
    pain_during: str = ""
    onset: str = ""
    onset_unit: str = KM
    pain_after: str = ""
    note: str = ""
    #: the warning signs ticked (store.records.RED_FLAG_KEYS), when the dialog asked them
    #: (pain of RED_FLAG_PAIN or more); None when it did not
    warning_signs: frozenset[str] | None = None


def asks_warning_signs(pain_during: str, pain_after: str) -> bool:
    """Pain this high, typed in either field, asks the warning signs (as the players do)."""
    typed = [int(t) for t in (pain_during.strip(), pain_after.strip()) if t.isdigit()]
    return max(typed, default=0) >= RED_FLAG_PAIN


@dataclass(frozen=True)
class FormResult:
    record: RunRecord | None
    errors: dict[str, str]


def _number(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    value = float(text)        # ValueError: the caller words it
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def parse_duration(text: str) -> int | None:
    """'32' or '32.5' (minutes), '32:10' (minutes:seconds), '1:05:00' (hours:minutes:seconds)."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return round(float(text) * 60)
    match = re.fullmatch(r"(?:(\d+):)?(\d+):(\d{1,2})", text)
    if not match:
        raise ValueError(text)
    hours, minutes, seconds = int(match[1] or 0), int(match[2]), int(match[3])
    if seconds >= 60 or (match[1] and minutes >= 60):
        raise ValueError(text)
    return hours * 3600 + minutes * 60 + seconds


def _pain(text: str, errors: dict, field: str, label: str, required: bool) -> int | None:
    text = text.strip()
    if not text:
        if required:
            errors[field] = f"{label}: type a number from 0 (none) to 10."
        return None
    if not text.isdigit() or not 0 <= int(text) <= 10:
        errors[field] = f"{label} is scored 0 to 10, not “{text[:12]}”."
        return None
    return int(text)


def check_form(form: RunForm, existing: RunRecord | None = None) -> FormResult:
    """The run the form describes (``existing`` keeps its id, source, elevation, stage and
    next-morning answer), or one message per field that is wrong. Nothing is half-applied."""
    errors: dict[str, str] = {}
    if existing is not None and existing.source != "manual":   # measured by the device: kept as read
        return _answers(form, existing, existing.distance_km, existing.duration_s, errors)
    distance = duration = None
    try:
        distance = _number(form.distance)
        if distance is not None and not 0 < distance <= DISTANCE_MAX_KM:
            errors[DISTANCE] = f"Distance: from 0.1 to {DISTANCE_MAX_KM:g} km, not {form.distance.strip()}."
    except ValueError:
        errors[DISTANCE] = f"Distance: type the km as a number, e.g. 5.2 (not “{form.distance.strip()[:12]}”)."
    try:
        duration = parse_duration(form.duration)
        if duration is not None and not 0 < duration <= DURATION_MAX_S:
            errors[DURATION] = f"Duration: more than 0 and at most {DURATION_MAX_S // 3600} hours."
    except ValueError:
        errors[DURATION] = (f"Duration: minutes (32), minutes:seconds (32:10) or h:mm:ss, "
                            f"not “{form.duration.strip()[:12]}”.")
    if form.distance.strip() == "" and form.duration.strip() == "" and existing is None:
        errors[DISTANCE] = "Type the distance, the duration, or both."
    return _answers(form, existing, distance, duration, errors)


def _answers(form: RunForm, existing: RunRecord | None, distance: float | None, duration: int | None,
             errors: dict[str, str]) -> FormResult:
    """The pain answers and the rest, checked against the run's distance and duration."""
    during = _pain(form.pain_during, errors, PAIN_DURING, "Worst pain during", required=True)
    after = _pain(form.pain_after, errors, PAIN_AFTER, "Pain after", required=True)
    onset_km = onset_min = None
    if during != 0 and form.onset.strip():
        try:
            onset = _number(form.onset)
        except ValueError:
            errors[ONSET] = f"Pain began at: a number of {form.onset_unit}, not “{form.onset.strip()[:12]}”."
            onset = None
        if onset is not None and form.onset_unit == KM:
            if distance is not None and onset > distance:
                errors[ONSET] = f"The pain cannot begin at {onset:g} km of a {distance:g} km run."
            elif onset < 0:
                errors[ONSET] = "Pain began at: 0 km or more."
            onset_km = onset
        elif onset is not None:
            if duration is not None and onset * 60 > duration:
                errors[ONSET] = f"The pain cannot begin at minute {onset:g} of a {duration / 60:g} minute run."
            elif onset < 0:
                errors[ONSET] = "Pain began at: minute 0 or later."
            onset_min = onset
    if errors:
        return FormResult(None, errors)
    base = existing or RunRecord(id=uuid.uuid4().hex, started_at=form.when)
    try:
        when = base.started_at if existing is not None and existing.source != "manual" else form.when
        record = dataclasses.replace(
            base, started_at=when, distance_km=distance, duration_s=duration, terrain=form.terrain,
            pain_during=during, pain_onset_km=onset_km, pain_onset_min=onset_min, pain_after=after,
            note=clean_text(form.note.strip())[:NOTE_MAX_CHARS],
            red_flags=_red_flags(form, base, max(during or 0, after or 0)))
    except RecordError as exc:
        return FormResult(None, {WHEN: f"{str(exc)[:1].upper()}{str(exc)[1:]}."})
    return FormResult(record, {})


def _red_flags(form: RunForm, base: RunRecord, top: int) -> tuple:
    """Every sign asked, yes or no, when the pain was high and the dialog asked; none when
    the pain was lower; else (asked elsewhere, e.g. in the run player) as they were."""
    if top < RED_FLAG_PAIN:
        return ()
    if form.warning_signs is None:
        return base.red_flags
    return tuple((k, k in form.warning_signs) for k in RED_FLAG_KEYS)


def form_of(record: RunRecord) -> RunForm:
    """A stored (or imported) run as the dialog's fields, to answer or correct it."""
    def text(value) -> str:
        return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)

    if record.duration_s is None:
        duration = ""
    else:
        h, rest = divmod(record.duration_s, 3600)
        duration = f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"
    onset, unit = ((record.pain_onset_min, MINUTES) if record.pain_onset_min is not None
                   else (record.pain_onset_km, KM))
    return RunForm(when=record.started_at, distance=text(record.distance_km), duration=duration,
                   terrain=record.terrain, pain_during=text(record.pain_during), onset=text(onset),
                   onset_unit=unit, pain_after=text(record.pain_after), note=record.note,
                   warning_signs=frozenset(k for k, yes in record.red_flags if yes) if record.red_flags else None)
