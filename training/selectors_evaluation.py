"""Reads of attendance and evaluation: registers, a person's training record, the results reports
(Kirkpatrick levels 1 to 3) and training needs."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from core.charts import bar_chart
from learning.citations import Citable
from learning.models import Finding
from learning.selectors import recurring_lessons
from training import evaluation
from training.models import (
    Attendance,
    Booking,
    Completion,
    ConfidenceRating,
    Course,
    Evaluation,
    Event,
    LearningOutcome,
)

NOT_GIVEN = "Not given"


def register(event: Event) -> list[Booking]:
    """The people with a place on an event (and any marked already), with their marks."""
    return list(
        event.bookings.filter(Q(status=Booking.Status.BOOKED) | Q(attendance__isnull=False))
        .select_related("person", "organisation", "attendance")
        .order_by("person__full_name", "id")
    )


def attendance_of(booking: Booking) -> Attendance | None:
    try:
        return booking.attendance
    except Attendance.DoesNotExist:
        return None


@dataclass
class TrainingRecordRow:
    booking: Booking
    attendance: Attendance | None
    given: set[str]
    dates: evaluation.StageDates
    open_stages: list[str] = field(default_factory=list)

    @property
    def certificate(self) -> bool:
        return evaluation.certificate_available(
            attended=bool(self.attendance and self.attendance.attended),
            evaluated_after_course=Evaluation.Stage.AFTER in self.given,
        )


def training_record(user, partnership) -> list[TrainingRecordRow]:
    """A person's own places on events, newest first, with what of the evaluation they may give now."""
    bookings = (
        Booking.objects.filter(person=user, partnership=partnership, status=Booking.Status.BOOKED)
        .select_related("event__course", "attendance")
        .prefetch_related("evaluations")
        .order_by("-event__starts_at", "-id")
    )
    today = timezone.localdate()
    rows = []
    for booking in bookings:
        attendance = attendance_of(booking)
        given = {given.stage for given in booking.evaluations.all()}
        starts_on = timezone.localdate(booking.event.starts_at)
        ends_on = timezone.localdate(booking.event.ends_at)
        row = TrainingRecordRow(
            booking=booking,
            attendance=attendance,
            given=given,
            dates=evaluation.evaluation_dates(starts_on=starts_on, ends_on=ends_on),
        )
        row.open_stages = [
            stage
            for stage in Evaluation.Stage.values
            if not evaluation.stage_refusal(
                stage=stage,
                given=given,
                attended=attendance.attended if attendance else None,
                starts_on=starts_on,
                ends_on=ends_on,
                today=today,
            )
        ]
        rows.append(row)
    return rows


def completions_of(user, partnership) -> QuerySet[Completion]:
    """A person's e-learning completions imported from the learning platform, latest first."""
    return Completion.objects.filter(person=user, partnership=partnership).select_related("course")


def events_run_by(user, partnership) -> QuerySet[Event]:
    """The events a person runs in a partnership, latest first, for their registers."""
    return (
        Event.objects.filter(
            partnership=partnership, trainer_links__person=user, cancelled_at__isnull=True
        )
        .select_related("course")
        .order_by("-starts_at", "-id")
    )


# Reports


def _marks(partnership) -> QuerySet:
    return Attendance.objects.filter(partnership=partnership)


@dataclass
class AttendanceReport:
    by_agency: list[evaluation.AttendanceRow]
    by_role: list[evaluation.AttendanceRow]
    total: evaluation.AttendanceRow
    completions: int

    @property
    def chart(self) -> dict:
        return bar_chart([(row.label, row.no_show_rate) for row in self.by_agency])


def attendance_report(partnership) -> AttendanceReport:
    """Attendance by agency (the organisation booked for) and role (job title), with no-show rates."""
    rows = list(
        _marks(partnership).values_list(
            "booking__organisation__name", "booking__person__job_title", "mark"
        )
    )
    by_agency = evaluation.attendance_by((agency or NOT_GIVEN, mark) for agency, _, mark in rows)
    return AttendanceReport(
        by_agency=by_agency,
        by_role=evaluation.attendance_by((role or NOT_GIVEN, mark) for _, role, mark in rows),
        total=evaluation.attendance_total(by_agency),
        completions=Completion.objects.filter(partnership=partnership).count(),
    )


@dataclass
class CourseResults:
    course: Course
    changes: list[evaluation.ConfidenceChange]
    evaluations_after: int
    overall: Decimal | None
    follow_ups: int

    @property
    def chart(self) -> dict:
        return bar_chart([(str(change.outcome), change.change) for change in self.changes])

    @property
    def summary(self) -> str:
        """The results in a sentence, as cited in evidence of impact."""
        parts = [
            f"{change.outcome}: confidence {change.before} to {change.after} ({change.people} people)"
            for change in self.changes
            if change.people
        ]
        text = "; ".join(parts) or "No confidence ratings before and after yet"
        return f"{text}. {self.follow_ups} follow-ups in practice."


def course_results(courses: list[Course]) -> list[CourseResults]:
    """Confidence change per learning outcome (people who rated before and after), the mean overall
    rating and the follow-ups in practice, for each course, in a few queries."""
    ids = [course.pk for course in courses]
    outcomes: dict[int, list[LearningOutcome]] = defaultdict(list)
    for outcome in LearningOutcome.objects.filter(course__in=ids):
        outcomes[outcome.course_id].append(outcome)
    ratings: dict[tuple[int, int], dict[str, int]] = defaultdict(dict)
    for booking_id, outcome_id, stage, confidence in ConfidenceRating.objects.filter(
        outcome__course__in=ids,
        evaluation__stage__in=[Evaluation.Stage.BEFORE, Evaluation.Stage.AFTER],
    ).values_list("evaluation__booking_id", "outcome_id", "evaluation__stage", "confidence"):
        ratings[(booking_id, outcome_id)][stage] = confidence
    stats = {
        row["booking__event__course"]: row
        for row in Evaluation.objects.filter(booking__event__course__in=ids)
        .values("booking__event__course")
        .annotate(
            after=Count("pk", filter=Q(stage=Evaluation.Stage.AFTER)),
            overall=Avg("overall", filter=Q(stage=Evaluation.Stage.AFTER)),
            follow_ups=Count("pk", filter=Q(stage=Evaluation.Stage.FOLLOW_UP)),
        )
    }
    results = []
    for course in courses:
        by_id = {outcome.pk: outcome for outcome in outcomes[course.pk]}
        changes = evaluation.confidence_changes(
            list(by_id.values()),
            (
                (by_id[outcome_id], stages.get("before"), stages.get("after"))
                for (_, outcome_id), stages in ratings.items()
                if outcome_id in by_id
            ),
        )
        row = stats.get(course.pk, {})
        overall = row.get("overall")
        results.append(
            CourseResults(
                course=course,
                changes=changes,
                evaluations_after=row.get("after", 0),
                overall=Decimal(overall).quantize(Decimal("0.1")) if overall else None,
                follow_ups=row.get("follow_ups", 0),
            )
        )
    return results


def evaluated_courses(partnership) -> list[Course]:
    """The partnership's courses with any evaluation given."""
    return list(
        Course.objects.filter(partnership=partnership, events__bookings__evaluations__isnull=False)
        .distinct()
        .order_by("title", "id")
    )


def practice_changes(partnership, *, course: Course | None = None) -> QuerySet[Evaluation]:
    """What changed in practice, reported at the follow-up, newest first (no names shown)."""
    found = Evaluation.objects.filter(
        partnership=partnership, stage=Evaluation.Stage.FOLLOW_UP
    ).select_related("booking__event__course", "booking__organisation")
    if course is not None:
        found = found.filter(booking__event__course=course)
    return found.order_by("-submitted_at", "-id")


def courses_answering(action) -> list[Course]:
    """The courses made for the findings behind an action (its recommendation's findings)."""
    findings = Finding.objects.filter(recommendations__actions=action)
    return list(
        Course.objects.filter(partnership=action.partnership, findings__in=findings)
        .distinct()
        .order_by("title", "id")
    )


# Training needs


@dataclass(frozen=True)
class TrainingNeed:
    theme: object
    findings: int
    years: list[int]
    kinds: list[str]


def training_needs(partnership) -> list[TrainingNeed]:
    """Themes recurring in findings that must improve (the spine's recurring lessons) with no course
    added and no event held or planned on them in the last 12 months."""
    report = recurring_lessons(partnership=partnership)
    theme_ids = [row.theme.pk for row in report.themes]
    last_trained_on = {}
    for row in (
        Course.objects.filter(partnership=partnership, themes__in=theme_ids)
        .values("themes")
        .annotate(
            added=Max("created_at"),
            held=Max("events__starts_at", filter=Q(events__cancelled_at__isnull=True)),
        )
    ):
        last_trained_on[row["themes"]] = max(
            timezone.localdate(moment) for moment in (row["added"], row["held"]) if moment
        )
    needed = set(
        evaluation.training_needs(
            recurring_theme_ids=theme_ids,
            last_trained_on=last_trained_on,
            today=timezone.localdate(),
        )
    )
    return [
        TrainingNeed(
            theme=row.theme,
            findings=row.findings,
            years=[year.year for year in row.years],
            kinds=row.kinds,
        )
        for row in report.themes
        if row.theme.pk in needed
    ]


def citable_results(action) -> list[Citable]:
    """The results of the courses made for an action's findings, for its evidence of impact
    (registered with the spine's `learning.citations`)."""
    return [
        Citable(
            record=result.course,
            title=f"Training results: {result.course.title}",
            summary=result.summary,
            url=reverse("training:course_results", args=[result.course.pk]),
        )
        for result in course_results(courses_answering(action))
        if result.evaluations_after or result.follow_ups
    ]
