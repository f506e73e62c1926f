"""Printing the week: print preview, the print dialog and Save as PDF, for the window.

What is on the page comes from the coach (``program.week``); how it is painted from
``plan.sheet``. Qt's print support is imported on first use: the first paint needs none.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QWidget

from itbgui import APP_NAME
from itbgui.ui.widget_kit import fit_to_screen

if TYPE_CHECKING:   # the week's model comes with the coach's first call, after the first paint
    from itbgui.program.week import WeekSheet


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def default_page_size(locale: QLocale | None = None) -> str:
    """Letter where Letter paper is the norm (the US, Canada, Mexico...), A4 elsewhere."""
    locale = locale or QLocale()
    letter = {QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico,
              QLocale.Country.Philippines, QLocale.Country.Chile, QLocale.Country.Colombia,
              QLocale.Country.Venezuela}
    return "Letter" if locale.territory() in letter else "A4"


class WeekPrinting:
    """Prints the week that ``sheet()`` returns, on the paper size the Plan page chose."""

    def __init__(self, parent: QWidget, sheet: Callable[[], WeekSheet],
                 status: Callable[[str, int], None]) -> None:
        self.parent = parent
        self.sheet = sheet
        self.status = status
        self.page_size = default_page_size()

    def set_page_size(self, size: str) -> None:
        self.page_size = size

    def _printer(self):
        from PySide6.QtPrintSupport import QPrinter

        from itbgui.screens.plan.sheet import configure_page

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_page(printer, self.page_size)
        sheet = self.sheet()
        printer.setDocName(f"{APP_NAME} · {sheet.week_label}")
        return printer, sheet

    def preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from itbgui.screens.plan.sheet import render_week_sheet

        printer, sheet = self._printer()
        dialog = QPrintPreviewDialog(printer, self.parent)
        dialog.setWindowTitle(tr("Print preview: %1").replace("%1", sheet.week_label))
        dialog.paintRequested.connect(lambda device: render_week_sheet(device, sheet))
        fit_to_screen(dialog, 900, 740)   # not past a 720-pixel screen
        dialog.exec()

    def print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        from itbgui.screens.plan.sheet import render_week_sheet

        printer, sheet = self._printer()
        dialog = QPrintDialog(printer, self.parent)
        dialog.setWindowTitle(tr("Print %1").replace("%1", sheet.week_label))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            render_week_sheet(printer, sheet)
            self.status(tr("Sent to the printer."), 4000)

    def save_pdf(self, path: Path | str | None = None, page_size: str | None = None) -> Path | None:
        """Save the chosen week as a one-page PDF; asks where unless ``path`` is given."""
        from itbgui.screens.plan.sheet import write_week_pdf

        sheet = self.sheet()
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            suggested = Path.home() / f"itb-coach-week-{sheet.monday.isoformat()}.pdf"
            chosen, _ = QFileDialog.getSaveFileName(self.parent, tr("Save the week as PDF"), str(suggested),
                                                    tr("PDF files (*.pdf)"))
            if not chosen:
                return None
            path = chosen
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        from itbgui.screens.plan.sheet import save_pdf  # an older PDF there must not pass for this one

        try:
            save_pdf(path, lambda tmp: write_week_pdf(tmp, sheet, page_size or self.page_size))
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self.parent, APP_NAME, tr("Could not write %1: %2.")
                                .replace("%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return None
        self.status(tr("Saved %1").replace("%1", str(path)), 6000)
        return path
