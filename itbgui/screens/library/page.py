"""The Library page: a searchable list of the exercises beside the chosen exercise's card.

Thin view over the catalogue: the words come from ``itbgui.program.exercises`` (the same
text the player and the printed sheet use); matching lives in :mod:`.search`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QScrollArea, QSizePolicy,
                               QVBoxLayout, QWidget)

from itbgui.player.picture import ExercisePicture
from itbgui.figures.catalogue import motion
from itbgui.program.exercises import Exercise, Kind, ResistanceStep, Tempo, exercise
from itbgui.ui.theme import colours
from itbgui.ui.widget_kit import TextScaled
from itbgui.screens.library.search import search


def plan_starts(exercise_id: str) -> tuple[int, int]:
    """The rung the plan starts on without any kit and with every kind of kit (they differ
    only where the first rung needs kit, as the band walk's does)."""
    import datetime as dt

    from itbgui.program.plan import usable_rungs
    from itbgui.program.plan_setup import PlanSetup

    bare = PlanSetup("beginner", frozenset(), dt.date(2026, 1, 5), "both")
    kitted = PlanSetup("beginner", frozenset(), dt.date(2026, 1, 5), "both", ("yellow", "red"),
                       (2.0, 4.0), ankle_weights=True, bench=True)
    return usable_rungs(exercise_id, bare)[0].step_index, usable_rungs(exercise_id, kitted)[0].step_index

#: An exercise's rungs, easiest first, as (step index, rung): Exercise.ladder().
Ladder = tuple[tuple[int, ResistanceStep], ...]

ID_ROLE = Qt.ItemDataRole.UserRole
PICTURE_HEIGHT = 240
STILL_HEIGHT = 150
RUNG_HEIGHT = 120
#: The stretch has no rep tempo: the Library shows easing in, holding and easing out.
LOOP_HOLD_TEMPO = Tempo(3.0, 3.0, 3.0)


def _label(text: str = "", name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text, objectName=name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ExerciseCard(QWidget):
    """One exercise, everything about it, in reading order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exercise: Exercise | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 24)
        lay.setSpacing(8)
        self.title = _label(name="cardName")
        self.muscles = _label(name="cardMuscles")
        self.how_done = _label(name="cardMuted")
        lay.addWidget(self.title)
        lay.addWidget(self.muscles)
        lay.addWidget(self.how_done)

        # The figure moving at the tempo, then its start and end positions side by side.
        self.moving = self._picture(PICTURE_HEIGHT)
        self.moving_caption = _label(name="cardCaption")
        self.moving_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.moving)
        lay.addWidget(self.moving_caption)
        pictures = QHBoxLayout()
        pictures.setSpacing(24)
        self.pictures: dict[str, ExercisePicture] = {}
        self.picture_captions: dict[str, QLabel] = {}
        for position, caption in (("start", self.tr("Start position")),
                                  ("end", self.tr("End position"))):
            column = QVBoxLayout()
            picture = self._picture(STILL_HEIGHT)
            label = _label(caption, "cardCaption")
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(picture)
            column.addWidget(label)
            pictures.addLayout(column)
            self.pictures[position] = picture
            self.picture_captions[position] = label
        lay.addLayout(pictures)

        self.rung_pictures: list[ExercisePicture] = []
        self.rungs = QGridLayout()
        self.rungs.setHorizontalSpacing(16)
        self.sections: dict[str, QLabel] = {}
        for key, heading in (("cues", self.tr("How to do it")), ("why", self.tr("Why it works")),
                             ("tip", self.tr("Pro tip")), ("ladder", self.tr("Easier and harder"))):
            lay.addSpacing(8)
            lay.addWidget(_label(heading, "cardHeading"))
            body = _label(name="cardText")
            lay.addWidget(body)
            self.sections[key] = body
        lay.addLayout(self.rungs)  # one picture per rung, under "Easier and harder"
        lay.addStretch(1)

    def _picture(self, height: int) -> ExercisePicture:
        picture = ExercisePicture(on_card=True)
        picture.setMinimumWidth(160)
        picture.setFixedHeight(height)  # the drawings are wide: width sets their size
        picture.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        picture.setObjectName("cardPicture")
        return picture

    def show_exercise(self, ex: Exercise) -> None:
        self.exercise = ex
        self.title.setText(ex.name)
        self.muscles.setText(self.tr("Works: {muscles}").format(muscles=", ".join(ex.muscles)))
        if ex.kind is Kind.HOLD:
            done = self.tr("A stretch, held for about {s:g} seconds on each side.").format(
                s=ex.hold_seconds)
        elif ex.side_meaning == "direction":
            done = self.tr("Done in both directions, one after the other.")
        elif ex.per_side:
            done = self.tr("One side at a time, then the other.")
        else:
            done = self.tr("Both legs together (the harder versions use one).")
        self.how_done.setText(done)
        default = motion(ex.id, ex.step().name)
        tempo = LOOP_HOLD_TEMPO if ex.kind is Kind.HOLD else ex.tempo
        self.moving.loop(default, tempo)
        self.moving.setAccessibleName(self.tr("{name}: moving drawing, {view} view").format(
            name=ex.name, view=self.tr("side") if default.view == "side" else self.tr("front")))
        self.moving_caption.setText(
            self.tr("Ease in, hold, ease out") if ex.kind is Kind.HOLD else
            self.tr("At the tempo: {tempo} s (up, hold, down)").format(tempo=ex.tempo.label()))
        for position, picture in self.pictures.items():
            picture.show_still(default, position)
            picture.setAccessibleName(self.tr("{name}: {position} position drawing").format(
                name=ex.name, position=self.tr("start") if position == "start" else self.tr("end")))
        rungs = ex.ladder()   # the words and the pictures count these, easiest first
        self._show_rungs(ex, rungs)
        self.sections["cues"].setText("\n".join(f"{n}.  {cue}" for n, cue in enumerate(ex.cues, 1)))
        self.sections["why"].setText(ex.why)
        self.sections["tip"].setText(ex.pro_tip)
        self.sections["ladder"].setText("\n".join(self.ladder_lines(ex, rungs)))

    def _show_rungs(self, ex: Exercise, rungs: Ladder) -> None:
        """Each rung's own end position, named and numbered as in the words above it, so
        the harder versions are seen, not guessed."""
        while self.rungs.count():
            item = self.rungs.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.rung_pictures = []
        columns = 2
        for n, (_index, step) in enumerate(rungs):
            picture = self._picture(RUNG_HEIGHT)
            picture.show_still(motion(ex.id, step.name), "end")
            picture.setAccessibleName(self.tr("Rung {n}: {rung}").format(n=n + 1, rung=step.name))
            caption = _label(f"{n + 1}.  {step.name}", "cardCaption")
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            row, column = divmod(n, columns)
            self.rungs.addWidget(picture, row * 2, column)
            self.rungs.addWidget(caption, row * 2 + 1, column)
            self.rung_pictures.append(picture)

    def ladder_lines(self, ex: Exercise, rungs: Ladder) -> list[str]:
        """Each rung with a word saying where it stands, so nothing hangs on colour or order."""
        bare, kitted = plan_starts(ex.id)
        start = [i for i, _ in rungs].index(bare)
        lines = []
        for n, (index, step) in enumerate(rungs):
            if index == bare == kitted:
                where = self.tr("the plan starts here")
            elif index == bare:
                where = self.tr("the plan starts here without kit")
            elif index == kitted:
                where = self.tr("the plan starts here with kit")
            else:
                where = self.tr("easier") if n < start else self.tr("harder")
            cue = f": {step.cues[0]}" if step.cues else ""
            lines.append(f"{n + 1}.  {step.name}  ({where}){cue}")
        return lines

    def refresh_colours(self) -> None:
        """The theme or "Reduce motion" changed."""
        for picture in (self.moving, *self.pictures.values(), *self.rung_pictures):
            picture.refresh_colours()


class LibraryPage(TextScaled, QWidget):
    """Search on the left, the card on the right. ``back_requested`` returns to a paused session."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Library"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 20, 32, 16)
        outer.setSpacing(12)

        top = QHBoxLayout()
        self.heading = _label(self.tr("Exercise library"), "libraryHeading", wrap=False)
        top.addWidget(self.heading)
        top.addStretch(1)
        self.back_button = QPushButton(self.tr("← &Back to the session"), objectName="libraryBack")
        self.back_button.setAccessibleName(self.tr("Back to the session"))
        self.back_button.setToolTip(self.tr("Return to the paused session (Esc)"))
        self.back_button.clicked.connect(self.back_requested)
        self.back_button.hide()
        top.addWidget(self.back_button)
        outer.addLayout(top)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        left = QVBoxLayout()
        left.setSpacing(8)
        search_label = _label(self.tr("&Search"), "librarySearchLabel", wrap=False)
        self.search_field = QLineEdit(objectName="librarySearch")
        self.search_field.setPlaceholderText(self.tr("Name, muscle or cue"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName(self.tr("Search exercises"))
        self.search_field.setAccessibleDescription(
            self.tr("Filters the list by name, muscle or cue. Up and Down choose, Enter opens."))
        search_label.setBuddy(self.search_field)
        self.search_field.textChanged.connect(self._filter)
        self.search_field.installEventFilter(self)
        self.search_field.returnPressed.connect(self._open_current)
        self.list = QListWidget(objectName="libraryList")
        self.list.setAccessibleName(self.tr("Exercises"))
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(lambda _item: self._open_current())
        # As tall as its rows when there is room; shorter (scrolling) on a short screen at
        # a large text size, so it never makes the window taller than the screen.
        self.list.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)
        self.list.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.no_match = _label("", "libraryNoMatch")
        self.no_match.hide()
        self.keys_hint = _label(self.tr("Ctrl+F search · ↑ ↓ choose · Enter read the card · "
                                        "Page Up / Page Down scroll it"), "libraryHint")
        left.addWidget(search_label)
        left.addWidget(self.search_field)
        left.addWidget(self.list)
        left.addWidget(self.no_match)
        left.addWidget(self.keys_hint)
        left.addStretch(1)
        # A fixed-width column: the card stays put when the list gives way to "No exercise ...".
        self.left_column = QWidget(objectName="libraryLeft")
        self.left_column.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(self.left_column)

        self.card = ExerciseCard()
        self.scroll = QScrollArea(objectName="libraryCard")
        self.scroll.setWidget(self.card)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.scroll.setAccessibleName(self.tr("Exercise card"))
        self.scroll.installEventFilter(self)
        columns.addWidget(self.scroll, 1)
        outer.addLayout(columns, 1)

        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._filter("")
        self.apply_style()

    # ------------------------------------------------------------------ API
    @property
    def current_exercise_id(self) -> str | None:
        return self.card.exercise.id if self.card.exercise else None

    def show_exercise(self, exercise_id: str, *, offer_back: bool = False) -> None:
        """Open one card; ``offer_back`` shows "Back to the session" (the player's way in)."""
        ex = exercise(exercise_id)  # KeyError names an unknown id
        if self._row_of(exercise_id) < 0:
            self.search_field.clear()
        self.list.setCurrentRow(self._row_of(exercise_id))
        self.card.show_exercise(ex)
        self.set_back_offered(offer_back)
        self.scroll.verticalScrollBar().setValue(0)

    def set_back_offered(self, offered: bool) -> None:
        self.back_button.setVisible(offered)

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def visible_exercise_ids(self) -> list[str]:
        return [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]

    def apply_style(self) -> None:
        """Call after a theme change: reads the palette's colours and recolours the drawings."""
        c = colours()
        px = self.px

        self.setStyleSheet(f"""
            QLabel {{ color: {c.text}; }}
            #libraryHeading {{ font-size: {px(34)}; font-weight: 700; }}
            #librarySearchLabel {{ font-size: {px(18)}; font-weight: 600; }}
            #librarySearch {{ font-size: {px(20)}; padding: 8px; border: 2px solid {c.muted};
                              border-radius: 8px; background: {c.base}; color: {c.text}; }}
            #librarySearch:focus {{ border: 3px solid {c.accent}; }}
            #libraryList {{ font-size: {px(21)}; background: {c.base}; color: {c.text};
                            selection-background-color: {c.accent}; selection-color: {c.accent_text};
                            border: 2px solid {c.muted}; border-radius: 8px; }}
            #libraryList:focus {{ border: 3px solid {c.accent}; }}
            #libraryList::item {{ padding: 10px 8px; }}
            #libraryList::item:selected {{ background: {c.accent}; color: {c.accent_text};
                                           font-weight: 700; }}
            #libraryNoMatch {{ font-size: {px(19)}; font-weight: 600; }}
            #libraryHint {{ font-size: {px(16)}; color: {c.muted}; }}
            QScrollBar:vertical {{ width: 16px; background: {c.window}; border: none; margin: 0; }}
            QScrollBar::handle:vertical {{ background: {c.muted}; min-height: 48px;
                                           border-radius: 7px; margin: 2px; }}
            QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
            QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
            #libraryCard {{ background: {c.card}; border: 2px solid {c.muted}; border-radius: 12px; }}
            #libraryCard:focus {{ border: 3px solid {c.accent}; }}
            #libraryCard > QWidget > QWidget {{ background: {c.card}; }}
            #cardName {{ font-size: {px(32)}; font-weight: 700; }}
            #cardMuscles {{ font-size: {px(21)}; font-weight: 600; }}
            #cardMuted, #cardCaption {{ font-size: {px(18)}; color: {c.muted}; }}
            #cardHeading {{ font-size: {px(23)}; font-weight: 700; color: {c.accent}; }}
            #cardText {{ font-size: {px(20)}; }}
            #libraryBack {{ font-size: {px(19)}; font-weight: 600; padding: 8px 18px;
                            background: {c.accent}; color: {c.accent_text}; border: none;
                            border-radius: 8px; }}
            #libraryBack:focus {{ border: 3px solid {c.text}; }}
        """)
        self.list.setFixedWidth(round(330 * self._text_scale))
        self.left_column.setFixedWidth(self.list.width())
        self._fit_list()
        self.card.refresh_colours()

    # ------------------------------------------------------------------ behaviour
    def _row_of(self, exercise_id: str) -> int:
        ids = self.visible_exercise_ids()
        return ids.index(exercise_id) if exercise_id in ids else -1

    def _filter(self, query: str) -> None:
        keep = self.current_exercise_id
        matches = search(query)
        self.list.blockSignals(True)
        self.list.clear()
        for ex in matches:
            item = QListWidgetItem(ex.name)
            item.setData(ID_ROLE, ex.id)
            item.setToolTip(", ".join(ex.muscles))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.no_match.setText(self.tr("No exercise matches “{query}”.").format(query=query.strip()))
        self.no_match.setVisible(not matches)
        self.list.setVisible(bool(matches))
        self._fit_list()
        if matches:   # a search opens its best match; clearing it keeps the card open
            row = self._row_of(keep) if keep and not query.strip() and self._row_of(keep) >= 0 else 0
            self.list.setCurrentRow(row)
            self._current_changed(self.list.currentItem(), None)

    def _fit_list(self) -> None:
        """The list is as tall as its rows: six exercises need no scroll bar."""
        rows = max(1, self.list.count())
        row_height = self.list.sizeHintForRow(0) if self.list.count() else 40
        self.list.setMaximumHeight(rows * row_height + 2 * self.list.frameWidth() + 4)
        self.list.setMinimumHeight(min(2, rows) * row_height + 2 * self.list.frameWidth() + 4)

    def _current_changed(self, item: QListWidgetItem | None, _previous) -> None:
        if item is not None and item.data(ID_ROLE) != self.current_exercise_id:
            self.card.show_exercise(exercise(item.data(ID_ROLE)))
            self.scroll.verticalScrollBar().setValue(0)

    def _open_current(self) -> None:
        """Enter: read the chosen card (the scroll area takes the keys: arrows, Page Up/Down)."""
        if self.list.currentItem() is not None:
            self.scroll.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.search_field and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = -1 if key == Qt.Key.Key_Up else 1
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
            if watched is self.search_field and key == Qt.Key.Key_Escape and self.search_field.text():
                self.search_field.clear()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.back_button.isVisible():
            self.back_requested.emit()
            return
        super().keyPressEvent(event)
