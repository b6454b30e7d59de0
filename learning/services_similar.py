"""The similar-work index: what sources publish into it, and the writes that keep it current.

A source app describes each of its records with a `SimilarWorkDocument` (a function it registers
once, in its AppConfig's `ready`, with `register`), and calls `similar_work_changed(source=...)` from
each service that changes what the document would say. The change is indexed by the background
worker after the transaction commits (`learning.tasks.similar_work_index`), never in the request.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from core.bulk import copy_rows
from learning import retrieval
from learning.models import (
    Finding,
    Recommendation,
    SimilarWorkCorpus,
    SimilarWorkEntry,
    SimilarWorkPosting,
    SimilarWorkTerm,
)


@dataclass(frozen=True)
class SimilarWorkDocument:
    """What similar-work search knows of one record. Text must never identify a child."""

    partnership_id: int
    kind: str
    reference: str
    title: str
    text: str
    url: str
    stage: str = ""
    closed_on: date | None = None
    recorded_on: date | None = None
    themes: Iterable = field(default_factory=tuple)
    agencies: Iterable[str] = field(default_factory=tuple)


def day_of(moment) -> date | None:
    """The local calendar day of a stored moment, for a document's dates."""
    return timezone.localdate(moment) if moment else None


Describe = Callable[[models.Model], SimilarWorkDocument | None]
_describers: dict[type[models.Model], Describe] = {}


def register(model: type[models.Model], describe: Describe) -> None:
    """Take a kind of record into the index; `describe` returns None for one to leave out."""
    _describers[model] = describe


def registered() -> dict[type[models.Model], Describe]:
    return dict(_describers)


def similar_work_changed(*, source: models.Model) -> None:
    """Have the worker index `source` afresh once the current transaction commits."""
    from learning import tasks

    if type(source) not in _describers:
        return
    content_type_id = ContentType.objects.get_for_model(source).pk
    transaction.on_commit(lambda: tasks.similar_work_index.enqueue(content_type_id, source.pk))


def similar_work_learning_changed(*, source: models.Model) -> None:
    """The source's findings and recommendations show its status: have the worker index them
    afresh too once the transaction commits (call it when a source closes)."""
    from learning import tasks

    content_type_id = ContentType.objects.get_for_model(source).pk
    transaction.on_commit(
        lambda: tasks.similar_work_index_learning.enqueue(content_type_id, source.pk)
    )


def similar_work_index_learning(*, content_type: ContentType, object_id: int) -> None:
    for model in (Finding, Recommendation):
        records = model.objects.filter(source_type=content_type, source_id=object_id)
        for pk in records.values_list("pk", flat=True):
            similar_work_index_record(
                content_type=ContentType.objects.get_for_model(model), object_id=pk
            )


def _count_terms(partnership_id: int, terms: set[str], change: int) -> None:
    if not terms:
        return
    if change > 0:
        SimilarWorkTerm.objects.bulk_create(
            [SimilarWorkTerm(partnership_id=partnership_id, term=term) for term in terms],
            ignore_conflicts=True,
        )
    SimilarWorkTerm.objects.filter(partnership_id=partnership_id, term__in=terms).update(
        documents=F("documents") + change
    )


def _padded(terms: list[str]) -> str:
    return f" {' '.join(terms)} "


ENTRY_FIELDS = (
    *("partnership_id", "kind", "reference", "title", "url", "stage", "closed_on"),
    *("recorded_on", "text", "terms", "length", "agencies"),
)


@transaction.atomic
def similar_work_index_record(*, content_type: ContentType, object_id: int) -> None:
    """Write the index entry of one record as its source now describes it, or remove it."""
    model = content_type.model_class()
    record = model._default_manager.filter(pk=object_id).first() if model else None
    describe = _describers.get(model)
    document = describe(record) if record is not None and describe else None
    entries = SimilarWorkEntry.objects.filter(source_type=content_type, source_id=object_id)
    partnership_id = (
        document.partnership_id
        if document
        else entries.values_list("partnership_id", flat=True).first()
    )
    if partnership_id is None:
        return
    # One writer at a time per partnership keeps its term counts exact (the corpus row first,
    # as `similar_work_rebuild` takes it, so two writers never wait on each other).
    SimilarWorkCorpus.objects.get_or_create(partnership_id=partnership_id)
    corpus = SimilarWorkCorpus.objects.select_for_update().get(partnership_id=partnership_id)
    entry = entries.first()
    before = set(entry.terms.split()) if entry else set()
    if entry:
        corpus.documents -= 1
        corpus.total_length -= entry.length
    if document is None:
        if entry:
            entry.delete()
        _count_terms(partnership_id, before, -1)
        corpus.save()
        return
    terms = retrieval.terms(f"{document.title}\n{document.text}")
    fresh = _entry(content_type.pk, object_id, document, terms)
    values = {name: getattr(fresh, name) for name in ENTRY_FIELDS}
    entry, _ = SimilarWorkEntry.objects.update_or_create(
        source_type=content_type, source_id=object_id, defaults=values
    )
    entry.themes.set(list(document.themes))
    after = set(terms)
    _count_terms(partnership_id, after - before, 1)
    _count_terms(partnership_id, before - after, -1)
    corpus.documents += 1
    corpus.total_length += len(terms)
    corpus.save()
    entry.postings.all().delete()
    SimilarWorkPosting.objects.bulk_create(
        SimilarWorkPosting(partnership_id=partnership_id, term=term, entry=entry, weight=weight)
        for term, weight in _weights(terms, corpus.average_length)
    )


def _weights(terms: list[str], average_length: float):
    """Each distinct term of an entry with its BM25 weight in it (`retrieval.term_weight`)."""
    for term, frequency in Counter(terms).items():
        yield (
            term,
            retrieval.term_weight(frequency, length=len(terms), average_length=average_length),
        )


def _entry(content_type_id: int, object_id: int, document: SimilarWorkDocument, terms):
    return SimilarWorkEntry(
        partnership_id=document.partnership_id,
        source_type_id=content_type_id,
        source_id=object_id,
        kind=document.kind,
        reference=document.reference[:80],
        title=document.title[:300],
        url=document.url,
        stage=document.stage[:80],
        closed_on=document.closed_on,
        recorded_on=document.recorded_on,
        text=document.text,
        terms=_padded(terms),
        length=len(terms),
        agencies="\n".join(name.strip() for name in document.agencies if name.strip()),
    )


BATCH = 2000


@transaction.atomic
def similar_work_rebuild(*, partnership) -> int:
    """Index every registered record of a partnership afresh, in bulk; returns how many."""
    SimilarWorkCorpus.objects.get_or_create(partnership=partnership)
    corpus = SimilarWorkCorpus.objects.select_for_update().get(partnership=partnership)
    SimilarWorkPosting.objects.filter(partnership=partnership).delete()
    SimilarWorkEntry.objects.filter(partnership=partnership).delete()
    SimilarWorkTerm.objects.filter(partnership=partnership).delete()
    containing: Counter = Counter()
    corpus.documents = corpus.total_length = 0
    Through = SimilarWorkEntry.themes.through

    def write(batch):
        entries = SimilarWorkEntry.objects.bulk_create([entry for entry, _ in batch])
        Through.objects.bulk_create(
            Through(similarworkentry_id=entry.pk, theme_id=theme)
            for entry, (_, themes) in zip(entries, batch, strict=True)
            for theme in themes
        )

    for model, describe in _describers.items():
        content_type_id = ContentType.objects.get_for_model(model).pk
        records = model._default_manager.all()
        lookup = getattr(records, "partnership_lookup", "partnership")
        batch = []
        for record in records.filter(**{lookup: partnership}).iterator(chunk_size=BATCH):
            document = describe(record)
            if document is None:
                continue
            terms = retrieval.terms(f"{document.title}\n{document.text}")
            containing.update(set(terms))
            corpus.documents += 1
            corpus.total_length += len(terms)
            entry = _entry(content_type_id, record.pk, document, terms)
            batch.append((entry, [getattr(theme, "pk", theme) for theme in document.themes]))
            if len(batch) >= BATCH:
                write(batch)
                batch = []
        if batch:
            write(batch)
    SimilarWorkTerm.objects.bulk_create(
        (
            SimilarWorkTerm(partnership=partnership, term=term, documents=count)
            for term, count in containing.items()
        ),
        batch_size=BATCH,
    )
    corpus.save()
    # Weights need the final average length, so postings follow once every entry is written.
    # Entries are read a batch at a time, not streamed: the connection is busy with each COPY.
    entries = SimilarWorkEntry.objects.filter(partnership=partnership).order_by("pk")
    last = 0
    while batch := list(entries.filter(pk__gt=last).values_list("pk", "terms")[:BATCH]):
        copy_rows(
            SimilarWorkPosting,
            ("partnership", "term", "entry", "weight"),
            [
                (partnership.pk, term, entry_id, weight)
                for entry_id, padded in batch
                for term, weight in _weights(padded.split(), corpus.average_length)
            ],
        )
        last = batch[-1][0]
    return corpus.documents


def similar_work_reindex(*, partnership=None) -> int:
    """Rebuild the index of one partnership, or of all; returns how many records it holds."""
    from partnership.models import Partnership

    partnerships = [partnership] if partnership else Partnership.objects.order_by("pk")
    return sum(similar_work_rebuild(partnership=each) for each in partnerships)
