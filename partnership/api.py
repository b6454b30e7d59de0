"""Read-only API of a partnership's structure, for systems that exchange records with Learning Hub."""

from rest_framework import serializers, viewsets

from partnership.models import Organisation


class OrganisationSerializer(serializers.ModelSerializer):
    partnership = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    areas = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "partnership",
            "name",
            "organisation_type",
            "standing",
            "areas",
            "archived_at",
        ]


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    """Organisations of the partnerships the signed-in person works in."""

    serializer_class = OrganisationSerializer

    def get_queryset(self):
        return (
            Organisation.objects.visible_to(self.request.user)
            .select_related("partnership")
            .prefetch_related("areas")
            .order_by("name", "pk")
        )
