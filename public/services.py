"""The public site's one write: the printable PDF of a publication, rendered once per published
version and kept (the learning spine drops it when the publication changes or is withdrawn)."""

from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile

from core.pdf import render_pdf
from learning.models import Publication


def publication_context(publication: Publication) -> dict:
    """What the page and the PDF show: a briefing's sections, a newsletter's items."""
    return {
        "partnership": publication.partnership,
        "publication": publication,
        "briefing": getattr(publication, "briefing", None)
        if publication.kind == Publication.Kind.BRIEFING
        else None,
        "newsletter": getattr(publication, "newsletter", None)
        if publication.kind == Publication.Kind.NEWSLETTER
        else None,
    }


def stored_pdf(*, publication: Publication) -> FieldFile:
    """The publication's PDF, rendered now only if no stored one exists."""
    if not publication.rendered_pdf:
        content = render_pdf(
            "public/publication_print.html", publication_context(publication), tagged=True
        )
        publication.rendered_pdf.save(f"{publication.pk}.pdf", ContentFile(content), save=False)
        # Two first requests at once: the first stored file wins, the other is removed.
        kept = Publication.objects.filter(pk=publication.pk, rendered_pdf="").update(
            rendered_pdf=publication.rendered_pdf.name
        )
        if not kept:
            publication.rendered_pdf.delete(save=False)
            publication.refresh_from_db(fields=["rendered_pdf"])
    return publication.rendered_pdf
