"""The one gate to the public site, and withdrawal from it.

Every route that puts something on the public site (a review's report, learning from any source,
7-minute briefings, newsletters, and anything added later) calls `publication_publish`. It checks the
title, summary, body and any attached document's text against the identifying details of every
source the text is drawn from, refuses with the hits, and records who published which version.
"""

import calendar
import hashlib
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from core import audit
from core.document_text import UnreadableDocument, extract_text
from core.documents import check_upload
from core.models import AuditEvent, Document
from core.services import document_upload
from learning.models import Newsletter, Publication
from learning.publication import Hit, Subjects, combine, find_identifying_details

# Working Together 2023 (chapter 5): a published review report stays available for at least a year.
MINIMUM_REVIEW_REPORT_MONTHS = 12


class PublicationRefused(ValidationError):
    """The text names or otherwise identifies a child; `hits` says where."""

    def __init__(self, hits: list[Hit], where: str = ""):
        self.hits = hits
        super().__init__(
            [f"{where}line {hit.line}: {hit.kind}: {hit.matched}" for hit in hits],
            code="identifying_details",
        )


class DocumentUnreadable(ValidationError):
    """An attached document whose text cannot be read is never published unchecked."""

    def __init__(self, reason: str):
        super().__init__(
            f"The attached document cannot be checked for identifying details, so it cannot be "
            f"published: {reason}",
            code="unreadable_document",
        )


def subjects_of(sources) -> Subjects:
    """The identifying details recorded against the sources (each source's `learning_subjects`)."""
    return combine(
        subjects
        for source in sources
        if source is not None
        and (subjects := getattr(source, "learning_subjects", None)) is not None
    )


def publication_sources(publication: Publication) -> list[models.Model]:
    """The records a published text is drawn from: its source, a briefing's findings' sources, and
    for a newsletter those of every item it lists."""
    sources = [publication.source] if publication.source_id else []
    briefing = getattr(publication, "briefing", None)
    if briefing is not None:
        sources += [finding.source for finding in briefing.findings.all()]
    newsletter = getattr(publication, "newsletter", None)
    if newsletter is not None:
        for item in newsletter.items.all():
            sources += publication_sources(item)
    return sources


def _upload_text(upload) -> str:
    """The text of an uploaded document, read before anything is stored."""
    check_upload(upload)
    data = upload.read()
    upload.seek(0)
    try:
        return extract_text(data, upload.name)
    except UnreadableDocument as problem:
        raise DocumentUnreadable(str(problem)) from None


def check_for_publication(
    *, title: str, summary: str, body: str, subjects: Subjects, document_text: str | None = None
) -> str:
    """Refuse text (and an attached document's text) that identifies a subject; else the digest of
    exactly what was checked, recorded with the publication."""
    text = "\n".join([title, summary, body])
    hits = find_identifying_details(text, subjects)
    if hits:
        raise PublicationRefused(hits)
    digest = hashlib.sha256(text.encode())
    if document_text is not None:
        hits = find_identifying_details(document_text, subjects)
        if hits:
            raise PublicationRefused(hits, where="attached document, ")
        digest.update(document_text.encode())
    return digest.hexdigest()


@transaction.atomic
def publication_publish(
    *,
    source: models.Model | None,
    title: str,
    summary: str,
    body: str,
    kind: str,
    by,
    subjects: Subjects | None = None,
    sources=(),
    version_label: str = "",
    upload=None,
    partnership=None,
    themes=(),
) -> Publication:
    """Put text (and an uploaded PDF, DOCX, ODT or text document) on the public site once it is
    clear of the identifying details of `source`, of every other record in `sources` it draws on,
    and of any further `subjects`. A document is stored only once it has passed."""
    checked = subjects_of([source, *sources]) + (subjects or Subjects())
    digest = check_for_publication(
        title=title,
        summary=summary,
        body=body,
        subjects=checked,
        document_text=_upload_text(upload) if upload is not None else None,
    )
    publication = Publication.objects.create(
        partnership=partnership or source.partnership,
        source_type=ContentType.objects.get_for_model(source) if source is not None else None,
        source_id=source.pk if source is not None else None,
        kind=kind,
        title=title,
        summary=summary,
        body=body,
        published_by=by,
        version_label=version_label,
        content_digest=digest,
    )
    publication.themes.set(themes)
    if upload is not None:
        publication.document = document_upload(
            owner=publication,
            partnership=publication.partnership,
            upload=upload,
            title=title,
            kind=Document.Kind.REPORT,
            by=by,
        )
        publication.save(update_fields=["document"])
    audit.record(
        event=AuditEvent.Event.PUBLISHED,
        actor=by,
        subject=publication,
        details={"kind": kind, "version": version_label, "digest": digest},
    )
    return publication


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` calendar months on (the month's last day if it is shorter)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    return moment.replace(
        year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1])
    )


def is_review_report(publication: Publication) -> bool:
    """A review's report, whatever kind it was published as."""
    return publication.kind == Publication.Kind.REVIEW_REPORT or bool(
        publication.source_id
        and getattr(publication.source, "learning_publishes_review_reports", False)
    )


def newsletter_text(newsletter) -> tuple[str, str]:
    """The newsletter as one text (summary, body): every item with its linked summary, then the
    other items. A withdrawn item is named only as withdrawn."""
    items = "\n".join(
        "- Withdrawn item" if item.withdrawn_at else f"- {item.title}: {item.summary}"
        for item in newsletter.items.all()
    )
    return newsletter.introduction, "\n".join(filter(None, [items, newsletter.extra_items]))


def forget_rendered(publication: Publication) -> None:
    """Drop the stored PDF (after the transaction commits), so nothing stale is served."""
    if publication.rendered_pdf:
        name, storage = publication.rendered_pdf.name, publication.rendered_pdf.storage
        transaction.on_commit(lambda: storage.delete(name))
        Publication.objects.filter(pk=publication.pk).update(rendered_pdf="")
        publication.rendered_pdf = ""


def _withdraw_from_newsletters(publication: Publication) -> list[str]:
    """Every published newsletter listing it shows it as withdrawn: its stored text (searched by the
    public site) is rewritten and its stored PDF rendered again."""
    changed = []
    for newsletter in Newsletter.objects.filter(
        items=publication, publication__isnull=False
    ).select_related("publication"):
        listing = newsletter.publication
        listing.summary, listing.body = newsletter_text(newsletter)
        listing.save(update_fields=["summary", "body"])
        forget_rendered(listing)
        changed.append(listing.title)
    return changed


@transaction.atomic
def publication_withdraw(*, publication: Publication, reason: str, by) -> Publication:
    """Take a publication off the public site everywhere: its page, PDF, feed entry and search
    result, every newsletter listing it, and its stored files."""
    if publication.withdrawn_at:
        raise ValidationError("This has already been withdrawn")
    if not reason.strip():
        raise ValidationError("Give the reason for withdrawing it")
    published = timezone.localtime(publication.published_at)
    stays_until = add_months(published, MINIMUM_REVIEW_REPORT_MONTHS)
    if is_review_report(publication) and timezone.now() < stays_until:
        raise ValidationError(
            "A published review report must stay available for at least 12 months: "
            f"it can be withdrawn from {stays_until:%d %B %Y}"
        )
    publication.withdrawn_at = timezone.now()
    publication.withdrawn_reason = reason.strip()
    publication.save(update_fields=["withdrawn_at", "withdrawn_reason"])
    forget_rendered(publication)
    if publication.document_id:
        Document.objects.filter(pk=publication.document_id).update(archived_at=timezone.now())
    newsletters = _withdraw_from_newsletters(publication)
    audit.record(
        event=AuditEvent.Event.WITHDRAWN,
        actor=by,
        subject=publication,
        details={"reason": reason, "newsletters": newsletters},
    )
    return publication
