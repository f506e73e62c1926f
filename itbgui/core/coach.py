"""The coach: what the person should do next and what the rule decided, without widgets.

The window asks the coach and shows the answers; the coach reads the store, asks
``itbgui.program`` and writes what the person decides (plan set-up aside, which the set-up
dialog saves itself): an override of the rule's decision, the next-morning answer. The
decisions themselves are never stored: they follow from the sessions. It
imports no Qt, so every coaching path is tested with a fake clock and a temporary folder.

Writes raise :class:`~itbgui.store.repository.StoreError`; the caller says so on screen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from itbgui.core.clock import Clock, FakeClock
from itbgui.program.plan import Plan, generate_plan
from itbgui.program.plan_setup import PlanSetup, monday_of, stored_setup
from itbgui.program.preferences import DEFAULT_GET_READY_SECONDS, SessionPreferences, apply_preferences, timing_for
from itbgui.program import start_state
from itbgui.program.dose_state import History, replay
from itbgui.program.progression import (ProgressionDecision, TodaySession, WeekStatus, decide, extra_session,
                                  history_of, morning_question_due, next_session, stored_decisions,
                                  week_statuses)
from itbgui.program.start_state import StartState, today_session
from itbgui.program.resume import resume_point
from itbgui.program.return_to_run import RunPrescription
from itbgui.program.timeline import Timeline, Timing, build_timeline
from itbgui.store.records import SessionRecord
from itbgui.store.run_records import RunRecord

if TYPE_CHECKING:
    from itbgui.store.repository import SessionRepository
    from itbgui.program.week import WeekSheet
    from itbgui.store.opening import FolderOpening

_log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class RunDayView:
    """What Today needs for the return to running (docs/progression.md, "Back to running").

    ``readiness_needed``: ask the walking question (no run stage before it is passed);
    ``prescription``: today's stage (None before readiness or while strength work is paused);
    ``words``: it in words ("Run 3 min, walk 2 min, 6 times - flat ground"), "" when none;
    ``reason``: why the stage is what it is; ``run_day``: today is one of the plan's running
    days; ``runs_to_answer``: runs (imported ones) still without their pain answers, oldest first.
    """

    readiness_needed: bool
    prescription: RunPrescription | None
    words: str
    reason: str
    run_day: bool
    paused: bool
    runs_to_answer: tuple[RunRecord, ...] = ()
    runs_today: tuple[RunRecord, ...] = ()   # the runs logged today: today's run is done


@dataclasses.dataclass(frozen=True)
class TodayView:
    """Today's screen in one answer: the session Start will run, and the question to ask."""

    session: TodaySession
    setup: PlanSetup
    plan_is_default: bool
    last: SessionRecord | None            # the latest session logged, if any
    morning_question: SessionRecord | None  # the session whose next morning to ask about
    run_day: RunDayView | None = None     # the return to running today (see run_day_view)


class Coach:
    def __init__(self, store: SessionRepository | Callable[[], SessionRepository], clock: Clock, *,
                 preferences: Callable[[], SessionPreferences] = SessionPreferences,
                 timing: Timing = Timing(), opening: FolderOpening | None = None) -> None:
        """``store`` may be given as a function that makes it (on first use). ``opening``:
        the folder as taken before the window showed; with it, Today is worked out from the
        start snapshot while that still describes the data (start_state.py), so the file
        need not be parsed, nor the log replayed, before Today shows."""
        self._store, self._make_store = (None, store) if callable(store) else (store, None)
        self.clock = clock
        #: the tempo, rests and get-ready chosen in Settings, read afresh on every question
        self.preferences = preferences
        #: the timeline's fixed lengths (the app's defaults; tests pass faster ones)
        self.timing = timing
        #: next-morning questions put aside with "Not now" (see dismiss_morning)
        self._morning_dismissed: set[str] = set()
        #: the week the Plan page shows and prints; None follows the calendar
        self.selected_monday: dt.date | None = None
        #: (store revision, day, timing) -> next_session's answer: the replay of every
        #: session is worked out once per change to the data, not at each look at Today
        self._next: tuple[tuple, TodaySession] | None = None
        #: (store revision, day) -> run_day_view's answer, for the same reason
        self._run_view: tuple[tuple, RunDayView] | None = None
        #: the full replay behind ``_next`` (start snapshots are taken from it)
        self._history: tuple[tuple, History] | None = None
        self._opening = opening
        self._start_doc: dict | None = None
        self._start: tuple[tuple, StartState | None] | None = None
        #: (day, timing) -> Today from the snapshot, or None where it cannot say
        self._start_next: tuple[tuple, TodaySession | None] | None = None

    @property
    def store(self) -> SessionRepository:
        if self._store is None:
            self._store = self._make_store()
        return self._store

    # ------------------------------------------------------------------ the start snapshot
    def _opened_data(self) -> bool:
        """True while the data is exactly the bytes the folder was opened with: the file not
        yet parsed, or parsed clean and not written since."""
        if self._opening is None:
            return False
        store = self._store or self._opening.repository
        return store is None or not store.loaded or (
            store.revision == store.loaded_revision and store.loaded_fingerprint == self._opening.fingerprint)

    def _start_snapshot(self) -> dict | None:
        """The snapshot kept for the bytes opened (None: none fits them); a folder with no
        data file needs none: its log is empty."""
        if not self._opened_data():
            return None
        if self._start_doc is None:
            if self._opening.raw is None:
                self._start_doc = {"setup_doc": None}
            else:
                from itbgui.store import start_file

                doc = start_file.read(self._opening.data_dir, self._opening.fingerprint) or {}
                fits = "setup_doc" in doc and (doc["setup_doc"] is None or type(doc["setup_doc"]) is dict)
                self._start_doc = doc if fits else {}
        return self._start_doc or None

    def _start_state(self, today: dt.date, timing: Timing) -> StartState | None:
        doc = self._start_snapshot()
        if doc is None:
            return None
        key = (today, timing)
        if self._start is None or self._start[0] != key:
            if self._opening.raw is None:
                setup = PlanSetup.default(today)
                state = StartState(None, setup, timing, replay(generate_plan(setup, timing), []), (), None)
            else:
                state = start_state.read(doc, today, timing)
            self._start = (key, state)
        return self._start[1]

    def today_before_load(self) -> bool:
        """True when Today can be told now from the start snapshot (or, with no data file,
        from an empty log), without the data file: the window then shows it in its first
        frame; otherwise it paints "Opening" and reads the file right after (load_data)."""
        return self._today_from_start(self.clock.now().date(), self.session_timing()) is not None

    def _today_from_start(self, today: dt.date, timing: Timing) -> TodaySession | None:
        start = self._start_state(today, timing)
        if start is None:
            return None
        key = (today, timing)
        if self._start_next is None or self._start_next[0] != key:
            self._start_next = (key, today_session(start, today))
        return self._start_next[1]

    def keep_start_snapshot(self) -> None:
        """Write the start snapshot for the data as it is on disk now, if it is not there
        already: the next start then shows Today without replaying the log. Called as the
        app closes; a snapshot that cannot be written only costs the next start time."""
        store = self._store or (self._opening.repository if self._opening is not None else None)
        if store is None or not store.loaded or store.read_only:
            return
        log = store.fingerprint()
        if log is None:
            return
        from itbgui.store import start_file

        today, timing = self.today(), self.session_timing()
        doc = start_file.read(store.data_dir, log)
        if doc is not None and start_state.read(doc, today, timing) is not None:
            return
        setup_doc, sessions = store.plan_setup(), store.sessions()
        setup = stored_setup(setup_doc, today)[0]
        history = self._replayed(setup, sessions, timing)
        try:
            start_file.write(store.data_dir, log, start_state.snapshot(setup_doc, setup, timing, history, sessions))
        except OSError as exc:
            _log.info("start snapshot not kept: %s", exc)

    def _replayed(self, setup: PlanSetup, sessions: list[SessionRecord], timing: Timing) -> History:
        key = (self.store.revision, setup, timing)
        if self._history is None or self._history[0] != key:
            self._history = (key, history_of(setup, sessions, self.decisions(), timing, self.store.runs()))
        return self._history[1]

    # ------------------------------------------------------------------ reading
    def today(self) -> dt.date:
        return self.clock.now().date()

    def _setup_doc(self) -> dict | None:
        start = self._start_snapshot()
        return start["setup_doc"] if start is not None else self.store.plan_setup()

    def _stored_setup(self) -> tuple[PlanSetup, str | None]:
        return stored_setup(self._setup_doc(), self.today())

    def plan_setup(self) -> PlanSetup:
        """The stored set-up, or the default plan (beginner, no running days, this week)."""
        return self._stored_setup()[0]

    def setup_problem(self) -> str | None:
        """Why a stored set-up cannot be used (the starter plan stands in), or None."""
        if self._setup_doc() is None:
            return None
        return self._stored_setup()[1]

    def has_plan_setup(self) -> bool:
        return self._stored_setup()[1] is None

    def setup_for_dialog(self) -> PlanSetup:
        """What the set-up dialog opens with: a new plan starts today, so nothing before it
        exists counts as missed."""
        setup = self.plan_setup()
        if not self.has_plan_setup():
            setup = dataclasses.replace(setup, start_date=self.today())
        return setup

    def decisions(self) -> list:
        """The person's stored overrides that can be read; a damaged one is skipped, not fatal."""
        return stored_decisions(self.store.decisions())[0]

    def plan(self) -> Plan:
        return generate_plan(self.plan_setup(), self.timing)

    def session_timing(self) -> Timing:
        """The timeline's fixed lengths with the get-ready countdown chosen in Settings.

        A get-ready left at its default keeps ``timing`` (the same in the app; tests pass a
        faster one), so only a length the person picked replaces it.
        """
        prefs = self.preferences()
        if prefs.get_ready_seconds == DEFAULT_GET_READY_SECONDS:
            return self.timing
        return timing_for(prefs, base=self.timing)

    # ------------------------------------------------------------------ today
    def today_view(self, *, with_run_day: bool = True) -> TodayView:
        """Today's (or the next) session with the person's tempo and rest, and its length.
        ``with_run_day`` False leaves the run day out, as the first frame from the snapshot does."""
        now = self.clock.now()
        timing = self.session_timing()
        planned = self._today_from_start(now.date(), timing)
        from_start = planned is not None
        if from_start:
            start = self._start[1]
            setup, sessions, last = start.setup, list(start.sessions), start.last
        else:
            # The revision is read before the data: a write landing meanwhile moves it, so the
            # next question works the answer out again rather than keep one from older data.
            revision = self.store.revision
            setup = self.plan_setup()
            sessions = self.store.sessions()
            last = sessions[-1] if sessions else None
            key = (revision, now.date(), timing)
            if self._next is None or self._next[0] != key:
                history = self._replayed(setup, sessions, timing)
                self._next = (key, next_session(setup, sessions, self.decisions(), now.date(), timing, history,
                                                runs=self.store.runs()))
            planned = self._next[1]
        prescription = apply_preferences(planned.prescription, self.preferences())
        timeline = build_timeline(prescription, timing)
        resume = planned.resume and resume_point(timeline, planned.resume.session)
        session = dataclasses.replace(planned, prescription=prescription, resume=resume,
                                      estimated_seconds=timeline.timed_seconds)
        due = morning_question_due(sessions, now)
        if due is not None and due.id in self._morning_dismissed:
            due = None
        # The run day reads the run log, which only the data file holds: in the first frame
        # from the snapshot it is left out, and filled when the file is read (load_data).
        told_before_load = from_start and (self._store is None or not self._store.loaded)
        run_day = None if told_before_load or not with_run_day else self.run_day_view(
            paused=planned.decision is not None and planned.decision.phase == "paused")
        return TodayView(session, setup, not self.has_plan_setup(), last, due, run_day)

    def today_view_at(self, now: dt.datetime) -> TodayView:
        """Today as a start at ``now`` (a moment of the days to come) will first show it, from
        the data as it is: no run day (the run log is read after the first frame) and no
        morning question put aside with "Not now" (that lasts as long as the window)."""
        clock, dismissed = self.clock, self._morning_dismissed
        self.clock, self._morning_dismissed = FakeClock(now), set()
        try:
            return self.today_view(with_run_day=False)
        finally:
            self.clock, self._morning_dismissed = clock, dismissed

    def extra_session(self) -> TodaySession:
        """Today's view's next session done today (Start asks first when it is a later
        day's): recorded as today's, see progression.extra_session."""
        return extra_session(self.plan_setup(), self.today_view().session, self.today(), self.session_timing())

    def timeline(self, prescription) -> Timeline:
        """The steps the player runs for ``prescription``, with the lengths from Settings."""
        return build_timeline(prescription, self.session_timing())

    # ------------------------------------------------------------------ decisions
    def decision_after(self, session_id: str) -> ProgressionDecision | None:
        """What the rule decides after this session (progress / hold / step back, with its
        reason). Nothing is stored: decisions follow from the sessions, only an override is."""
        if self.store.session(session_id) is None:
            return None
        return decide(self.plan_setup(), self.store.sessions(), self.decisions(),
                      made_on=self.clock.now(), session_id=session_id, runs=self.store.runs())

    def set_override(self, decision: ProgressionDecision, action: str) -> None:
        """The person's own call for the next session; stored with the decision, and it wins."""
        self.store.save_decision(decision.with_override(action).to_doc())

    def answer_pause(self, answer: str) -> None:
        """The person's answer that ends a pause ("cleared" by a clinician, or "settled"),
        stored with the clock's time; the replay resumes one step below (clinical_state)."""
        from itbgui.program.decisions import answer_doc

        self.store.save_decision(answer_doc(answer, self.clock.now()))

    def answer_morning(self, session: SessionRecord, answer: str) -> None:
        """Store the next-morning answer on its session (the next decision reads it)."""
        self.store.save_session(dataclasses.replace(session, next_morning=answer))

    def morning_unanswered(self) -> SessionRecord | None:
        """The latest session whose next-morning answer is still missing now, put aside with
        "Not now" or not: the last chance to give it is as the next session starts."""
        return morning_question_due(self.store.sessions(), self.clock.now())

    def dismiss_morning(self, session: SessionRecord) -> None:
        """"Not now": the question stays hidden until the app is next started.

        Kept in memory, not in the settings: the question is only due on the one day after
        a session, so a dismissal needs no expiry, and reopening the app that day shows the
        small strip once more (the answer matters to the rule) without ever popping up.
        """
        self._morning_dismissed.add(session.id)

    # ------------------------------------------------------------------ the week
    def week_monday(self) -> dt.date:
        """The chosen week, else this one (or week 1 before the plan starts)."""
        return self.selected_monday or max(monday_of(self.today()), monday_of(self.plan_setup().start_date))

    def week_sheet(self) -> WeekSheet:
        """The week the Plan page shows and the printer prints."""
        from itbgui.program.week import build_week_sheet   # not needed for the first paint

        return build_week_sheet(self.plan_setup(), self.store.sessions(), self.decisions(),
                                self.week_monday(), self.today(), self.preferences(),
                                self.store.runs(), self.store.readiness_checks())

    def run_day_view(self, *, paused: bool | None = None) -> RunDayView:
        """Today's run: the stage from the run log, read with the hip plan's flares and pauses.

        Worked out once per change to the data. Before the walking check is passed no stage
        needs the hip plan's replay: only whether strength work is paused (``paused``, when
        the caller knows it already)."""
        from itbgui.program.return_to_run import passed_readiness, prescription_words, run_day, stage_walk
        from itbgui.program.run_days import unanswered_runs

        today = self.today()
        key = (self.store.revision, today)
        if self._run_view is not None and self._run_view[0] == key:
            return self._run_view[1]
        runs, checks = self.store.runs(), self.store.readiness_checks()
        if passed_readiness(checks) is None and paused is not None:
            walk = stage_walk(runs, checks, paused_now=paused)
        else:
            walk = self.run_stage()
        rx = walk.prescription
        view = RunDayView(walk.readiness_needed, rx, prescription_words(rx) if rx else "", walk.reason,
                          today.weekday() in self.plan_setup().running_days, walk.paused,
                          unanswered_runs(runs), tuple(r for r in runs if run_day(r) == today))
        self._run_view = (key, view)
        return view

    def run_stage(self):
        """The return to running read from the whole log (``RunStage``): the stage now and,
        in ``steps``, each answered run's stage before and after it (History's stage chart)."""
        from itbgui.program.progression import history_of
        from itbgui.program.run_days import run_stage

        runs = self.store.runs()
        history = history_of(self.plan_setup(), self.store.sessions(), self.decisions(), runs=runs)
        return run_stage(history, runs, self.store.readiness_checks(), self.decisions(), self.today())

    def week_statuses(self) -> tuple[WeekStatus, ...]:
        return week_statuses(self.plan_setup(), self.store.sessions(), self.today())
