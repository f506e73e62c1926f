"""Help menu texts and boxes: keyboard shortcuts, the program's sources, About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from itbgui import APP_NAME, __version__
from itbgui.ui.help_dialog import show_help

SHORTCUTS_HELP = QT_TRANSLATE_NOOP("MainWindow", """<table cellpadding=4>
<tr><td><b>Ctrl+1</b> … <b>Ctrl+4</b></td><td>Today, Plan, History, Library</td></tr>
<tr><td><b>Enter</b></td><td>start the session (on Today) / confirm</td></tr>
<tr><td><b>Ctrl+R</b></td><td>log a run</td></tr>
<tr><td><b>Ctrl+P</b></td><td>print the week</td></tr>
<tr><td><b>Ctrl+,</b></td><td>settings</td></tr>
<tr><td><b>Ctrl+F</b></td><td>search the Library (on the Library)</td></tr>
<tr><td><b>Ctrl+E</b> / <b>Del</b></td><td>edit / delete the selected session (on History)</td></tr>
<tr><td><b>Ctrl+Z</b> / <b>Ctrl+Shift+Z</b></td><td>undo / redo an edit or a delete</td></tr>
<tr><td colspan=2><b>During a session</b></td></tr>
<tr><td><b>Space</b></td><td>pause and resume</td></tr>
<tr><td><b>→</b> / <b>←</b></td><td>next step / previous step</td></tr>
<tr><td><b>↑</b> / <b>↓</b></td><td>more / fewer reps logged for the set</td></tr>
<tr><td><b>0-9</b>, <b>1</b> <b>0</b></td><td>pain score 0-10</td></tr>
<tr><td><b>F</b> or <b>F11</b></td><td>full screen</td></tr>
<tr><td><b>M</b></td><td>sound on / off</td></tr>
<tr><td><b>I</b></td><td>pause and read the exercise's card in the Library (Esc comes back)</td></tr>
<tr><td><b>Esc</b></td><td>leave the session (asks first; what you did is kept)</td></tr>
</table>""")


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def show_shortcuts(parent: QWidget) -> None:
    show_help(parent, tr("Keyboard shortcuts"), tr(SHORTCUTS_HELP))   # scrolls: fits at every text size


def sources_text() -> str:
    """The studies and guides behind the plan (docs/progression.md), in the app's words."""
    items = [
        tr("<b>Fredericson and colleagues, 2000</b> (Clinical Journal of Sport Medicine): "
           "runners with IT band pain had weak hip abductors; six weeks of strengthening "
           "them left most of the 24 runners pain-free and running again. A small study "
           "with no comparison group."),
        tr("<b>Silbernagel and colleagues, 2007</b> (American Journal of Sports Medicine): "
           "the pain-monitoring rule. Up to 5 out of 10 while you work is acceptable if it "
           "has settled by the next morning and is not climbing week to week."),
        tr("<b>American College of Sports Medicine, 2009</b> (position stand on "
           "resistance training): two to three days a week to start, slow reps, and a "
           "small step up once a set is comfortably done."),
        tr("<b>Thera-Band Academy</b>: the order of the band colours, about a quarter "
           "more pull from one colour to the next, and dropping the reps when you go up a "
           "colour."),
        tr("<b>AAOS OrthoInfo</b> (hip conditioning): leg raises from 8 to 12 reps, then "
           "a little weight and back to 8."),
        tr("<b>Physiotherapy Canada</b> (the 0-10 pain scale, and 2 points as a real "
           "change) and <b>NHS musculoskeletal pathways</b> (when to see a clinician)."),
        tr("<b>NASM and ACSM</b> rest guidance for endurance sets: about 30-60 seconds."),
    ]
    intro = tr("The plan, its doses and the rule that moves you up or back follow these "
               "sources. Where they disagree, the app follows the better-supported figure.")
    outro = tr("ITB Coach is a training aid and does not replace a clinician.")
    return (f"<p>{intro}</p><ul>" + "".join(f"<li style='margin-bottom:6px'>{i}</li>" for i in items)
            + f"</ul><p>{outro}</p>")


def show_sources(parent: QWidget) -> None:
    """Help > The program's sources: what the plan and its rules rest on."""
    show_help(parent, tr("The program's sources"), sources_text())   # scrolls


def show_about(parent: QWidget, data_file: Path) -> None:
    QMessageBox.about(parent, tr("About %1").replace("%1", APP_NAME), (
        f"<h3>{APP_NAME} {__version__}</h3>"
        + tr("<p>A follow-along hip-strengthening coach for runners with IT band syndrome.</p>"
             "<p>Your data stays on this computer, in<br><code>%1</code></p>"
             "<p>Not medical advice: if pain is severe, keeps rising, or comes with swelling, "
             "locking or numbness, see a clinician.</p>").replace("%1", str(data_file))))
