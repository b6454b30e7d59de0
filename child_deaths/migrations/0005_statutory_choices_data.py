"""Existing deaths kept meaningful under the census ethnicity list and completed-years age bands.

A migration of its own: on PostgreSQL, rows updated in the same transaction as a later ALTER TABLE
of their table leave pending trigger events and the ALTER fails.
"""

from dateutil.relativedelta import relativedelta
from django.db import migrations

# Deaths notified before the census list recorded only a high-level group: they keep that group
# rather than being given a category nobody chose.
GROUP_ONLY = {
    "asian": "asian_not_recorded",
    "black": "black_not_recorded",
    "mixed": "mixed_not_recorded",
    "white": "white_not_recorded",
    "other": "other_not_recorded",
}


def _band(born, died):
    """The age band by completed years of age, as rules.age_band worked it out when written."""
    if (died - born).days < 28:
        return "0 to 27 days"
    years = relativedelta(died, born).years
    if (born.month, born.day) == (2, 29) and (died.month, died.day) == (2, 28):
        years -= 1  # the birthday of someone born on 29 February falls on 1 March
    for low, high, label in (
        (1, 5, "1 to 4 years"),
        (5, 10, "5 to 9 years"),
        (10, 15, "10 to 14 years"),
    ):
        if low <= years < high:
            return label
    return "28 days to under 1 year" if years < 1 else "15 to 17 years"


def to_census_list_and_completed_years(apps, schema_editor):
    ChildDeath = apps.get_model("child_deaths", "ChildDeath")
    for old, new in GROUP_ONLY.items():
        ChildDeath.objects.filter(ethnicity=old).update(ethnicity=new)
    for death in ChildDeath.objects.filter(identity__isnull=False).values(
        "pk", "date_of_death", "identity__date_of_birth", "age_band"
    ):
        band = _band(death["identity__date_of_birth"], death["date_of_death"])
        if band != death["age_band"]:
            ChildDeath.objects.filter(pk=death["pk"]).update(age_band=band)
    ChildDeath.objects.filter(age_band="28 to 364 days").update(age_band="28 days to under 1 year")


def to_high_level_groups(apps, schema_editor):
    ChildDeath = apps.get_model("child_deaths", "ChildDeath")
    for group in GROUP_ONLY:
        ChildDeath.objects.filter(ethnicity__startswith=f"{group}_").update(ethnicity=group)
    ChildDeath.objects.filter(age_band="28 days to under 1 year").update(age_band="28 to 364 days")


class Migration(migrations.Migration):
    dependencies = [("child_deaths", "0004_statutory_choices")]

    operations = [
        migrations.RunPython(to_census_list_and_completed_years, to_high_level_groups),
    ]
