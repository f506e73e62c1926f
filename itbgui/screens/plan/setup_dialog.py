"""Plan set-up: level, running days, start date, sore side and the kit the person owns.

Every answer is checked here, at the edge, with a message that says what to change; the
checked answers become a :class:`PlanSetup` (which checks them again) and are saved as
one document. Asked on first start and changeable from the Plan page.
"""

from __future__ import annotations

from collections.abc import Callable

import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QRadioButton, QVBoxLayout, QWidget)

from itbgui.program.plan_setup import (FIRST_PLAN_DATE, LAST_PLAN_DATE, LEVELS, MAX_DUMBBELL_KG,
                                  MAX_DUMBBELLS, SORE_SIDES, THERA_BAND_ORDER, WEEKDAY_NAMES,
                                  PlanSetup, sort_bands)
from itbgui.store.repository import StoreError
from itbgui.ui.text_size import text_scale
from itbgui.ui.theme import colours
from itbgui.ui.widget_kit import fit_to_screen, px, scrolling

#: How far back a start date may go (a plan already under way) and how far ahead.
EARLIEST_START_DAYS = 365
LATEST_START_DAYS = 180
#: Swatches beside the colour names (the name is always written: never colour alone).
BAND_SWATCHES = {"yellow": "#f2d200", "red": "#d0282e", "green": "#2e9b46", "blue": "#2a5cc4",
                 "black": "#111111", "silver": "#b9bec4", "gold": "#c9a227"}


def parse_weights(text: str) -> tuple[float, ...]:
    """'2.5, 5 kg; 7,5' -> (2.5, 5.0, 7.5). Raises ValueError with a message the person can act on.

    Weights are separated by spaces, semicolons or a comma followed by a space; a comma
    between digits ("7,5") is a decimal comma.
    """
    cleaned = re.sub(r"(?i)kg", " ", text)
    cleaned = re.sub(r"(?<=\d),(?=\d)", ".", cleaned)
    parts = [p for p in re.split(r"[\s,;]+", cleaned) if p]
    if len(parts) > MAX_DUMBBELLS:
        raise ValueError(f"At most {MAX_DUMBBELLS} dumbbell weights, please.")
    weights = []
    for part in parts:
        try:
            kg = float(part)
        except ValueError:
            raise ValueError(f"“{part}” is not a weight. Write numbers in kg, like 2.5, 5, 7.5.") from None
        if not 0 < kg <= MAX_DUMBBELL_KG or kg != kg:
            raise ValueError(f"{part} kg is not a dumbbell weight: use more than 0 and at most "
                             f"{MAX_DUMBBELL_KG:g} kg.")
        weights.append(kg)
    return tuple(sorted(set(weights)))


class DateField(QDateEdit):
    """A date that Tab leaves for the next field, as every other field does (QDateEdit's
    own Tab walks its day, month and year first). Inside, Left and Right reach the parts,
    Up and Down or typing change them."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class RadioArrows(QObject):
    """A radio group's keys as on desktops: Tab enters the group at its choice, and all four
    arrows move the choice, Down or Right to the next button, Up or Left to the one before,
    wherever the buttons sit. (Qt's own Tab stops on the first button, checked or not; its
    arrows then move the focus without ticking, and only in the arrow's direction: Down
    does nothing in a row, Right nothing in a column.)"""

    NEXT = {Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1}

    def __init__(self, group: QButtonGroup) -> None:
        super().__init__(group)
        self.group = group
        for button in group.buttons():
            button.installEventFilter(self)
        group.buttonToggled.connect(self._tab_stop_on_choice)

    def _tab_stop_on_choice(self, *_args) -> None:
        """Only the checked button is a Tab stop (Qt's own rule, once a button has had focus)."""
        checked = self.group.checkedButton()
        if checked is not None:
            for button in self.group.buttons():
                button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if button is checked
                                      else Qt.FocusPolicy.ClickFocus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and event.key() in self.NEXT
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            buttons = [b for b in self.group.buttons() if b.isEnabled() and b.isVisible()]
            if watched in buttons:
                index = buttons.index(watched) + self.NEXT[event.key()]
                if 0 <= index < len(buttons):
                    buttons[index].setChecked(True)
                    buttons[index].setFocus(Qt.FocusReason.TabFocusReason)
                return True   # at either end the choice stays put
        return super().eventFilter(watched, event)


def _swatch(colour: str) -> QIcon:
    pix = QPixmap(22, 22)
    pix.fill(QColor(colour))
    return QIcon(pix)


class PlanSetupDialog(QDialog):
    """Edits a PlanSetup; on OK checks it, saves it through ``save_setup`` (the app's one
    write path; it raises StoreError when the disk refuses) and keeps it in ``setup``."""

    def __init__(self, save_setup: Callable[[PlanSetup], None], initial: PlanSetup, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save_setup = save_setup
        self.today = today
        self.setup: PlanSetup | None = None
        self.setWindowTitle(self.tr("Set up your plan"))
        self.setAccessibleName(self.tr("Plan set-up"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 16)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(28, 24, 28, 8)
        lay.setSpacing(14)
        outer.addWidget(scrolling(body), 1)   # scrolls on a short screen at a large text size
        intro = QLabel(self.tr("Eight weeks of hip strengthening, fitted around your running. "
                               "You can change any of this later on the Plan page."), objectName="intro")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        form.setVerticalSpacing(16)
        form.setHorizontalSpacing(20)
        lay.addLayout(form)

        # Level
        self.level_group = QButtonGroup(self)
        level_row = QVBoxLayout()   # one a line: side by side they need 1000 px and more
        level_row.setSpacing(6)
        words = {"beginner": self.tr("Beginner (2 sessions a week)"),
                 "intermediate": self.tr("Intermediate (3 a week)"),
                 "advanced": self.tr("Advanced (3 a week)")}
        self.level_buttons: dict[str, QRadioButton] = {}
        for level in LEVELS:
            button = QRadioButton(words[level])
            self.level_group.addButton(button)
            level_row.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)   # clickable where it shows
            self.level_buttons[level] = button
        RadioArrows(self.level_group)
        form.addRow(self.tr("Level:"), level_row)

        # Running days
        days_row = QHBoxLayout()
        days_row.setSpacing(22)
        self.day_boxes: list[QCheckBox] = []
        short = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                 self.tr("Sat"), self.tr("Sun"))
        for name, label in zip(WEEKDAY_NAMES, short):
            box = QCheckBox(label)
            box.setToolTip(self.tr(name))
            box.setAccessibleName(self.tr(name))
            days_row.addWidget(box)
            self.day_boxes.append(box)
        days_row.addStretch(1)
        days_hint = QLabel(self.tr("Sessions go on the other days; with no free day, after a light run."),
                           objectName="hint")
        days_hint.setWordWrap(True)
        days_box = QVBoxLayout()
        days_box.addLayout(days_row)
        days_box.addWidget(days_hint)
        form.addRow(self.tr("I run on:"), days_box)

        # Start date
        self.start_edit = DateField(calendarPopup=True)
        self.start_edit.setDisplayFormat("dddd d MMMM yyyy")
        # A plan started long ago stays selectable as it is: changing the kit must not
        # move the start and renumber the weeks. Only a new date is held to the range.
        self._stored_start = initial.start_date
        first = max(min(today - dt.timedelta(days=EARLIEST_START_DAYS), initial.start_date),
                    FIRST_PLAN_DATE)      # and never outside the dates a session can have,
        last = min(max(today + dt.timedelta(days=LATEST_START_DAYS), initial.start_date),
                   LAST_PLAN_DATE)        # even when the computer's clock is wrong
        self.start_edit.setDateRange(QDate(first.year, first.month, first.day),
                                     QDate(last.year, last.month, last.day))
        form.addRow(self.tr("Start on:"), self.start_edit)

        # Sore side
        self.side_group = QButtonGroup(self)
        side_row = QHBoxLayout()
        side_row.setSpacing(22)
        side_words = {"left": self.tr("Left"), "right": self.tr("Right"), "both": self.tr("Both")}
        self.side_buttons: dict[str, QRadioButton] = {}
        for side in SORE_SIDES:
            button = QRadioButton(side_words[side])
            self.side_group.addButton(button)
            side_row.addWidget(button)
            self.side_buttons[side] = button
        side_row.addStretch(1)
        RadioArrows(self.side_group)
        form.addRow(self.tr("Sore side:"), side_row)

        # Bands
        bands = QGridLayout()
        bands.setHorizontalSpacing(22)
        bands.setVerticalSpacing(8)
        self.band_boxes: dict[str, QCheckBox] = {}
        for i, name in enumerate(THERA_BAND_ORDER):
            box = QCheckBox(self.tr(name.capitalize()))
            box.setIcon(_swatch(BAND_SWATCHES[name]))
            box.setAccessibleName(self.tr("%1 band").replace("%1", name))
            bands.addWidget(box, i // 4, i % 4)
            self.band_boxes[name] = box
        self.other_bands = QLineEdit(placeholderText=self.tr("other bands, lightest first: e.g. pink, purple"))
        self.other_bands.setAccessibleName(self.tr("Other bands"))
        bands.addWidget(self.other_bands, 2, 0, 1, 4)
        form.addRow(self.tr("Bands I own\n(Thera-Band colours,\nlightest first):"), bands)

        # Dumbbells
        self.weights_edit = QLineEdit(placeholderText=self.tr("e.g. 2.5, 5, 7.5 (kg); empty if none"))
        self.weights_edit.setAccessibleName(self.tr("Dumbbell weights in kg"))
        form.addRow(self.tr("Dumbbells (kg):"), self.weights_edit)

        # Other kit a rung needs: without it, the plan uses a harder bodyweight variant.
        kit_row = QHBoxLayout()
        kit_row.setSpacing(22)
        self.ankle_box = QCheckBox(self.tr("An ankle weight"))
        self.bench_box = QCheckBox(self.tr("A bench or sofa edge"))
        self.ankle_box.setAccessibleName(self.tr("I have an ankle weight"))
        self.bench_box.setAccessibleName(self.tr("I have a bench or sofa edge to lean my shoulders on"))
        kit_row.addWidget(self.ankle_box)
        kit_row.addWidget(self.bench_box)
        kit_row.addStretch(1)
        form.addRow(self.tr("I also have:"), kit_row)

        # How the dose grows
        self.path_group = QButtonGroup(self)
        path_row = QVBoxLayout()
        self.path_buttons = {"load": QRadioButton(self.tr("Load first")),
                             "reps": QRadioButton(self.tr("Reps first"))}
        explain = {"load": self.tr("Harder steps, 10-12 reps; sessions about 25 min."),
                   "reps": self.tr("3 x 10 building to 3 x 20 over the 8 weeks; sessions grow to about 32 min.")}
        for path, button in self.path_buttons.items():
            self.path_group.addButton(button)
            path_row.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)   # as wide as its label: all of it clicks
            # the detail wraps under its button: a long radio label would widen the dialog
            detail = QLabel(explain[path], objectName="hint", wordWrap=True)
            detail.setContentsMargins(28, 0, 0, 4)
            button.setAccessibleDescription(explain[path])
            path_row.addWidget(detail)
        RadioArrows(self.path_group)
        form.addRow(self.tr("The dose grows:"), path_row)

        self.error_label = QLabel(objectName="error")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()
        lay.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        buttons_row = QHBoxLayout()
        buttons_row.setContentsMargins(28, 0, 28, 0)
        buttons_row.addWidget(self.buttons)
        outer.addLayout(buttons_row)
        self._fill(initial)
        c = colours()
        k = text_scale()   # Settings > Text size
        self.setStyleSheet(f"""
            QDialog, QLabel, QCheckBox, QRadioButton, QLineEdit, QDateEdit, QPushButton {{ font-size: {px(17, k)}; }}
            #intro {{ font-size: {px(18, k)}; }}
            #hint {{ font-size: {px(14, k)}; color: {c.muted}; }}
            #error {{ font-size: {px(17, k)}; font-weight: 600; color: {c.warn}; }}
        """)
        body.ensurePolished()
        fit_to_screen(self, max(round(860 * k), body.minimumSizeHint().width() + 24),
                      body.sizeHint().height() + 80)

    def _fill(self, setup: PlanSetup) -> None:
        self.level_buttons[setup.level].setChecked(True)
        for day, box in enumerate(self.day_boxes):
            box.setChecked(day in setup.running_days)
        d = setup.start_date
        self.start_edit.setDate(QDate(d.year, d.month, d.day))
        self.side_buttons[setup.sore_side].setChecked(True)
        for name, box in self.band_boxes.items():
            box.setChecked(name in setup.bands)
        self.other_bands.setText(", ".join(b for b in setup.bands if b not in THERA_BAND_ORDER))
        self.weights_edit.setText(", ".join(f"{kg:g}" for kg in setup.dumbbells_kg))
        self.ankle_box.setChecked(setup.ankle_weights)
        self.bench_box.setChecked(setup.bench)
        self.path_buttons[setup.path].setChecked(True)

    # ------------------------------------------------------------------ checking
    def read_setup(self) -> PlanSetup:
        """The answers as a PlanSetup; ValueError with a message for the person if one is wrong."""
        level = next((lv for lv, b in self.level_buttons.items() if b.isChecked()), None)
        if level is None:
            raise ValueError(self.tr("Choose a level."))
        side = next((s for s, b in self.side_buttons.items() if b.isChecked()), None)
        if side is None:
            raise ValueError(self.tr("Choose the sore side (or both)."))
        qd = self.start_edit.date()
        if not qd.isValid():
            raise ValueError(self.tr("The start date is not a valid date."))
        start = dt.date(qd.year(), qd.month(), qd.day())
        if start != self._stored_start and not (
                self.today - dt.timedelta(days=EARLIEST_START_DAYS) <= start
                <= self.today + dt.timedelta(days=LATEST_START_DAYS)):
            raise ValueError(self.tr("Choose a start date within a year back or six months ahead."))
        days = frozenset(i for i, box in enumerate(self.day_boxes) if box.isChecked())
        others = [p.strip() for p in self.other_bands.text().split(",") if p.strip()]
        for name in others:
            if len(name) > 20:
                raise ValueError(self.tr("Band names are at most 20 characters: “%1”.").replace("%1", name))
            if name.lower() in THERA_BAND_ORDER:
                raise ValueError(self.tr("%1 is in the colour list above: tick it there.").replace(
                    "%1", name.capitalize()))
        owned = [n for n, box in self.band_boxes.items() if box.isChecked()] + others
        if len({n.lower() for n in owned}) != len(owned):
            raise ValueError(self.tr("A band is listed twice."))
        if len(owned) > 10:
            raise ValueError(self.tr("At most 10 bands, please."))
        bands = sort_bands(owned)
        weights = parse_weights(self.weights_edit.text())
        return PlanSetup(level=level, running_days=days, start_date=start, sore_side=side,
                         bands=bands, dumbbells_kg=weights, ankle_weights=self.ankle_box.isChecked(),
                         bench=self.bench_box.isChecked(),
                         path="reps" if self.path_buttons["reps"].isChecked() else "load")

    def accept(self) -> None:
        try:
            setup = self.read_setup()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        try:
            self.save_setup(setup)
        except StoreError as exc:
            self.show_error(self.tr("Not saved: %1").replace("%1", str(exc)))
            return
        self.setup = setup
        super().accept()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
