"""A demo term of South Tees training: courses answering the partnership's findings, a term of
dates with bookings, a full date with a waiting list, a late cancellation charged, and a date just
past for attendance and evaluation. Every person is plainly fictional."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from learning.models import Finding, Theme
from partnership.demo import DEMO_PASSWORD, SOUTH_TEES, demo_email
from partnership.models import Organisation, Partnership, Role, RoleAssignment, User
from training import demo_evaluation, services
from training.models import Booking, Course, Fee, TrainingTerms

F = Course.Format
L = Course.Level
COURSES = (
    # title, format, level, themes, finding title it answers, needs approval, outcomes
    (
        "Bruising in babies who are not yet mobile",
        F.HALF_DAY,
        L.GROUP_A,
        ("Non-accidental injury in babies", "Escalation and challenge"),
        "Bruising in non-mobile babies was not always escalated",
        False,
        (
            "Follow the bruising protocol for babies who are not yet mobile",
            "Know when and how to escalate a concern",
        ),
    ),
    (
        "Seeing fathers and male carers",
        F.HALF_DAY,
        L.GROUP_B,
        ("Fathers and male carers", "Professional curiosity"),
        "Fathers and male carers were not seen",
        False,
        (
            "Include fathers and male carers in assessments",
            "Explore the risks and strengths a male carer brings",
        ),
    ),
    (
        "Neglect: seeing the child and the graded care profile",
        F.FULL_DAY,
        L.GROUP_B,
        ("Neglect", "Voice of the child"),
        "",
        False,
        (
            "Recognise the signs of neglect at each age",
            "Use the graded care profile with a family",
            "Record the child's lived experience",
        ),
    ),
    (
        "Child criminal exploitation: multi-agency response",
        F.FULL_DAY,
        L.GROUP_C,
        ("Child criminal exploitation", "Adolescents"),
        "",
        True,
        (
            "Identify the signs of criminal exploitation",
            "Use the partnership's exploitation screening tool",
        ),
    ),
    (
        "Professional curiosity drop-in",
        F.DROP_IN,
        L.GROUP_A,
        ("Professional curiosity",),
        "",
        False,
        ("Ask the question behind the question",),
    ),
    (
        "Working together to safeguard children: an introduction",
        F.E_LEARNING,
        L.GROUP_A,
        ("Information sharing",),
        "",
        False,
        ("Know who to tell when you are worried about a child",),
    ),
)
# Course, weeks from today (negative: already held), places, booked, waiting.
TERM = (
    (0, -1, 16, 12, 0),
    (2, 1, 12, 12, 4),
    (1, 2, 16, 9, 0),
    (0, 3, 16, 7, 0),
    (3, 4, 20, 6, 0),
    (4, 5, 30, 4, 0),
    (2, 6, 12, 5, 0),
    (1, 8, 16, 2, 0),
    (3, 9, 20, 1, 0),
    (0, 11, 16, 0, 0),
)
LEARNERS = (
    "Ash",
    "Bea",
    "Cal",
    "Dee",
    "Eli",
    "Fay",
    "Gil",
    "Hal",
    "Ivy",
    "Jo",
    "Kit",
    "Lou",
    "Max",
    "Nia",
    "Oli",
    "Pip",
)


def _learners(partnership: Partnership) -> list[User]:
    organisations = list(Organisation.objects.filter(partnership=partnership).order_by("name"))
    password = make_password(DEMO_PASSWORD)
    people = []
    for number, name in enumerate(LEARNERS):
        person, _ = User.objects.get_or_create(
            email=f"learner.{name.lower()}@{SOUTH_TEES.email_domain}",
            defaults={
                "full_name": f"{name} Demo-Learner",
                "job_title": "Practitioner (fictional)",
                "partnership": partnership,
                "organisation": organisations[number % len(organisations)],
                "password": password,
            },
        )
        RoleAssignment.objects.get_or_create(
            person=person, partnership=partnership, role=Role.PRACTITIONER
        )
        people.append(person)
    return people


def load(partnerships: dict[str, Partnership]) -> None:
    partnership = partnerships["south-tees"]
    if Course.objects.filter(partnership=partnership).exists():
        return
    officer = User.objects.get(email=demo_email(SOUTH_TEES, Role.BUSINESS_UNIT_OFFICER))
    practitioner = User.objects.get(email=demo_email(SOUTH_TEES, Role.PRACTITIONER))
    TrainingTerms.objects.get_or_create(partnership=partnership)
    Fee.objects.bulk_create(
        Fee(
            partnership=partnership,
            organisation_type=kind,
            course_format=course_format,
            amount=Decimal(amount),
        )
        for kind, course_format, amount in (
            (Organisation.Type.EDUCATION, F.FULL_DAY, "60"),
            (Organisation.Type.EDUCATION, F.HALF_DAY, "35"),
            (Organisation.Type.VOLUNTARY_SECTOR, F.FULL_DAY, "30"),
            (Organisation.Type.VOLUNTARY_SECTOR, F.HALF_DAY, "15"),
        )
    )
    themes = {theme.name: theme for theme in Theme.objects.for_partnership(partnership)}
    findings = {
        finding.title: finding for finding in Finding.objects.filter(partnership=partnership)
    }
    courses = []
    for title, course_format, level, theme_names, finding, approval, outcomes in COURSES:
        courses.append(
            services.course_create(
                partnership=partnership,
                data={
                    "title": title,
                    "description": f"{title}: a multi-agency course (fictional demo course).",
                    "level": level,
                    "course_format": course_format,
                    "needs_manager_approval": approval,
                    "themes": [themes[name] for name in theme_names if name in themes],
                    "findings": [findings[finding]] if finding in findings else [],
                },
                outcomes=list(outcomes),
                by=officer,
            )
        )
    learners = _learners(partnership)
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    bookings = []
    for index, (course, weeks, places, booked, waiting) in enumerate(TERM):
        course = courses[course]
        day = monday + timedelta(weeks=weeks, days=1 + index % 3)
        full_day = course.is_full_day
        starts = datetime.combine(day, time(9, 30), tzinfo=timezone.get_current_timezone())
        event = services.event_create(
            course=course,
            data={
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=7 if full_day else 3),
                "venue": ""
                if course.course_format == F.DROP_IN
                else "Demo Training Centre, Room 1",
                "online_url": "https://meet.example/demo-drop-in"
                if course.course_format == F.DROP_IN
                else "",
                "capacity": places,
                "trainers": "Sam Demo-Trainer",
            },
            by=officer,
        )
        # Written in bulk, past the services (which would email everyone booked).
        for number, person in enumerate(learners[: booked + waiting]):
            bookings.append(
                Booking(
                    partnership=partnership,
                    event=event,
                    person=person,
                    organisation=person.organisation,
                    status=Booking.Status.BOOKED if number < booked else Booking.Status.WAITING,
                    created_at=timezone.now() - timedelta(days=20 - number),
                )
            )
        # The demo practitioner cancelled the full date late (charged) and is booked on the next.
        if weeks in (1, 2):
            bookings.append(
                Booking(
                    partnership=partnership,
                    event=event,
                    person=practitioner,
                    organisation=practitioner.organisation,
                    **(
                        {
                            "status": Booking.Status.CANCELLED,
                            "cancelled_at": timezone.now(),
                            "charge_reason": Booking.Charge.LATE_CANCELLATION,
                            "charge": Decimal("40"),
                        }
                        if weeks == 1
                        else {"status": Booking.Status.BOOKED}
                    ),
                )
            )
    Booking.objects.bulk_create(bookings)
    demo_evaluation.load(
        partnership, courses=courses, learners=learners, practitioner=practitioner, by=officer
    )
