from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django_otp import devices_for_user, match_token

from core.forms import GovukForm, GovukWording, VersionedModelForm
from partnership import access, policy
from partnership.models import (
    Area,
    Group,
    LinkedPartnership,
    Membership,
    Organisation,
    Partnership,
    Role,
    User,
)


class SignInForm(GovukWording, AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": "Enter a correct email address and password",
        "inactive": "This account is not active. Ask your partnership's business unit.",
    }


class TwoFactorCodeForm(GovukForm):
    """A code from an authenticator. `refusal` says why a code was refused, for the audit trail."""

    code = forms.CharField(
        label="Security code",
        help_text="The 6-digit code shown in your authenticator app.",
        max_length=8,
        error_messages={
            "required": "Enter the security code from your authenticator app",
            "max_length": "Security code must be the 6 numbers shown in your app",
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "class": "govuk-input--width-5",
            }
        ),
    )

    def __init__(self, *args, user, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = device
        self.refusal = ""

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        devices = [self.device] if self.device is not None else list(devices_for_user(self.user))
        # django-otp makes each wrong code double the wait before the next is even tried.
        waits = [device.verify_is_allowed()[1] for device in devices]
        if devices and all(waits):
            self.refusal = "locked"
            until = min(wait["locked_until"] for wait in waits)
            raise forms.ValidationError(
                "Too many wrong security codes. Wait until "
                f"{timezone.localtime(until):%H:%M:%S}, then enter the newest code"
            )
        self.refusal = "wrong code"
        if not code.isdigit():
            raise forms.ValidationError("Security code must be the numbers shown in your app")
        if self.device is not None:
            matched = self.device if self.device.verify_token(code) else None
        else:
            matched = match_token(self.user, code)
        if matched is None:
            raise forms.ValidationError(
                "Security code is not right or has expired: try the newest code"
            )
        self.refusal = ""
        self.matched_device = matched
        return code


class OrganisationForm(VersionedModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "organisation_type", "standing", "areas"]
        widgets = {
            "organisation_type": forms.Select,
            "standing": forms.RadioSelect,
            "areas": forms.CheckboxSelectMultiple,
        }
        labels = {
            "name": "Name",
            "organisation_type": "Type",
            "standing": "Standing in the partnership",
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = Area.objects.filter(partnership=partnership).active()
        self.fields["areas"].help_text = "The areas the organisation serves."
        self.partnership = partnership

    def clean_name(self):
        return _unique_name(self, Organisation)


class AreaForm(VersionedModelForm):
    class Meta:
        model = Area
        fields = ["name"]
        help_texts = {"name": "A local authority area, for example Middlesbrough."}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_name(self):
        return _unique_name(self, Area)


class GroupForm(VersionedModelForm):
    class Meta:
        model = Group
        fields = ["name", "kind", "purpose", "serves"]
        widgets = {"kind": forms.RadioSelect, "serves": forms.CheckboxSelectMultiple}
        labels = {"kind": "Kind of group", "serves": "Partnerships the group serves"}
        help_texts = {
            "serves": "For a child death overview panel that serves several partnerships."
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        # Only partnerships whose business unit has accepted a link: a crafted POST naming any
        # other is refused like an option the form never offered.
        self.fields["serves"].queryset = Partnership.objects.filter(
            pk__in=[partnership.pk, *access.linked_partnership_ids(partnership)]
        )
        self.fields["serves"].error_messages["invalid_choice"] = (
            "Select only partnerships yours is linked with: ask their business unit to accept "
            "a link first"
        )
        # Served before links needed accepting: kept (giving nothing) until the link is answered.
        self.waiting = (
            list(self.instance.serves.exclude(pk__in=self.fields["serves"].queryset))
            if self.instance.pk
            else []
        )
        if self.waiting:
            self.fields["serves"].help_text = (
                "Also serves, once their business unit accepts the link: "
                + ", ".join(str(partnership) for partnership in self.waiting)
                + "."
            )

    def clean_name(self):
        return _unique_name(self, Group)

    def clean_serves(self):
        return [*self.cleaned_data["serves"], *self.waiting]


class LinkedPartnershipForm(VersionedModelForm):
    class Meta:
        model = LinkedPartnership
        fields = ["kind", "name", "contact_email"]
        widgets = {"kind": forms.Select}
        labels = {"kind": "Kind of strategic partnership", "contact_email": "Contact email address"}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership


def _unique_name(form, model) -> str:
    name = form.cleaned_data["name"].strip()
    clash = model.objects.filter(partnership=form.partnership, name__iexact=name).exclude(
        pk=form.instance.pk
    )
    if clash.exists():
        raise forms.ValidationError(
            f"{model._meta.verbose_name.capitalize()} called {name} already exists"
        )
    return name


class MembershipForm(GovukForm):
    person = forms.ModelChoiceField(
        queryset=User.objects.none(), label="Person", empty_label="Choose a person"
    )
    role = forms.ChoiceField(
        choices=Membership.Role.choices,
        widget=forms.RadioSelect,
        label="Role in the group",
        initial=Membership.Role.MEMBER,
    )

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group
        self.fields["person"].queryset = User.objects.filter(
            is_active=True,
            role_assignments__partnership__in=access.served_partnership_ids(group),
        ).distinct()
        self.fields["person"].error_messages["invalid_choice"] = (
            "Select a person of a partnership the group serves"
        )

    def clean_person(self):
        person = self.cleaned_data["person"]
        if self.group.memberships.filter(person=person).exists():
            raise forms.ValidationError(f"{person} is already a member of {self.group}")
        return person


_ROLE_ERRORS = {
    "required": "Select at least one role",
    "invalid_choice": "Select only the roles listed",
}


def _roles_field(grantable: list[str]) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        choices=[(role, Role(role).label) for role in grantable],
        widget=forms.CheckboxSelectMultiple,
        label="Roles",
        help_text="Select all that apply.",
        error_messages=_ROLE_ERRORS,
    )


class PersonInviteForm(GovukForm):
    full_name = forms.CharField(
        label="Full name", max_length=200, error_messages={"required": "Enter their full name"}
    )
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    job_title = forms.CharField(label="Job title", max_length=200, required=False)
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Organisation",
        required=False,
        empty_label="Not employed by a partner organisation",
        error_messages={"invalid_choice": "Select an organisation of your partnership"},
    )

    def __init__(self, *args, partnership, by, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["organisation"].queryset = Organisation.objects.filter(
            partnership=partnership
        ).active()
        self.fields["roles"] = _roles_field(policy.grantable_roles(by, partnership))

    def clean_email(self):
        # Only this partnership's own people are named: whether an address has an account
        # elsewhere is no business unit's to learn (issue 9).
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(
            email__iexact=email, role_assignments__partnership=self.partnership
        ).exists():
            raise forms.ValidationError(
                "Someone with this email address already works for your partnership"
            )
        return email


class PersonEditForm(VersionedModelForm):
    """A person's details and their roles in one partnership, as far as the editor may change them.

    Nobody changes their own roles; an officer neither gives nor takes away the manager role; and
    the details of someone who also works for another partnership belong to their whole account.
    """

    class Meta:
        model = User
        fields = ["full_name", "job_title", "organisation"]
        labels = {"full_name": "Full name"}
        error_messages = {"full_name": {"required": "Enter their full name"}}

    def __init__(self, *args, partnership, by, also_works_for=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.own_record = self.instance.pk == by.pk
        self.roles_before = set(
            self.instance.role_assignments.filter(partnership=partnership).values_list(
                "role", flat=True
            )
        )
        self.grantable = policy.grantable_roles(by, partnership)
        self.kept_roles = self.roles_before - set(self.grantable)
        roles = self.fields["roles"] = _roles_field(self.grantable)
        roles.initial = sorted(self.roles_before & set(self.grantable))
        roles.required = not also_works_for and not self.kept_roles
        if self.kept_roles:
            roles.help_text += " Only a business unit manager can change their other roles: " + (
                ", ".join(Role(role).label for role in sorted(self.kept_roles))
            )
        if also_works_for:
            roles.help_text += " Untick every role to remove them from your partnership."
        if self.own_record:
            roles.disabled = True
            roles.help_text = (
                "You cannot change your own roles: ask another member of the business unit."
            )
        organisation = self.fields["organisation"]
        organisation.required = False
        organisation.empty_label = "Not employed by a partner organisation"
        organisation.error_messages["invalid_choice"] = "Select an organisation of your partnership"
        organisation.queryset = Organisation.objects.filter(partnership=partnership).active()
        if also_works_for:
            for name in self._meta.fields:
                self.fields[name].disabled = True
            organisation.queryset = Organisation.objects.filter(pk=self.instance.organisation_id)
            self.fields["full_name"].help_text = (
                "Their name, job title and organisation can be changed only by every partnership "
                "they work for, or by a system administrator."
            )

    def clean_roles(self):
        if self.own_record and set(self.data.getlist("roles")) - self.roles_before:
            raise forms.ValidationError(
                "You cannot change your own roles: ask another member of the business unit"
            )
        chosen = set(self.cleaned_data["roles"]) | self.kept_roles
        refusal = policy.role_change_refusal(
            own_record=self.own_record,
            grantable=self.grantable,
            before=self.roles_before,
            after=chosen,
        )
        if refusal:
            raise forms.ValidationError(refusal)
        return sorted(chosen)

    def details(self) -> dict:
        """The person's details the editor may change, for the service to apply."""
        return {
            name: value
            for name, value in self.changed_values().items()
            if not self.fields[name].disabled
        }


class LinkRequestForm(GovukForm):
    partnership = forms.ModelChoiceField(
        queryset=Partnership.objects.none(),
        label="Partnership",
        empty_label="Choose a partnership",
        help_text="Its business unit is asked to accept; nothing is shared until it does.",
        error_messages={
            "required": "Select a partnership to ask for a link with",
            "invalid_choice": "Select a partnership that is not yours and not already linked",
        },
    )
    purpose = forms.CharField(
        label="What the link is for",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, our child death overview panel reviews your deaths too.",
        error_messages={"required": "Enter what the link is for"},
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        from partnership.models import PartnershipLink

        open_with = (
            PartnershipLink.objects.of(partnership)
            .open()
            .values_list("requesting_id", "receiving_id")
        )
        self.fields["partnership"].queryset = Partnership.objects.exclude(
            pk__in={partnership.pk, *(pk for pair in open_with for pk in pair)}
        )
