"""The kinds of structure record the business unit manages, described once for shared views."""

from dataclasses import dataclass

from django import forms
from django.db import models

from partnership import forms as structure_forms
from partnership.models import Area, Group, LinkedPartnership, Organisation


@dataclass(frozen=True)
class StructureKind:
    slug: str
    model: type[models.Model]
    form: type[forms.ModelForm]
    singular: str
    plural: str
    description: str
    # (heading, attribute or get_FOO_display method name) for the list table
    columns: tuple[tuple[str, str], ...]
    related: tuple[str, ...] = ()


KINDS: dict[str, StructureKind] = {
    kind.slug: kind
    for kind in (
        StructureKind(
            slug="organisations",
            model=Organisation,
            form=structure_forms.OrganisationForm,
            singular="organisation",
            plural="organisations",
            description="Statutory safeguarding partners and relevant agencies.",
            columns=(
                ("Type", "get_organisation_type_display"),
                ("Standing", "get_standing_display"),
            ),
        ),
        StructureKind(
            slug="areas",
            model=Area,
            form=structure_forms.AreaForm,
            singular="area",
            plural="areas",
            description="The local authority areas the partnership covers.",
            columns=(),
        ),
        StructureKind(
            slug="groups",
            model=Group,
            form=structure_forms.GroupForm,
            singular="group",
            plural="groups",
            description="The executive, sub-groups, the business unit and child death overview panels.",
            columns=(("Kind", "get_kind_display"),),
        ),
        StructureKind(
            slug="linked-partnerships",
            model=LinkedPartnership,
            form=structure_forms.LinkedPartnershipForm,
            singular="linked strategic partnership",
            plural="linked strategic partnerships",
            description="Strategic partnerships to which learning can be sent.",
            columns=(("Kind", "get_kind_display"), ("Contact", "contact_email")),
        ),
    )
}
