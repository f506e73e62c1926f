"""A run as ``itb-coach runs --json`` prints it, and as ``week --json`` lists a day's runs.

The public shape, kept apart from the stored document (run_records.py), which may gain
fields the shape does not promise. Unknown values are null.
"""

from __future__ import annotations

from itbgui.store.run_records import RunRecord

RUN_JSON_KEYS = ("id", "started_at", "distance_km", "duration_s", "elevation_gain_m", "terrain",
                 "source", "pain_during", "pain_onset_km", "pain_after", "next_morning", "note")


def run_json(run: RunRecord) -> dict:
    """``{"id", "started_at" (ISO 8601 with offset), "distance_km", "duration_s",
    "elevation_gain_m", "terrain", "source", "pain_during", "pain_onset_km", "pain_after",
    "next_morning", "note"}``."""
    doc = run.to_doc()
    return {key: doc[key] for key in RUN_JSON_KEYS}
