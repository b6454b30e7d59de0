from learning import services
from learning.models import Publication
from learning.publication import Subjects
from security.permission_matrix import Check, expect

EVERYONE = expect(200, anonymous=200)


def _publication(cast, kind=Publication.Kind.OTHER):
    return services.publication_publish(
        source=None,
        partnership=cast.partnership,
        title="Learning about safe sleep",
        summary="What practitioners should know.",
        body="Body",
        kind=kind,
        subjects=Subjects(),
        by=cast.manager,
    )


def _newsletter(cast):
    newsletter = services.newsletter_create(
        partnership=cast.partnership,
        title="Winter newsletter",
        introduction="Hello",
        items=[_publication(cast)],
        extra_items="",
        by=cast.manager,
    )
    return services.newsletter_publish(newsletter=newsletter, by=cast.manager)


def _slug(cast):
    return {"slug": cast.partnership.slug}


CHECKS = [
    Check("public:index", EVERYONE, kwargs=_slug),
    Check("public:feed", EVERYONE, kwargs=_slug),
    Check(
        "public:publication",
        EVERYONE,
        kwargs=lambda cast: {"slug": cast.partnership.slug, "pk": _publication(cast).pk},
    ),
    Check(
        "public:publication",
        expect(404, anonymous=404),
        kwargs=lambda cast: {"slug": cast.other_partnership.slug, "pk": _publication(cast).pk},
        label="under another partnership's address",
    ),
    Check(
        "public:publication_pdf",
        EVERYONE,
        kwargs=lambda cast: {"slug": cast.partnership.slug, "pk": _publication(cast).pk},
    ),
    Check(
        "public:newsletter_email",
        EVERYONE,
        kwargs=lambda cast: {"slug": cast.partnership.slug, "pk": _newsletter(cast).pk},
    ),
]
