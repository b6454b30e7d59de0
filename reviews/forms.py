"""Forms of the reviews pages; each renders through the shared GOV.UK templates."""

from django import forms
from django.utils import timezone

from core.forms import GovukDateField, GovukForm, GovukModelForm, TableFileField, VersionedModelForm
from partnership.models import Organisation, Role, User
from reviews.models import (
    AgencyRequest,
    LearningReferral,
    LocalReviewPolicy,
    NotifiedChild,
    RapidReview,
    Review,
    ReviewerAssignment,
)

_TEXT = {"rows": 4}


def _not_future(day, label: str):
    if day and day > timezone.localdate():
        raise forms.ValidationError(f"{label} must be today or in the past")
    return day


class LearningReferralForm(GovukModelForm):
    class Meta:
        model = LearningReferral
        fields = ["title", "what_happened", "agencies_involved", "why_learning", "child_voice"]
        labels = {
            "title": "Short title",
            "what_happened": "What happened",
            "agencies_involved": "Agencies involved",
            "why_learning": "Why there may be learning",
            "child_voice": "What is known of the child's voice",
        }
        help_texts = {
            "title": "Use a pseudonym such as 'Child R', never the child's name.",
            "child_voice": "What the child said, showed or wanted, if known.",
        }


class TriageForm(GovukForm):
    outcome = forms.ChoiceField(
        label="Outcome", choices=LearningReferral.Outcome.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs=_TEXT),
        required=False,
        help_text="Given back to the referrer. Required for no further action.",
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("outcome") == LearningReferral.Outcome.NO_FURTHER_ACTION
            and not cleaned.get("reason", "").strip()
        ):
            self.add_error("reason", "Enter the reason for no further action")
        return cleaned


class NotificationForm(GovukForm):
    notifying_authority = forms.ModelChoiceField(
        label="Local authority that notified the national panel",
        queryset=Organisation.objects.none(),
        error_messages={
            "required": "Select the local authority that notified the national panel",
            "invalid_choice": "Select the local authority that notified the national panel",
        },
    )
    incident_summary = forms.CharField(
        label="What happened", widget=forms.Textarea(attrs=_TEXT), help_text="Use pseudonyms only."
    )
    incident_date = GovukDateField(label="Date of the incident")
    aware_date = GovukDateField(label="Date the local authority became aware")
    notified_date = GovukDateField(
        label="Date the national panel was notified",
        required=False,
        help_text="Leave blank if not yet notified.",
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notifying_authority"].queryset = Organisation.objects.filter(
            partnership=partnership, organisation_type=Organisation.Type.LOCAL_AUTHORITY
        ).active()

    def clean(self):
        cleaned = super().clean()
        incident, aware, notified = (
            cleaned.get(name) for name in ("incident_date", "aware_date", "notified_date")
        )
        for name, label in (
            ("incident_date", "Date of the incident"),
            ("aware_date", "Date aware"),
        ):
            try:
                _not_future(cleaned.get(name), label)
            except forms.ValidationError as error:
                self.add_error(name, error)
        if incident and aware and aware < incident:
            self.add_error(
                "aware_date", "Date aware must be the same as or after the date of the incident"
            )
        if aware and notified and notified < aware:
            self.add_error(
                "notified_date", "Date notified must be the same as or after the date aware"
            )
        return cleaned


class SecretaryOfStateNotifiedForm(GovukForm):
    notified_on = GovukDateField(label="Date the Secretary of State and Ofsted were told")

    def clean_notified_on(self):
        return _not_future(self.cleaned_data["notified_on"], "Date told")


class NotifiedForm(GovukForm):
    notified_date = GovukDateField(label="Date the national panel was notified")

    def clean_notified_date(self):
        return _not_future(self.cleaned_data["notified_date"], "Date notified")


class NotifiedChildForm(GovukModelForm):
    date_of_birth = GovukDateField(label="Date of birth", required=False)

    class Meta:
        model = NotifiedChild
        fields = [
            "pseudonym",
            "outcome",
            "age",
            "full_name",
            "date_of_birth",
            "address",
            "nhs_number",
            *NotifiedChild.IDENTIFIER_FIELDS,
            "looked_after",
            "care_leaver",
        ]
        labels = {
            "full_name": "Full name",
            "nhs_number": "NHS number",
            "looked_after": "Looked after by a local authority",
            "care_leaver": "A care leaver (up to and including age 24)",
        }
        widgets = {
            "outcome": forms.RadioSelect,
            "address": forms.Textarea(attrs={"rows": 3}),
            **{name: forms.Textarea(attrs={"rows": 3}) for name in NotifiedChild.IDENTIFIER_FIELDS},
        }
        help_texts = {
            "full_name": "Identifying details are seen only by people with a need to know; every view is recorded.",
        }

    def clean_nhs_number(self):
        number = self.cleaned_data["nhs_number"].replace(" ", "")
        if number and (not number.isdigit() or len(number) != 10):
            raise forms.ValidationError("NHS number must be 10 digits")
        return number


def _yes_no(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[(True, "Yes"), (False, "No")],
        coerce=lambda value: value == "True",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select yes or no"},
    )


class RapidReviewForm(VersionedModelForm):
    meeting_date = GovukDateField(label="Rapid review meeting date", required=False)
    # Regulation 11 (SI 2018/789): does the case highlight, or may it highlight, ...
    highlights_improvements = _yes_no(
        "(a) Improvements needed to safeguard and promote children's welfare, including ones identified before?"
    )
    highlights_recurrent_themes = _yes_no(
        "(b) Recurrent themes in safeguarding and promoting children's welfare?"
    )
    highlights_interagency_concerns = _yes_no(
        "(c) Concerns about two or more organisations or agencies working together effectively?"
    )
    panel_considered_local_review = _yes_no(
        "(d) Has the national panel considered the case and concluded a local review may be more appropriate?"
    )

    class Meta:
        model = RapidReview
        fields = [
            "meeting_date",
            "immediate_actions",
            "context",
            "parallel_processes",
            "family_involvement",
            "abuse_or_neglect",
            "child_died",
            "suspected_suicide",
            "seriously_harmed",
            "interagency_concerns",
            "death_in_custody",
            "detained_under_mental_health_act",
            "deprivation_of_liberty_order",
            "highlights_improvements",
            "highlights_recurrent_themes",
            "highlights_interagency_concerns",
            "panel_considered_local_review",
            "single_agency_concern",
            "no_agency_involvement_concern",
            "several_areas_involved",
            "institutional_setting",
        ]
        labels = {
            "single_agency_concern": "There is concern about the actions of a single agency",
            "no_agency_involvement_concern": "No agency was involved with the child, and this itself raises concern",
            "several_areas_involved": "More than one local authority, police area or integrated care board is involved",
            "institutional_setting": "The case involves an institutional setting",
            "abuse_or_neglect": "Is abuse or neglect known or suspected?",
            "child_died": "The child died",
            "suspected_suicide": "The death is a suspected suicide",
            "seriously_harmed": "The child was seriously harmed",
            "interagency_concerns": "Is there cause for concern about how the organisations worked together?",
            "death_in_custody": "Did the child die in custody? Where?",
            "detained_under_mental_health_act": "The child died while detained under the Mental Health Act 1983",
            "deprivation_of_liberty_order": "The child died while the subject of a deprivation of liberty order (Mental Capacity Act 2005)",
        }
        widgets = {
            "abuse_or_neglect": forms.RadioSelect,
            "interagency_concerns": forms.RadioSelect,
        }
        error_messages = {
            "abuse_or_neglect": {
                "invalid_choice": "Select whether abuse or neglect is known or suspected"
            },
            "interagency_concerns": {
                "invalid_choice": "Select whether there is cause for concern about how the "
                "organisations worked together"
            },
            "death_in_custody": {
                "invalid_choice": "Select whether the child died in custody, and where"
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["death_in_custody"].choices = [
            ("", "No"),
            *list(self.fields["death_in_custody"].choices)[1:],
        ]


class KeyPracticeEpisodeForm(GovukForm):
    date = GovukDateField(label="Date of the episode")
    title = forms.CharField(label="Title", max_length=200)
    analysis = forms.CharField(
        label="Analysis",
        widget=forms.Textarea(attrs=_TEXT),
        help_text="What happened, and why practitioners acted as they did.",
    )
    went_well = forms.CharField(
        label="What went well", widget=forms.Textarea(attrs=_TEXT), required=False
    )
    could_be_different = forms.CharField(
        label="What could have been done differently",
        widget=forms.Textarea(attrs=_TEXT),
        required=False,
    )


class DecisionForm(GovukForm):
    decision = forms.ChoiceField(
        label="Decision",
        choices=RapidReview.Decision.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the partners' decision",
            "invalid_choice": "Select the partners' decision",
        },
    )
    national_review_recommended = forms.BooleanField(
        label="The case may raise issues of national importance: recommend a national review",
        required=False,
    )
    rationale = forms.CharField(label="Rationale", widget=forms.Textarea(attrs=_TEXT))
    learning_identified = forms.CharField(
        label="Learning already identified", widget=forms.Textarea(attrs=_TEXT), required=False
    )
    alternative_learning = forms.CharField(
        label="Alternative learning activity",
        widget=forms.Textarea(attrs=_TEXT),
        required=False,
        help_text="Required where no LCSPR is held.",
    )
    local_policy_departure_reason = forms.CharField(
        label="Why the partners depart from the local review policy",
        widget=forms.Textarea(attrs=_TEXT),
        required=False,
        help_text="The local review policy says this case always leads to an LCSPR. The partners "
        "may decide otherwise; the reason is shown on this page and in the yearly report.",
    )

    def __init__(self, *args, policy_says_always: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rationale"].error_messages["required"] = "Enter the rationale for the decision"
        if not policy_says_always:
            del self.fields["local_policy_departure_reason"]
        self.policy_says_always = policy_says_always

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") != RapidReview.Decision.NO_LCSPR:
            return cleaned
        if not cleaned.get("alternative_learning", "").strip():
            self.add_error("alternative_learning", "Describe the alternative learning activity")
        if self.policy_says_always and not cleaned.get("local_policy_departure_reason", "").strip():
            self.add_error(
                "local_policy_departure_reason",
                "Enter why the partners decide against an LCSPR although the local review "
                "policy says one is always held",
            )
        return cleaned


class SignOffForm(GovukForm):
    agrees = forms.TypedChoiceField(
        label="Do you agree?",
        choices=[("yes", "Yes, I sign this off"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you sign this off, or no"},
    )
    comment = forms.CharField(
        label="Comment", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class SentToPanelForm(GovukForm):
    sent_on = GovukDateField(label="Date sent to the national panel")

    def clean_sent_on(self):
        return _not_future(self.cleaned_data["sent_on"], "Date sent")


class PanelResponseForm(GovukForm):
    response = forms.ChoiceField(
        label="The panel's response",
        choices=RapidReview.PanelResponse.choices,
        widget=forms.RadioSelect,
    )
    responded_on = GovukDateField(label="Date of the panel's response")
    notes = forms.CharField(label="Notes", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class AgencyRequestForm(GovukForm):
    organisation = forms.ModelChoiceField(label="Agency", queryset=Organisation.objects.none())
    kind = forms.ChoiceField(label="What is asked for", choices=AgencyRequest.Kind.choices)
    due_date = GovukDateField(label="Due date")
    details = forms.CharField(label="Details", widget=forms.Textarea(attrs=_TEXT), required=False)

    def __init__(self, *args, partnership, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            partnership=partnership
        ).active()
        self.fields["kind"].choices = [
            (value, label) for value, label in AgencyRequest.Kind.choices if value in kinds
        ]

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError("Due date must be today or in the future")
        return due


class AgencyResponseForm(GovukForm):
    response = forms.CharField(
        label="The agency's response",
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text="Use pseudonyms, never names. Optional for a chronology whose entries are above.",
    )


class ChronologyEntryForm(GovukForm):
    date = GovukDateField(label="Date")
    event = forms.CharField(label="What happened", widget=forms.Textarea(attrs={"rows": 3}))

    def clean_date(self):
        return _not_future(self.cleaned_data["date"], "Date")


class ChronologyImportForm(GovukForm):
    file = TableFileField(
        label="Chronology file",
        help_text="CSV or XLSX with a header row naming the columns date and event; dates like 2026-03-27 or 27/03/2026.",
    )


class ReviewOpenForm(GovukModelForm):
    class Meta:
        model = Review
        fields = ["review_type", "title"]
        labels = {"review_type": "Type of review", "title": "Title"}
        widgets = {"review_type": forms.RadioSelect}


class ReviewForm(VersionedModelForm):
    scope_start = GovukDateField(label="Scope period starts", required=False)
    scope_end = GovukDateField(label="Scope period ends", required=False)

    class Meta:
        model = Review
        fields = [
            "title",
            "scope_start",
            "scope_end",
            "methodology",
            "organisations_under_review",
            "parallel_review",
            "parallel_review_reference",
            "family_involvement",
            "child_voice",
            "family_not_involved_reason",
        ]
        labels = {
            "organisations_under_review": "Organisations whose actions are under review",
            "parallel_review": "Review running in parallel",
            "parallel_review_reference": "Reference of the parallel review",
            "family_involvement": "How the family was involved",
            "family_not_involved_reason": "Reason the family or child could not be involved",
        }
        widgets = {"organisations_under_review": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations_under_review"].queryset = Organisation.objects.filter(
            partnership=self.instance.partnership
        ).active()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("scope_start"), cleaned.get("scope_end")
        if start and end and end < start:
            self.add_error("scope_end", "Scope period end must be the same as or after its start")
        if (
            cleaned.get("parallel_review")
            and not cleaned.get("parallel_review_reference", "").strip()
        ):
            self.add_error(
                "parallel_review_reference", "Enter the reference of the parallel review"
            )
        return cleaned


class TermsOfReferenceForm(GovukForm):
    text = forms.CharField(label="Terms of reference", widget=forms.Textarea(attrs={"rows": 10}))
    key_lines_of_enquiry = forms.CharField(
        label="Key lines of enquiry", widget=forms.Textarea(attrs=_TEXT), required=False
    )


class MilestoneForm(GovukForm):
    title = forms.CharField(label="Milestone", max_length=200)
    due_date = GovukDateField(label="Due date")


class CompletedOnForm(GovukForm):
    completed_on = GovukDateField(label="Date done")

    def clean_completed_on(self):
        return _not_future(self.cleaned_data["completed_on"], "Date done")


class DeclarationForm(GovukForm):
    involved_with = forms.ModelMultipleChoiceField(
        label="Organisations the reviewer has worked for or with in connection with this case or its agencies",
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    involved_in_case = forms.BooleanField(
        label="The reviewer has been involved in the case", required=False
    )
    statement = forms.CharField(
        label="Conflict of interest declaration",
        widget=forms.Textarea(attrs=_TEXT),
        help_text="Any real or perceived conflict of interest, or a statement that there is none.",
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["involved_with"].queryset = Organisation.objects.filter(
            partnership=partnership
        ).active()


class ReviewerAssignForm(DeclarationForm):
    person = forms.ModelChoiceField(label="Reviewer", queryset=User.objects.none())
    role = forms.ChoiceField(
        label="Role", choices=ReviewerAssignment.Role.choices, widget=forms.RadioSelect
    )
    partners_weighing = forms.CharField(
        label="How the partners weighed any conflict of interest",
        widget=forms.Textarea(attrs=_TEXT),
        required=False,
        help_text="Needed where the declaration shows a conflict of interest: the partners decide "
        "whether the reviewer is still suitable.",
    )
    field_order = [
        "person",
        "role",
        "involved_with",
        "involved_in_case",
        "statement",
        "partners_weighing",
    ]

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, partnership=partnership, **kwargs)
        self.fields["person"].queryset = User.objects.filter(
            role_assignments__partnership=partnership,
            role_assignments__role=Role.INDEPENDENT_REVIEWER,
            is_active=True,
        ).distinct()


class LearningEventForm(GovukForm):
    title = forms.CharField(label="Title", max_length=200)
    date = GovukDateField(label="Date")
    venue = forms.CharField(label="Venue or format", max_length=200, required=False)
    invited = forms.ModelMultipleChoiceField(
        label="Practitioners invited",
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invited"].queryset = User.objects.filter(
            role_assignments__partnership=partnership, is_active=True
        ).distinct()


class LearningEventRecordForm(GovukForm):
    attended = forms.ModelMultipleChoiceField(
        label="Who attended",
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    what_practitioners_said = forms.CharField(
        label="What practitioners said",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Practitioners contribute without fear of blame for actions taken in good faith.",
    )
    why_it_happened = forms.CharField(
        label="Why things happened as they did", widget=forms.Textarea(attrs=_TEXT), required=False
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].queryset = User.objects.filter(
            pk__in=event.invitations.values("person")
        )


class ReportDraftForm(GovukForm):
    summary = forms.CharField(
        label="Summary of recommended improvements", widget=forms.Textarea(attrs=_TEXT)
    )
    body = forms.CharField(
        label="Report",
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="Written for publication without redaction: no names, dates of birth or addresses.",
    )


class ReportCommentForm(GovukForm):
    text = forms.CharField(label="Comment", widget=forms.Textarea(attrs=_TEXT))


class PublicationPlanForm(GovukForm):
    publication_date = GovukDateField(label="Planned publication date")
    improvements_only = forms.TypedChoiceField(
        label="What will be published?",
        choices=[
            ("full", "The full report"),
            (
                "improvements",
                "Information about the improvements to be made: the partners consider the full "
                "report not appropriate to publish",
            ),
        ],
        coerce=lambda value: value == "improvements",
        initial="full",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select what will be published",
            "invalid_choice": "Select what will be published",
        },
    )
    improvements_only_reason = forms.CharField(
        label="Why the full report is not appropriate to publish",
        widget=forms.Textarea(attrs=_TEXT),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("improvements_only")
            and not cleaned.get("improvements_only_reason", "").strip()
        ):
            self.add_error(
                "improvements_only_reason",
                "Enter why the partners consider the full report not appropriate to publish",
            )
        return cleaned


class LocalReviewPolicyForm(GovukModelForm):
    class Meta:
        model = LocalReviewPolicy
        fields = [
            "always_review_death_in_custody",
            "always_review_death_detained_under_mental_health_act",
            "always_review_death_at_16_or_17_deprived_of_liberty",
            "reviewer_not_employed_by_agency_under_review",
        ]
