"""Training's part of the partnership's yearly report (`core.yearly`): the events held in the
year, who came, and what the evaluations say of the training's impact (reaction after the course
and change in practice 6 to 8 weeks later).

Source: Working Together 2018 asked the yearly report for evidence of the impact of the training;
the partnerships' reports were found to rely on attendees' feedback alone (reference/statutory.md
1.5), so the follow-up in practice is counted apart.
"""

from datetime import date

from django.db.models import Avg, Count, Q

from core.yearly import YearSummary
from training.models import Attendance, Evaluation, Event


def summarise(partnership, first: date, last: date) -> YearSummary:
    events = Event.objects.filter(
        partnership=partnership, starts_at__date__range=(first, last), cancelled_at__isnull=True
    )
    marks = Attendance.objects.filter(partnership=partnership, booking__event__in=events).aggregate(
        attended=Count("pk", filter=~Q(mark=Attendance.Mark.NO_SHOW)),
        no_shows=Count("pk", filter=Q(mark=Attendance.Mark.NO_SHOW)),
    )
    evaluations = Evaluation.objects.filter(partnership=partnership, booking__event__in=events)
    after = evaluations.filter(stage=Evaluation.Stage.AFTER).aggregate(
        count=Count("pk"), overall=Avg("overall")
    )
    follow_ups = evaluations.filter(stage=Evaluation.Stage.FOLLOW_UP).exclude(practice_change="")
    overall = after["overall"]
    return YearSummary(
        figures=[
            ("Training events held", events.count()),
            ("Places attended", marks["attended"]),
            ("Places booked but not attended", marks["no_shows"]),
            ("Evaluations after the course", after["count"]),
            (
                "Average rating after the course (1 to 5)",
                f"{overall:.1f}" if overall is not None else "No ratings yet",
            ),
            ("Changes in practice reported 6 to 8 weeks later", follow_ups.count()),
        ],
        lists=[
            (
                "Courses held",
                sorted({title for title in events.values_list("course__title", flat=True)}),
            )
        ],
    )
