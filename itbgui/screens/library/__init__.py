"""The Library: every exercise's card, searchable, for reading away from a session."""
