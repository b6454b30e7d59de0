"""Querysets scoped to the partnerships a person works in; every app's records build on these."""

from django.db import models


class PartnershipRecordQuerySet(models.QuerySet):
    """Records seen by anyone with a role in their partnership and changed by its business unit."""

    partnership_lookup = "partnership"

    def visible_to(self, user):
        from partnership import access

        return self.filter(**{f"{self.partnership_lookup}__in": access.partnership_ids(user)})

    def editable_by(self, user):
        from partnership import access

        return self.filter(
            **{f"{self.partnership_lookup}__in": access.business_unit_partnership_ids(user)}
        )

    def active(self):
        return self.filter(archived_at__isnull=True)


class PersonQuerySet(PartnershipRecordQuerySet):
    """People are listed and managed by their partnership's business unit; everyone sees themself."""

    def visible_to(self, user):
        from partnership import access

        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            models.Q(pk=user.pk)
            | models.Q(role_assignments__partnership__in=access.business_unit_partnership_ids(user))
        ).distinct()

    def editable_by(self, user):
        from partnership import access

        return self.filter(
            role_assignments__partnership__in=access.business_unit_partnership_ids(user)
        ).distinct()
