"""PyInstaller runtime hook: what the download starts that is not itself gets the desktop's
libraries, not the bundle's.

The bundle's loader puts its ``_internal`` folder on ``LD_LIBRARY_PATH`` for this process,
and the dynamic linker has read it by now. Left in the environment it would reach
speech-dispatcher, which libspeechd starts for the voice and which then serves the whole
desktop session (a screen reader too) with this bundle's glib and libpulse, and xdg-open
and the PDF viewer. The app's own children (the sound worker) are the bundle again, whose
loader sets the variable afresh.
"""

import os

_original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
if _original is not None:
    os.environ["LD_LIBRARY_PATH"] = _original
else:
    os.environ.pop("LD_LIBRARY_PATH", None)
