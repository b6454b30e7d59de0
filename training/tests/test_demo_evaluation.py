"""The demo's attendance and evaluations: registers of the dates already held, no-shows charged,
the three stages given, and the demo practitioner's certificate ready."""

import pytest
from django.core.management import call_command

from partnership.demo import SOUTH_TEES, demo_email
from partnership.models import Partnership, Role, User
from training import selectors_evaluation
from training.models import Attendance, Booking, Evaluation

pytestmark = pytest.mark.django_db


def test_the_demo_takes_the_registers_of_past_dates_and_gives_their_evaluations(demo_allowed):
    call_command("load_demo", stdout=None)
    south_tees = Partnership.objects.get(slug="south-tees")
    marks = Attendance.objects.filter(partnership=south_tees)
    assert marks.filter(mark=Attendance.Mark.ATTENDED).count() > 20
    no_shows = marks.filter(mark=Attendance.Mark.NO_SHOW)
    assert no_shows.exists()
    assert not Booking.objects.filter(attendance__in=no_shows, charge=0).exists()
    given = Evaluation.objects.filter(partnership=south_tees)
    assert {stage for stage in given.values_list("stage", flat=True)} == set(
        Evaluation.Stage.values
    )
    report = selectors_evaluation.attendance_report(south_tees)
    assert report.total.no_show_rate is not None and len(report.by_agency) > 1

    practitioner = User.objects.get(email=demo_email(SOUTH_TEES, Role.PRACTITIONER))
    (attended,) = [
        row
        for row in selectors_evaluation.training_record(practitioner, south_tees)
        if row.attendance
    ]
    assert attended.certificate
    assert attended.open_stages == [Evaluation.Stage.FOLLOW_UP]
