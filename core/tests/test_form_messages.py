"""Every form of the application speaks GOV.UK: submitted empty, with the wrong kind of answer or
with an answer out of range, none of its errors is Django's own wording ("This field is required.",
"Enter a whole number.", "Select a valid choice. ..."), and none offers "---------" as a choice.

The forms are found, not listed: every form class defined in the project's apps (a new app's forms
are swept as soon as its views are routed). A form that needs more than data to be made names its
needs as keyword arguments; `NEEDS` builds each from the factories, by name.
"""

import inspect
from datetime import date
from importlib import import_module
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.template import Context, Template

from audits import selectors, selectors_assurance, services
from audits.models import Grade
from audits.tests.factories import audit_for, case_of, request_to
from audits.tests.factories_assurance import section_11_round, submitted
from audits.tests.moderated import audit_with_returns
from child_deaths.tests.factories import ChildDeathFactory, PanelFactory, reporting_form
from core.forms import GovukWording
from core.testing import django_defaults_among
from inspections.tests.factories import InspectionFactory
from learning.models import Finding
from learning.tests.factories import FindingFactory, ThemeFactory
from partnership.models import Group, Partnership, User
from partnership.tests.factories import GroupFactory
from reviews import services_reviews
from reviews.tests.factories import lcspr_for
from training.tests.evaluation_factories import event_for, place_for

PROJECT_APPS = {
    config.name
    for config in apps.get_app_configs()
    if Path(config.path).parent == settings.BASE_DIR
}
NOT_OFFERED = "not-offered"


def _subclasses(cls: type):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _is_project_form(cls: type) -> bool:
    module = cls.__module__
    if module.split(".")[0] not in PROJECT_APPS or ".tests" in module:
        return False
    # A ModelForm base that names no model (VersionedModelForm) is not a form of its own.
    return not issubclass(cls, forms.BaseModelForm) or cls._meta.model is not None


def project_forms() -> list[type]:
    import_module(settings.ROOT_URLCONF)  # every routed view, so every form a page shows
    for name in PROJECT_APPS:
        try:
            import_module(f"{name}.forms")
        except ModuleNotFoundError as missing:
            if missing.name != f"{name}.forms":
                raise
    found = {cls for cls in _subclasses(forms.BaseForm) if _is_project_form(cls)}
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def _needs(form_class: type) -> list[str]:
    """The keyword arguments without a default that the form and its own bases ask for."""
    names = []
    for cls in form_class.__mro__:
        if "__init__" in vars(cls) and cls.__module__.split(".")[0] in PROJECT_APPS:
            for parameter in inspect.signature(cls.__init__).parameters.values():
                if (
                    parameter.kind is parameter.KEYWORD_ONLY
                    and parameter.default is parameter.empty
                ):
                    names.append(parameter.name)
    return list(dict.fromkeys(names))


def _learning_event(cast):
    return services_reviews.learning_event_add(
        review=lcspr_for(cast),
        title="Practitioner event",
        date=date(2026, 5, 1),
        venue="Test Town Hall",
        invited=[cast.practitioner],
        by=cast.officer,
    )


def _panels(cast):
    PanelFactory(partnership=cast.partnership)
    return Group.objects.filter(partnership=cast.partnership)


def _findings(cast):
    FindingFactory(partnership=cast.partnership)
    return Finding.objects.filter(partnership=cast.partnership)


def _assessment(made):
    assessment = section_11_round(made.cast).self_assessments.first()
    return submitted(assessment, made.cast.contributor, "amber")


# What a form may need to be made, by the name of its keyword argument (`made(name)` gives another).
NEEDS = {
    "partnership": lambda made: made.cast.partnership,
    "user": lambda made: made.cast.manager,
    "by": lambda made: made.cast.manager,
    "death": lambda made: ChildDeathFactory(
        area=made.cast.middlesbrough, notified_by=made.cast.officer
    ),
    "panels": lambda made: _panels(made.cast),
    "event": lambda made: _learning_event(made.cast),
    "inspection": lambda made: InspectionFactory(recorded_by=made.cast.officer),
    "duplicate": lambda made: ThemeFactory(partnership=made.cast.partnership),
    "findings": lambda made: _findings(made.cast),
    "group": lambda made: GroupFactory(partnership=made.cast.partnership),
    "reporting_form": lambda made: reporting_form(),
    "partnerships": lambda made: Partnership.objects.filter(pk=made.cast.partnership.pk),
    "years": lambda made: [2024, 2025],
    "quarters": lambda made: [],
    "places": lambda made: ["Middlesbrough"],
    "kinds": lambda made: {1: "Review", 2: "Child death"},
    "policy_says_always": lambda made: False,
    "choices": lambda made: [("", "Select an indicator"), (1, "Children in need")],
    "needs_approval": lambda made: True,
    "assessment": _assessment,
    "standards": lambda made: list(selectors_assurance.standards_asked(made("assessment"))),
    "held": lambda made: {
        rating.standard_id: rating for rating in made("assessment").ratings.all()
    },
    "audit": lambda made: audit_with_returns(made.cast, {made.cast.police: Grade.GOOD}),
    "case": lambda made: made("audit").cases.get(),
    "requests": lambda made: list(made("case").requests.all()),
    "ratings": lambda made: list(selectors_assurance.ratings_of(made("assessment"))),
    "bookings": lambda made: [place_for(made.cast.practitioner, made("training_event"))],
    "training_event": lambda made: event_for(made.cast),
    "people": lambda made: User.objects.filter(pk=made.cast.practitioner.pk),
    "stage": lambda made: "after",
    "outcomes": lambda made: made("training_event").course.outcomes.all(),
    "today": lambda made: date(2026, 12, 5),
    "title": lambda made: "The independent scrutineer's view",
    "proposals": lambda made: selectors.proposals_to_plan(made.cast.partnership),
    "recommendations": lambda made: selectors.review_recommendations(made.cast.partnership),
    "tool": lambda made: services.standard_tool_seed(partnership=made.cast.partnership),
    "asked": lambda made: [],
    "audit_request": lambda made: request_to(case_of(audit_for(made.cast)), made.cast.hospital),
    "layout": lambda made: selectors.layout(made("audit_request").case.audit.tool_version),
    "answered": lambda made: selectors.return_of(made("audit_request")),
}


class Made:
    """What the forms need, each made once per test from the cast."""

    def __init__(self, cast):
        self.cast, self._made = cast, {}

    def __call__(self, name: str):
        assert name in NEEDS, f"Tell the sweep how to make {name!r} (NEEDS in {__name__})"
        if name not in self._made:
            self._made[name] = NEEDS[name](self)
        return self._made[name]


# Records for model forms that only edit (their form reads the record), by model.
EDITED = {
    "partnership.User": lambda cast: cast.practitioner,
    "reviews.Review": lcspr_for,
}


def _record(cast, form_class: type, needs: dict) -> dict:
    """`instance` for a model form that cannot be made without the record it edits."""
    if not issubclass(form_class, forms.BaseModelForm):
        return {}
    try:
        form_class(**needs)
    except (ValueError, AttributeError, ObjectDoesNotExist):
        model = form_class._meta.model._meta.label
        assert model in EDITED, f"Tell the sweep how to make a {model} to edit (EDITED)"
        return {"instance": EDITED[model](cast)}
    return {}


def _answers(form: forms.BaseForm, wrong: str) -> tuple[QueryDict, dict]:
    """Data giving every field the same kind of wrong answer: `text` (words where a number, date or
    option belongs), `large` or `small` (beyond any limit)."""
    data, files = QueryDict(mutable=True), {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        if isinstance(field, forms.FileField):
            files[key] = SimpleUploadedFile("empty.csv", b"")
        elif isinstance(field, forms.MultiValueField):
            for suffix in field.widget.widgets_names:
                data[f"{key}{suffix}"] = {"text": "soon", "large": "99999", "small": "-1"}[wrong]
        elif isinstance(field, forms.ModelMultipleChoiceField):
            data.setlist(key, [NOT_OFFERED] if wrong == "text" else ["999999999"])
        elif isinstance(field, forms.MultipleChoiceField):
            data.setlist(key, [NOT_OFFERED])
        elif isinstance(field, forms.ModelChoiceField):
            data[key] = NOT_OFFERED if wrong == "text" else "999999999"
        elif isinstance(field, forms.ChoiceField):
            data[key] = NOT_OFFERED if wrong == "text" else "-999999999"
        elif isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
            data[key] = {"text": "ten", "large": "12345678901234.56789", "small": "-1e12"}[wrong]
        elif isinstance(field, forms.CharField):
            longest = (field.max_length or 200) + 1
            data[key] = {"text": "not in the right form", "large": "x" * longest, "small": "x"}[
                wrong
            ]
        else:
            data[key] = "not in the right form"
    return data, files


def _rendered(form: forms.BaseForm) -> str:
    return Template('{% include "govuk/forms/error_summary.html" %}{{ form }}').render(
        Context({"form": form})
    )


def _messages(form: forms.BaseForm) -> list[str]:
    return [str(message) for errors in form.errors.values() for message in errors]


@pytest.mark.parametrize(
    "form_class", project_forms(), ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}"
)
def test_no_form_shows_a_django_default_message_or_an_unlabelled_empty_choice(cast, form_class):
    made = Made(cast)
    needs = {name: made(name) for name in _needs(form_class)}
    needs |= _record(cast, form_class, needs)

    blank = form_class(**needs)
    problems = {}
    if "---------" in _rendered(blank):
        problems["unlabelled empty choice"] = [
            name for name in blank.fields if "---------" in str(blank[name])
        ]
    submissions = {"empty": (QueryDict(), {})}
    for wrong in ("text", "large", "small"):
        submissions[wrong] = _answers(blank, wrong)
    for way, (data, files) in submissions.items():
        form = form_class(data=data, files=files, **needs)
        form.is_valid()
        if "---------" in _rendered(form):
            problems[f"{way}: unlabelled empty choice"] = True
        defaults = {
            name: found
            for name, errors in form.errors.items()
            if (found := django_defaults_among(errors))
        }
        if defaults:
            problems[way] = defaults
    assert not problems, f"Not in GOV.UK words (by submission, then field): {problems}"


def test_every_form_is_a_govuk_form():
    """So that a field the form gives no message of its own still says what to do."""
    plain = [cls.__qualname__ for cls in project_forms() if not issubclass(cls, GovukWording)]
    assert not plain, f"Make these core.forms.GovukForm or GovukModelForm: {plain}"


def test_the_sweep_finds_the_forms_of_every_app_that_has_them():
    swept = {cls.__module__.split(".")[0] for cls in project_forms()}
    assert {"core", "partnership", "learning", "reviews", "child_deaths", "performance"} <= swept
