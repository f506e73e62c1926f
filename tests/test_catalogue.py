from pathlib import Path

import pytest

from itbgui.program.exercises import CATALOGUE, Kind, exercise

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "itbs-hip-article.txt"


def test_five_strength_exercises_then_the_stretch():
    assert [e.id for e in CATALOGUE] == [
        "clamshell", "side_leg_lift", "single_leg_deadlift", "glute_bridge",
        "lateral_band_walk", "glute_stretch"]
    assert [e.kind for e in CATALOGUE].count(Kind.HOLD) == 1
    assert CATALOGUE[-1].kind is Kind.HOLD and CATALOGUE[-1].hold_seconds == 30


@pytest.mark.parametrize("ex", CATALOGUE, ids=lambda e: e.id)
def test_every_card_is_complete(ex):
    assert ex.name and ex.muscles and ex.why and ex.pro_tip
    assert 3 <= len(ex.cues) <= 5
    assert all(len(cue) <= 80 for cue in ex.cues), "a cue must fit one line on the player"
    assert len(ex.steps) >= 2, "every exercise has an easier and a harder rung"
    assert 0 <= ex.default_step < len(ex.steps)


def test_resistance_rung_can_change_sidedness():
    bridge = exercise("glute_bridge")
    assert not bridge.is_per_side(0)  # two-leg bridge
    assert bridge.is_per_side(1)      # single-leg bridge


def test_unknown_exercise_is_named_in_the_error():
    with pytest.raises(KeyError, match="pushup"):
        exercise("pushup")


@pytest.mark.skipif(not SEED.exists(), reason="source article not present")
def test_no_sentence_is_copied_from_the_source_article():
    article = SEED.read_text(encoding="utf-8").lower()
    for ex in CATALOGUE:
        for text in (*ex.cues, ex.why, ex.pro_tip):
            words = text.lower().split()
            # no run of 7 words appears verbatim in the article
            for i in range(len(words) - 6):
                assert " ".join(words[i:i + 7]) not in article, text


@pytest.mark.parametrize("ex", CATALOGUE, ids=lambda e: e.id)
def test_every_rung_has_its_own_cue_and_a_place_on_the_ladder(ex):
    for step in ex.steps:
        assert step.cues and all(len(cue) <= 80 for cue in step.cues), step.name
    assert sorted(i for i, _ in ex.ladder()) == list(range(len(ex.steps)))
    # The exercise's own cues hold on every rung: none names a rung's set-up.
    leg_lift = exercise("side_leg_lift")
    assert not any("straight" in cue for cue in leg_lift.cues)
    assert leg_lift.cues_for(0)[0].startswith("Keep the top knee bent")


def test_every_rung_has_a_one_line_reason_in_the_docs():
    text = (ROOT / "docs" / "progression.md").read_text(encoding="utf-8")
    for ex in CATALOGUE:
        for _, step in ex.ladder():
            assert f"**{step.name}**" in text, (ex.id, step.name)
