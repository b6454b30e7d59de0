"""Interagency training: courses, their events and practitioners' bookings, with the partnership's
own terms (notice for cancelling, charges, fees by organisation type)."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.models import Versioned
from partnership.models import Organisation
from partnership.querysets import PartnershipRecordQuerySet


class TrainingTerms(models.Model):
    """A partnership's booking terms (statutory.md 7b: cancel at least 3 working days before,
    charges for late cancellation and non-attendance, set locally)."""

    partnership = models.OneToOneField(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="training_terms"
    )
    cancellation_working_days = models.PositiveSmallIntegerField(
        default=3,
        help_text="A booking may be cancelled free of charge up to this many working days before.",
    )
    late_cancellation_charge = models.DecimalField(
        max_digits=7, decimal_places=2, default=Decimal("40")
    )
    no_show_charge_half_day = models.DecimalField(
        max_digits=7,
        decimal_places=2,
        default=Decimal("50"),
        help_text="Charged for not attending an event of half a day or less.",
    )
    no_show_charge_full_day = models.DecimalField(
        max_digits=7,
        decimal_places=2,
        default=Decimal("90"),
        help_text="Charged for not attending a full day or a conference.",
    )
    offer_hours = models.PositiveSmallIntegerField(
        default=48,
        help_text="How long someone offered a place from the waiting list has to confirm it.",
    )

    def __str__(self) -> str:
        return f"Training terms of {self.partnership}"


class Course(Versioned):
    class Format(models.TextChoices):
        E_LEARNING = "e_learning", "E-learning"
        DROP_IN = "drop_in", "Drop-in session"
        HALF_DAY = "half_day", "Half day"
        FULL_DAY = "full_day", "Full day"
        CONFERENCE = "conference", "Conference"

    class Level(models.TextChoices):
        # Audience groups with prerequisites, as Hackney's partnership sets them (statutory.md 7b).
        GROUP_A = "group_a", "Group A: everyone who works with children, young people or parents"
        GROUP_B = "group_b", "Group B: those who work regularly with children and families"
        GROUP_C = "group_c", "Group C: those with lead or specialist safeguarding responsibilities"

    # Formats charged at the full-day rate for not attending.
    FULL_DAY_FORMATS = (Format.FULL_DAY, Format.CONFERENCE)

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="courses"
    )
    title = models.CharField(max_length=200)
    description = models.TextField()
    level = models.CharField(max_length=16, choices=Level.choices)
    prerequisites = models.TextField(blank=True)
    course_format = models.CharField("Format", max_length=16, choices=Format.choices)
    themes = models.ManyToManyField("learning.Theme", blank=True, related_name="courses")
    findings = models.ManyToManyField(
        "learning.Finding",
        blank=True,
        related_name="courses",
        help_text="The findings of reviews, audits and other sources this course answers.",
    )
    training_changes = models.ManyToManyField(
        "learning.PracticeChange",
        blank=True,
        related_name="courses",
        help_text="Training programme changes recorded in the learning spine that this course makes.",
    )
    needs_manager_approval = models.BooleanField(
        default=False, help_text="A booking holds its place only once the line manager approves it."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("training:course_detail", args=[self.pk])

    @property
    def is_full_day(self) -> bool:
        return self.course_format in self.FULL_DAY_FORMATS


class Fee(models.Model):
    """What an organisation of a type pays for a place on a course of a format; partners and
    anything without a row are free."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="training_fees"
    )
    organisation_type = models.CharField(max_length=32, choices=Organisation.Type.choices)
    course_format = models.CharField(max_length=16, choices=Course.Format.choices)
    amount = models.DecimalField(max_digits=7, decimal_places=2)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["organisation_type", "course_format"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation_type", "course_format"],
                name="one_training_fee_per_type_and_format",
            )
        ]

    def __str__(self) -> str:
        return f"£{self.amount} for {self.get_organisation_type_display()}"


class LearningOutcome(models.Model):
    """One thing a course means its learners to be able to do; evaluation rates confidence in each."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="outcomes")
    text = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class EventQuerySet(PartnershipRecordQuerySet):
    def upcoming(self, now=None):
        return self.filter(
            starts_at__gte=now or timezone.now(), cancelled_at__isnull=True
        ).order_by("starts_at", "id")


class Event(Versioned):
    """One run of a course: when and where, how many places, and when booking is open."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="training_events"
    )
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="events")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue = models.CharField(max_length=300, blank=True)
    online_url = models.URLField("Online joining link", blank=True)
    capacity = models.PositiveIntegerField()
    trainers = models.CharField(max_length=300, blank=True)
    booking_opens_on = models.DateField(null=True, blank=True)
    booking_closes_on = models.DateField(
        null=True,
        blank=True,
        help_text="The last day to book; by default the day before the event.",
    )
    # Raised each time the date, time or place changes, so calendars replace the event (RFC 5545).
    sequence = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["partnership", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_it_starts"
            ),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="event_has_places"),
        ]

    def __str__(self) -> str:
        return f"{self.course.title}, {timezone.localtime(self.starts_at):%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("training:event_detail", args=[self.pk])

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class BookingQuerySet(PartnershipRecordQuerySet):
    """A practitioner sees only their own bookings; the business unit sees all of its partnership's."""

    def visible_to(self, user):
        from partnership import access

        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            Q(person=user.pk) | Q(partnership__in=access.business_unit_partnership_ids(user))
        )

    def holding_places(self):
        return self.filter(status__in=Booking.HOLDS_PLACE)

    def waiting(self):
        return self.filter(status=Booking.Status.WAITING).order_by("created_at", "id")


class Booking(models.Model):
    """A person's place (or place in the queue) on an event, booked for themselves."""

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        WAITING = "waiting", "On the waiting list"
        OFFERED = "offered", "Place offered: confirm it"
        CANCELLED = "cancelled", "Cancelled"
        LAPSED = "lapsed", "Offer lapsed"
        DECLINED = "declined", "Not approved by the line manager"
        EVENT_CANCELLED = "event_cancelled", "Event cancelled"

    class Approval(models.TextChoices):
        NOT_NEEDED = "not_needed", "Not needed"
        AWAITING = "awaiting", "Awaiting the line manager"
        APPROVED = "approved", "Approved by the line manager"

    class Charge(models.TextChoices):
        NONE = "", "No charge"
        LATE_CANCELLATION = "late_cancellation", "Late cancellation"
        NO_SHOW = "no_show", "Did not attend"

    HOLDS_PLACE = (Status.BOOKED, Status.OFFERED)
    ACTIVE = (Status.BOOKED, Status.OFFERED, Status.WAITING)

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="training_bookings"
    )
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="bookings")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_bookings"
    )
    # The organisation the person booked for, kept as it was, for fees and invoices.
    organisation = models.ForeignKey(
        "partnership.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(max_length=16, choices=Status.choices)
    approval = models.CharField(
        max_length=16, choices=Approval.choices, default=Approval.NOT_NEEDED
    )
    line_manager_email = models.EmailField(blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    fee = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal("0"))
    created_at = models.DateTimeField(default=timezone.now)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    charge_reason = models.CharField(max_length=32, choices=Charge.choices, blank=True, default="")
    charge = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal("0"))
    reminded_two_weeks_at = models.DateTimeField(null=True, blank=True)
    reminded_five_days_at = models.DateTimeField(null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # Nobody books the same event twice while a booking of theirs is still active.
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(status__in=["booked", "offered", "waiting"]),
                name="one_active_booking_per_person_and_event",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.person} on {self.event}"

    def get_absolute_url(self) -> str:
        return reverse("training:booking_detail", args=[self.pk])

    @property
    def holds_place(self) -> bool:
        return self.status in self.HOLDS_PLACE

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A person's private calendar of their bookings, at a secret address they can reset."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Training calendar of {self.person}"


# Attendance and evaluation: Kirkpatrick levels 1 to 3 (reaction, learning, behaviour).


class EventTrainer(models.Model):
    """Someone who runs an event: they take its register."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="trainer_links")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_events_run"
    )

    class Meta:
        ordering = ["person__full_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="one_trainer_link_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} runs {self.event}"


class AttendanceQuerySet(PartnershipRecordQuerySet):
    """One's own attendance, the registers of the events one runs, and the business unit's all."""

    def visible_to(self, user):
        from partnership import access

        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            Q(booking__person=user.pk, partnership__in=access.partnership_ids(user))
            | Q(
                booking__event__trainer_links__person=user.pk,
                partnership__in=access.partnership_ids(user),
            )
            | Q(partnership__in=access.business_unit_partnership_ids(user))
        ).distinct()


class Attendance(models.Model):
    """Whether a person with a place on an event came, from its register."""

    class Mark(models.TextChoices):
        ATTENDED = "attended", "Attended"
        LATE = "late", "Arrived late"
        NO_SHOW = "no_show", "Did not attend"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    booking = models.OneToOneField(Booking, on_delete=models.PROTECT, related_name="attendance")
    mark = models.CharField(max_length=16, choices=Mark.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["booking__person__full_name", "id"]

    def __str__(self) -> str:
        return f"{self.booking.person}: {self.get_mark_display()}"

    @property
    def attended(self) -> bool:
        return self.mark != self.Mark.NO_SHOW


class EvaluationQuerySet(PartnershipRecordQuerySet):
    """A person's own evaluations, and the business unit's all (trainers read only the results)."""

    def visible_to(self, user):
        from partnership import access

        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            Q(booking__person=user.pk, partnership__in=access.partnership_ids(user))
            | Q(partnership__in=access.business_unit_partnership_ids(user))
        )


class Evaluation(models.Model):
    """One of the three stages of a person's evaluation of an event they booked (statutory.md 7b)."""

    class Stage(models.TextChoices):
        BEFORE = "before", "Before the course"
        AFTER = "after", "After the course"
        FOLLOW_UP = "follow_up", "In practice, 6 to 8 weeks later"

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    booking = models.ForeignKey(Booking, on_delete=models.PROTECT, related_name="evaluations")
    stage = models.CharField(max_length=16, choices=Stage.choices)
    # After the course (Kirkpatrick level 1, reaction).
    overall = models.PositiveSmallIntegerField(null=True, blank=True)
    most_useful = models.TextField(blank=True)
    improve = models.TextField(blank=True)
    # In practice, with the line manager (level 3, behaviour).
    practice_change = models.TextField(blank=True)
    example = models.TextField(blank=True)
    line_manager = models.CharField(max_length=200, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        ordering = ["booking", "submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["booking", "stage"], name="one_evaluation_per_stage"),
            models.CheckConstraint(
                condition=Q(overall__isnull=True) | Q(overall__gte=1, overall__lte=5),
                name="evaluation_overall_one_to_five",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.booking}"


class ConfidenceRating(models.Model):
    """How confident a person felt in one learning outcome at one stage, from 1 to 5."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="ratings")
    outcome = models.ForeignKey(LearningOutcome, on_delete=models.PROTECT, related_name="ratings")
    confidence = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["outcome__position", "outcome_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "outcome"], name="one_rating_per_outcome_and_stage"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=1, confidence__lte=5), name="confidence_one_to_five"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outcome}: {self.confidence}"


class Completion(models.Model):
    """A person's completion of an e-learning course, imported from the learning platform."""

    partnership = models.ForeignKey(
        "partnership.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="completions")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_completions"
    )
    completed_on = models.DateField()
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField(default=timezone.now)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-completed_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["course", "person"], name="one_completion_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.person} completed {self.course}"
