"""The public website: published reports, 7-minute briefings and newsletters. No sign-in."""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from learning.models import Publication
from learning.selectors import publications_for_public
from partnership.models import Partnership
from public.forms import PublicSearchForm
from public.services import publication_context, stored_pdf
from training import calendar as training_calendar
from training.selectors import public_events


def _publication(slug, pk):
    return get_object_or_404(
        Publication.objects.live()
        .select_related("partnership", "document")
        .prefetch_related("themes"),
        partnership__slug=slug,
        pk=pk,
    )


def index(request, slug):
    partnership = get_object_or_404(Partnership, slug=slug)
    years = sorted(
        {
            day.year
            for day in Publication.objects.live()
            .filter(partnership=partnership)
            .dates("published_at", "year")
        },
        reverse=True,
    )
    form = PublicSearchForm(request.GET or None, partnership=partnership, years=years)
    filters = form.cleaned_data if form.is_valid() else {}
    publications = publications_for_public(
        partnership=partnership,
        kind=filters.get("kind", ""),
        theme=filters["theme"].pk if filters.get("theme") else None,
        year=filters.get("year"),
        text=filters.get("q", ""),
    )
    page = Paginator(publications, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "public/index.html",
        {"partnership": partnership, "form": form, "page": page, "query": query.urlencode()},
    )


def publication(request, slug, pk):
    item = _publication(slug, pk)
    return render(request, "public/publication.html", publication_context(item))


def publication_pdf(request, slug, pk):
    """The stored PDF of this version (rendered on its first request)."""
    item = _publication(slug, pk)
    response = FileResponse(
        stored_pdf(publication=item).open("rb"),
        content_type="application/pdf",
        filename=f"{item.partnership.slug}-{item.pk}.pdf",
    )
    response["Content-Disposition"] = f'inline; filename="{item.partnership.slug}-{item.pk}.pdf"'
    return response


def publication_document(request, slug, pk):
    """The document published with a publication, which passed the identifying-detail check."""
    item = _publication(slug, pk)
    if item.document is None or item.document.archived_at:
        raise Http404("No document")
    return FileResponse(
        item.document.file.open("rb"),
        as_attachment=True,
        filename=item.document.original_name,
        content_type=item.document.media_type,
    )


# An email's styles must sit on its elements (email programs drop style sheets), so this page alone
# may carry style attributes; scripts stay refused.
@csp_update({"style-src-attr": [UNSAFE_INLINE]})
def newsletter_email(request, slug, pk):
    item = get_object_or_404(
        Publication.objects.live().select_related("partnership"),
        partnership__slug=slug,
        pk=pk,
        kind=Publication.Kind.NEWSLETTER,
    )
    return render(
        request,
        "public/newsletter_email.html",
        {
            "partnership": item.partnership,
            "publication": item,
            "newsletter": item.newsletter,
            "site_url": settings.SITE_URL,
        },
    )


class TextSummaryAtomFeed(Atom1Feed):
    """Atom with each summary marked as plain text, so a feed reader never renders markup in one."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class LearningFeed(Feed):
    """An Atom feed of the partnership's newest published learning."""

    feed_type = TextSummaryAtomFeed

    def get_object(self, request, slug):
        return get_object_or_404(Partnership, slug=slug)

    def title(self, partnership):
        return f"{partnership.name}: new learning"

    def link(self, partnership):
        return reverse("public:index", args=[partnership.slug])

    def subtitle(self, partnership):
        return "Published reports, 7-minute briefings and newsletters."

    def items(self, partnership):
        return (
            Publication.objects.live()
            .filter(partnership=partnership)
            .select_related("partnership")[:30]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at


def training(request, slug):
    """The partnership's training events still to come, open to anyone."""
    partnership = get_object_or_404(Partnership, slug=slug)
    page = Paginator(public_events(partnership), 20).get_page(request.GET.get("page"))
    return render(request, "public/training.html", {"partnership": partnership, "page": page})


def training_feed(request, slug):
    """The same events as an iCalendar feed, for anyone's calendar."""
    partnership = get_object_or_404(Partnership, slug=slug)
    body = training_calendar.calendar_of(
        public_events(partnership), name=f"{partnership.name}: training"
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slug}-training.ics"'
    return response
