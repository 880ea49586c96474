"""The register of periodic reports: each of the year's four CCHC reports, its due date,
when it was sent and by which channel, and whether it was sent on time.

Pure: no I/O, no words. The due date is the period's `submit_by` (`plan_period`), the one
the status views and the report already show; the day sent is the period's `bao_cao`
entry's `ngay_gui`. A report counts as sent on the as-of date only when it was sent on or
before that date, so an earlier view never changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from cchc_cli.plan.deadlines import Period

if TYPE_CHECKING:
    from cchc_cli.plan.model import Progress

ReportStatus = Literal["sent_on_time", "sent_late", "overdue", "due_soon", "not_yet_due"]
REPORT_STATUSES: tuple[ReportStatus, ...] = (
    "overdue",
    "due_soon",
    "not_yet_due",
    "sent_late",
    "sent_on_time",
)


@dataclass(frozen=True)
class ReportRow:
    """One report of the year as the register has it on the as-of date."""

    quarter: int
    period: Period
    status: ReportStatus
    sent_on: date | None = None  # counted only when on or before the as-of date
    signed_on: date | None = None
    number: str | None = None
    channels: tuple[str, ...] = ()
    entry: int | None = None  # its index under `bao_cao` in the progress file

    @property
    def due(self) -> date:
        return self.period.submit_by

    @property
    def sent(self) -> bool:
        return self.status in ("sent_on_time", "sent_late")

    def days_late(self, as_of: date) -> int:
        """Days past the due date: of the day sent, or, not sent, of `as_of` (0: not late)."""
        return max(((self.sent_on or as_of) - self.due).days, 0)


@dataclass(frozen=True)
class ReportCounts:
    """The register's counts: the one definition the views show."""

    reports: int = 0
    due: int = 0  # reports whose due date is on or before the as-of date
    sent: int = 0  # sent on or before the as-of date, whether due yet or not
    sent_on_time: int = 0
    sent_late: int = 0
    overdue: int = 0  # due, not sent
    due_soon: int = 0
    sent_on_time_due: int = 0  # of the reports due, those sent on time

    @property
    def on_time_rate(self) -> float | None:
        """Reports due that were sent on time, among the reports due (None: none due yet)."""
        return self.sent_on_time_due / self.due if self.due else None


def report_status(period: Period, sent_on: date | None, as_of: date, soon: int) -> ReportStatus:
    """sent_on_time / sent_late / overdue / due_soon / not_yet_due, at `as_of`. A report is late
    the day after its due date, as a task is."""
    if sent_on is not None and sent_on <= as_of:
        return "sent_on_time" if sent_on <= period.submit_by else "sent_late"
    if as_of > period.submit_by:
        return "overdue"
    if (period.submit_by - as_of).days <= soon:
        return "due_soon"
    return "not_yet_due"


def report_rows(
    periods: list[Period], progress: Progress | Any, as_of: date, soon: int
) -> tuple[ReportRow, ...]:
    """The year's reports (one per period) at `as_of`, from the periods' `bao_cao` entries
    (the last entry of a period, as the report itself reads it)."""
    entries: dict[int, int] = {}
    for i, story in enumerate(progress.bao_cao):
        entries[story.ky] = i
    rows = []
    for period in periods:
        index = entries.get(period.quarter)
        story = progress.bao_cao[index] if index is not None else None
        sent_on = getattr(story, "ngay_gui", None) if story is not None else None
        counted = sent_on if sent_on is not None and sent_on <= as_of else None
        rows.append(
            ReportRow(
                quarter=period.quarter,
                period=period,
                status=report_status(period, sent_on, as_of, soon),
                sent_on=counted,
                signed_on=story.ngay_ky
                if story is not None and _on_or_before(story.ngay_ky, as_of)
                else None,
                number=story.so if story is not None else None,
                channels=tuple(getattr(story, "kenh_gui", None) or ()) if story else (),
                entry=index,
            )
        )
    return tuple(rows)


def _on_or_before(day: date | None, as_of: date) -> bool:
    return day is not None and day <= as_of


def count_reports(rows: tuple[ReportRow, ...] | list[ReportRow], as_of: date) -> ReportCounts:
    due = [r for r in rows if r.due <= as_of]
    return ReportCounts(
        reports=len(rows),
        due=len(due),
        sent=sum(r.sent for r in rows),
        sent_on_time=sum(r.status == "sent_on_time" for r in rows),
        sent_late=sum(r.status == "sent_late" for r in rows),
        overdue=sum(r.status == "overdue" for r in rows),
        due_soon=sum(r.status == "due_soon" for r in rows),
        sent_on_time_due=sum(r.status == "sent_on_time" for r in due),
    )
