"""History: the session table, the progression charts and the CSV export."""
