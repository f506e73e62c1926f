"""Runs read from a watch's or a phone app's files (GPX, TCX, FIT) into the run log.

Pure Python, no Qt: the command line (``itb-coach runs-import``) and the window's
File > Import runs both call :func:`itbgui.importers.batch.import_files`. The formats are
read by their libraries (gpxpy, tcxreader, fitdecode); this package only sums up what
they read into :class:`~itbgui.store.run_records.RunRecord` and says, in plain words,
why a file could not be used.
"""
