"""The national reporting forms as published: each version keeps its own questions.

The 2022 reporting form added bereavement support and moved height, weight and maternal BMI into
the core form (ncmd.info/guidance/form-updates-2022/); returns on the 2019 form keep its questions.
Kept here, not only in the migration that first added them, so a database emptied since (a test's
flush, a developer's) can be given them again by `services.reporting_forms_seed`.
"""

from datetime import date


def _text(key, label):
    return {"key": key, "label": label, "kind": "text"}


def _yes_no(key, label):
    return {"key": key, "label": label, "kind": "yes_no"}


REPORTING_2019 = [
    _text("involvement", "Your agency's involvement with the child and family"),
    _text("health_and_development", "The child's health and development"),
    _text("family_and_environment", "Family and social environment, including parenting capacity"),
    _text("physical_environment", "Physical environment"),
    _yes_no("poverty", "Were poverty or deprivation a factor?"),
    _text("barriers", "Barriers to accessing services"),
    _text("concerns", "Any concerns about services provided"),
]
REPORTING_2022 = [
    *REPORTING_2019,
    _text("height_weight", "The child's height and weight"),
    _text("maternal_bmi", "Maternal body mass index (where relevant)"),
    _yes_no("bereavement_support", "Was bereavement support offered?"),
    _text("bereavement_support_details", "Details of bereavement support"),
]
SUPPLEMENTARY = {
    "Sudden unexpected death": [
        _text("sleep_environment", "Sleep environment and position when found"),
        _yes_no("smoking", "Was anyone in the household a smoker?"),
        _text("events_before", "Events in the 48 hours before death"),
    ],
    "Drowning": [
        _text("location", "Where the drowning happened"),
        _yes_no("supervised", "Was the child supervised?"),
    ],
    "Road traffic and transport": [
        _text("road_user", "The child's role (pedestrian, cyclist, passenger, driver)"),
        _yes_no("safety_equipment", "Was safety equipment in use?"),
    ],
    "Self-harm and suicide": [
        _text("known_risks", "Known risk factors and previous self-harm"),
        _text("services_in_contact", "Services in contact in the last year"),
    ],
}


REPORTING_FORM = "Child death reporting form"


def published() -> list[dict]:
    """Every version of every national form, as the fields of a ReportingForm."""
    forms = [
        {
            "name": REPORTING_FORM,
            "kind": "reporting",
            "version": 1,
            "published_on": date(2019, 4, 1),
            "questions": REPORTING_2019,
        },
        {
            "name": REPORTING_FORM,
            "kind": "reporting",
            "version": 2,
            "published_on": date(2022, 4, 1),
            "questions": REPORTING_2022,
        },
    ]
    for circumstance, questions in SUPPLEMENTARY.items():
        forms.append(
            {
                "name": f"Supplementary form: {circumstance}",
                "kind": "supplementary",
                "version": 1,
                "published_on": date(2019, 4, 1),
                "questions": questions,
            }
        )
    return forms


def add_missing(reporting_form_model) -> list:
    """Create the published versions the table lacks, leaving those it has (and their answers)
    alone; takes the model so the migration can pass its historical one."""
    have = set(reporting_form_model.objects.values_list("name", "version"))
    return reporting_form_model.objects.bulk_create(
        reporting_form_model(**form)
        for form in published()
        if (form["name"], form["version"]) not in have
    )
