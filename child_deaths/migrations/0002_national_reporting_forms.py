"""The national reporting forms as published (child_deaths/national_forms.py holds them)."""

from django.db import migrations

from child_deaths import national_forms


def add_forms(apps, schema_editor):
    national_forms.add_missing(apps.get_model("child_deaths", "ReportingForm"))


class Migration(migrations.Migration):
    dependencies = [("child_deaths", "0001_initial")]

    operations = [migrations.RunPython(add_forms, migrations.RunPython.noop)]
