"""docs/personas.md is what tools/personas.py writes from the app's code as it is now."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_personas_document_is_current():
    spec = importlib.util.spec_from_file_location("personas", ROOT / "tools" / "personas.py")
    personas = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(personas)
    text = personas.render()
    assert (ROOT / "docs" / "personas.md").read_text(encoding="utf-8") == text, \
        "run: python tools/personas.py"
    # What the review found, now as it should be: nobody enters maintenance while pain after
    # sessions is above 3/10, and the climber's flare steps back only what flared.
    assert "Week 9 · building on" in text
    assert "| Maintenance · week 9 | M |" in text
