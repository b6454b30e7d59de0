"""The partnership (the tenant of every record), its structure (framework Appendix 1) and people."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Greatest, Least, Lower
from django.utils import timezone

from core.models import Versioned
from partnership.querysets import PartnershipRecordQuerySet, PersonQuerySet


class PartnershipQuerySet(models.QuerySet):
    def visible_to(self, user):
        from partnership import access

        return self.filter(pk__in=access.partnership_ids(user))

    def editable_by(self, user):
        from partnership import access

        return self.filter(pk__in=access.business_unit_partnership_ids(user))


class Partnership(models.Model):
    """A Local Safeguarding Children Partnership; every record belongs to one."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=20, help_text="Used in references, e.g. STSCP.")
    slug = models.SlugField(unique=True)
    website = models.URLField(blank=True)
    contact_email = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Area(Versioned):
    """A local authority area inside a partnership (South Tees has Middlesbrough and Redcar & Cleveland)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="areas")
    name = models.CharField(max_length=120)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="area_name_unique_in_partnership"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Organisation(Versioned):
    class Type(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority children's services"
        POLICE = "police", "Police"
        HEALTH_COMMISSIONER = "health_commissioner", "Health commissioner (integrated care board)"
        HOSPITAL_TRUST = "hospital_trust", "Hospital trust"
        COMMUNITY_HEALTH = "community_health", "Community health"
        MENTAL_HEALTH = "mental_health", "Mental health"
        EDUCATION = "education", "Education"
        PROBATION = "probation", "Probation"
        YOUTH_JUSTICE = "youth_justice", "Youth justice"
        VOLUNTARY_SECTOR = "voluntary_sector", "Voluntary sector"
        OTHER = "other", "Other"

    class Standing(models.TextChoices):
        STATUTORY_PARTNER = "statutory_partner", "Statutory safeguarding partner"
        RELEVANT_AGENCY = "relevant_agency", "Relevant agency"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="organisations"
    )
    name = models.CharField(max_length=200)
    organisation_type = models.CharField(max_length=32, choices=Type.choices)
    standing = models.CharField(max_length=32, choices=Standing.choices)
    areas = models.ManyToManyField(Area, blank=True, related_name="organisations")
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="organisation_name_unique_in_partnership"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_statutory_partner(self) -> bool:
        return self.standing == self.Standing.STATUTORY_PARTNER


class Group(Versioned):
    class Kind(models.TextChoices):
        EXECUTIVE = "executive", "Executive"
        SUBGROUP = "subgroup", "Sub-group"
        TASK_AND_FINISH = "task_and_finish", "Task and finish group"
        BUSINESS_UNIT = "business_unit", "Business unit"
        CHILD_DEATH_OVERVIEW_PANEL = "cdop", "Child death overview panel"

    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.PROTECT,
        related_name="groups",
        help_text="The partnership that hosts the group.",
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    purpose = models.TextField(blank=True)
    # A child death overview panel can serve several partnerships (the Tees CDOP serves two).
    serves = models.ManyToManyField(Partnership, blank=True, related_name="served_by_groups")
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="group_name_unique_in_partnership"
            )
        ]

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(PartnershipRecordQuerySet):
    partnership_lookup = "group__partnership"


class Membership(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice chair"
        MEMBER = "member", "Member"
        ADVISER = "adviser", "Adviser"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey("User", on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.MEMBER)
    since = models.DateField(default=timezone.localdate)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["group", "role", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "person"], name="one_membership_per_group")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}, {self.group})"


class LinkedPartnership(Versioned):
    """A strategic partnership to which learning can be sent (framework Appendix 1)."""

    class Kind(models.TextChoices):
        CHILDREN_AND_YOUNG_PEOPLES_PARTNERSHIP = (
            "cyp_partnership",
            "Children and Young People's Partnership",
        )
        CHILDRENS_TRUST = "childrens_trust", "Children's Trust"
        CORPORATE_PARENTING = "corporate_parenting", "Corporate Parenting Board"
        STRATEGIC_MARAC = "strategic_marac", "Strategic MARAC"
        STRATEGIC_MAPPA = "strategic_mappa", "Strategic MAPPA"
        YOUTH_JUSTICE_BOARD = "youth_justice_board", "Youth Justice Board"
        COMMUNITY_SAFETY = "community_safety", "Community Safety Partnership"
        HEALTH_AND_WELLBEING = "health_and_wellbeing", "Health and Wellbeing Board"
        SAFEGUARDING_ADULTS_BOARD = "safeguarding_adults", "Safeguarding Adults Board"
        CHILD_DEATH_OVERVIEW_PANEL = "cdop", "Child Death Overview Panel"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="linked_partnerships"
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    name = models.CharField(max_length=200)
    contact_email = models.EmailField(blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = PartnershipRecordQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PartnershipLinkQuerySet(models.QuerySet):
    """Links are seen and answered by the business units of the two partnerships they join."""

    def visible_to(self, user):
        from partnership import access

        ids = access.business_unit_partnership_ids(user)
        return self.filter(models.Q(requesting__in=ids) | models.Q(receiving__in=ids))

    def editable_by(self, user):
        return self.visible_to(user)

    def of(self, partnership):
        return self.filter(models.Q(requesting=partnership) | models.Q(receiving=partnership))

    def between(self, one, other):
        return self.filter(
            models.Q(requesting=one, receiving=other) | models.Q(requesting=other, receiving=one)
        )

    def open(self):
        return self.filter(status__in=PartnershipLink.OPEN)

    def accepted(self):
        return self.filter(status=PartnershipLink.Status.ACCEPTED)


class PartnershipLink(models.Model):
    """Two partnerships agreeing to work together: only then may a group of one serve the other.

    One business unit asks, the other accepts or declines; either may end it. A link is mutual
    once accepted.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", "Waiting for an answer"
        ACCEPTED = "accepted", "Linked"
        DECLINED = "declined", "Declined"
        ENDED = "ended", "Ended"

    OPEN = (Status.REQUESTED, Status.ACCEPTED)

    requesting = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="link_requests_sent"
    )
    receiving = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="link_requests_received"
    )
    purpose = models.TextField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REQUESTED)
    # Empty for the requests made for groups that served another partnership before links existed.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = PartnershipLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(requesting=models.F("receiving")),
                name="link_joins_two_partnerships",
            ),
            # One open link (asked or accepted) per pair of partnerships, whichever asked.
            models.UniqueConstraint(
                Least("requesting", "receiving"),
                Greatest("requesting", "receiving"),
                condition=models.Q(status__in=["requested", "accepted"]),
                name="one_open_link_per_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"Link between {self.requesting} and {self.receiving}"

    def other_than(self, partnership) -> Partnership:
        return self.receiving if self.requesting_id == partnership.pk else self.requesting


class UserManager(BaseUserManager.from_queryset(PersonQuerySet)):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin, Versioned):
    """A person who signs in. Deactivated, never deleted, while records point at them."""

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    deactivated_at = models.DateTimeField(null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "people"
        ordering = ["full_name"]
        constraints = [models.UniqueConstraint(Lower("email"), name="email_unique_ignoring_case")]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Role(models.TextChoices):
    """The roles of DESIGN.md; a person may hold several in their partnership."""

    BUSINESS_UNIT_MANAGER = "business_unit_manager", "Business unit manager"
    BUSINESS_UNIT_OFFICER = "business_unit_officer", "Business unit officer"
    PARTNER_LEAD = "partner_lead", "Safeguarding partner lead"
    GROUP_MEMBER = "group_member", "Group member"
    INDEPENDENT_REVIEWER = "independent_reviewer", "Independent reviewer"
    AGENCY_CONTRIBUTOR = "agency_contributor", "Agency contributor"
    CDOP_MEMBER = "cdop_member", "CDOP member"
    PRACTITIONER = "practitioner", "Practitioner"


class RoleAssignment(models.Model):
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="role_assignments"
    )
    role = models.CharField(max_length=32, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["partnership", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "partnership", "role"], name="one_assignment_per_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_role_display()} ({self.partnership})"


class Invitation(models.Model):
    """An invitation email sent to a new person; its link sets their password and activates them."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    invited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"Invitation to {self.person.email}"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at
