"""The plan set-up: validation, its JSON form and the default used before set-up."""

import dataclasses
import datetime as dt

import pytest

from itbgui.program.plan_setup import PlanSetup, monday_of, sort_bands


def setup(**kw):
    base = dict(level="intermediate", running_days=frozenset({1, 3}), start_date=dt.date(2026, 11, 2),
                sore_side="left", bands=("yellow", "red"), dumbbells_kg=(4.0, 2.5))
    base.update(kw)
    return PlanSetup(**base)


def test_round_trip_through_json_keeps_every_field():
    original = setup()
    doc = original.to_doc()
    assert doc == {"level": "intermediate", "running_days": [1, 3], "start_date": "2026-11-02",
                   "sore_side": "left", "bands": ["yellow", "red"], "dumbbells_kg": [2.5, 4.0],
                   "ankle_weights": False, "bench": False, "path": "load"}
    assert PlanSetup.from_doc(doc) == original
    # A set-up stored before the kit questions reads as "none of that kit".
    older = {k: v for k, v in doc.items() if k not in ("ankle_weights", "bench", "path")}
    assert PlanSetup.from_doc(older) == original
    kitted = dataclasses.replace(original, ankle_weights=True, bench=True)
    assert PlanSetup.from_doc(kitted.to_doc()) == kitted
    with pytest.raises(ValueError):
        PlanSetup.from_doc({**doc, "bench": "yes"})
    with pytest.raises(ValueError):
        PlanSetup.from_doc({**doc, "path": "sideways"})
    assert PlanSetup.from_doc({**doc, "path": "reps"}).path == "reps"


def test_dumbbells_are_kept_lightest_first_without_repeats():
    assert setup(dumbbells_kg=(5, 2.5, 5)).dumbbells_kg == (2.5, 5.0)


def test_sessions_per_week_follow_the_level():
    assert setup(level="beginner").sessions_per_week == 2
    assert setup(level="intermediate").sessions_per_week == 3
    assert setup(level="advanced").sessions_per_week == 3


def test_default_is_a_beginner_starting_this_weeks_monday():
    thursday = dt.date(2026, 11, 26)
    default = PlanSetup.default(thursday)
    assert default == PlanSetup("beginner", frozenset(), dt.date(2026, 11, 23), "both")
    assert monday_of(thursday) == dt.date(2026, 11, 23)


@pytest.mark.parametrize("change, message", [
    ({"level": "expert"}, "level must be one of"),
    ({"running_days": [7]}, "weekday numbers"),
    ({"running_days": [True]}, "weekday numbers"),
    ({"sore_side": "middle"}, "sore side"),
    ({"bands": ("red", "yellow")}, "lightest first"),
    ({"bands": ("red", "red")}, "listed twice"),
    ({"bands": ("",)}, "band colour"),
    ({"dumbbells_kg": (0,)}, "dumbbell weight"),
    ({"dumbbells_kg": (80,)}, "dumbbell weight"),
    ({"start_date": dt.datetime(2026, 11, 2, 9)}, "start date"),
])
def test_bad_values_are_refused_with_a_clear_message(change, message):
    with pytest.raises(ValueError, match=message):
        setup(**change)


def test_other_brands_colours_are_accepted_in_the_persons_order():
    assert setup(bands=("purple", "red")).bands == ("purple", "red")


@pytest.mark.parametrize("doc, message", [
    ([], "JSON object"),
    ({"level": "beginner", "sore_side": "both"}, "start_date"),
    ({"level": "beginner", "sore_side": "both", "start_date": "2026-13-01"}, "not a valid date"),
    ({"level": "beginner", "sore_side": "both", "start_date": "2026-11-02", "running_days": 3},
     "running_days"),
    ({"level": "beginner", "sore_side": "both", "start_date": "2026-11-02", "running_days": [1, 1]},
     "twice"),
    ({"level": "beginner", "sore_side": "both", "start_date": "2026-11-02", "bands": "red"}, "bands"),
    ({"level": "beginner", "sore_side": "both", "start_date": "2026-11-02", "dumbbells_kg": ["2"]},
     "dumbbell"),
])
def test_from_doc_rejects_damaged_documents(doc, message):
    with pytest.raises(ValueError, match=message):
        PlanSetup.from_doc(doc)


def test_sort_bands_puts_thera_band_colours_in_order_and_keeps_others():
    assert sort_bands(["Green", " yellow", "purple", "green"]) == ("yellow", "green", "purple")


def test_the_stored_setup_or_the_default_plan_with_the_reason():
    import datetime as dt

    from itbgui.program.plan_setup import PlanSetup, stored_setup

    today = dt.date(2026, 11, 25)
    default = PlanSetup.default(today)
    assert stored_setup(None, today) == (default, "no plan set up yet")
    setup, why = stored_setup({"level": "expert"}, today)
    assert setup == default and why.startswith("the stored plan set-up cannot be used")
    good = PlanSetup("advanced", frozenset({2}), dt.date(2026, 11, 2), "left")
    assert stored_setup(good.to_doc(), today) == (good, None)


def test_unreadable_stored_decisions_are_skipped_and_named():
    from itbgui.program.progression import stored_decisions

    good = {"id": "after-s1", "action": "hold", "reason": "settled", "see_clinician": False,
            "clinician_reason": "", "made_on": "2026-11-03T08:10:00+01:00", "based_on": "s1",
            "overridden_to": None}
    decisions, problems = stored_decisions([good, {"id": "after-s2", "action": "jump"}])
    assert [d.session_id for d in decisions] == ["s1"]
    assert len(problems) == 1 and "cannot be read" in problems[0]
