from django import forms

from core.forms import GovukForm
from learning.models import Publication, Theme


class PublicSearchForm(GovukForm):
    q = forms.CharField(label="Search", required=False, max_length=200)
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "All"), *Publication.Kind.choices]
    )
    theme = forms.ModelChoiceField(label="Theme", queryset=Theme.objects.none(), required=False)
    year = forms.TypedChoiceField(label="Year", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, partnership, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.for_partnership(partnership)
        self.fields["year"].choices = [("", "Any year"), *((year, year) for year in years)]
