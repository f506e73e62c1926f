"""The three calls on the next session's dose, as the rules, the overrides and the store
name them. A module of their own so Today can label its buttons before the first paint
without importing the decision rules (decisions.py and its dataclasses)."""

PROGRESS, HOLD, STEP_BACK = "progress", "hold", "step_back"
ACTIONS = (PROGRESS, HOLD, STEP_BACK)
