"""The run log's dialogs: a run typed in by keys, and an imported run's pain answers."""
