from learning import services_publication
from learning.models import Publication
from learning.publication import Subjects
from learning.tests.factories import published_newsletter
from security.permission_matrix import Check, expect

EVERYONE = expect(200, anonymous=200)


def _publication(cast, kind=Publication.Kind.OTHER):
    return services_publication.publication_publish(
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
    return published_newsletter(cast, items=[_publication(cast)], title="Winter newsletter")


def _slug(cast):
    return {"slug": cast.partnership.slug}


CHECKS = [
    Check("public:index", EVERYONE, kwargs=_slug),
    Check("public:feed", EVERYONE, kwargs=_slug),
    Check("public:training", EVERYONE, kwargs=_slug),
    Check("public:training_feed", EVERYONE, kwargs=_slug),
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
        "public:publication_document",
        expect(404, anonymous=404),
        kwargs=lambda cast: {"slug": cast.partnership.slug, "pk": _publication(cast).pk},
        label="without a document",
    ),
    Check(
        "public:newsletter_email",
        EVERYONE,
        kwargs=lambda cast: {"slug": cast.partnership.slug, "pk": _newsletter(cast).pk},
    ),
]
