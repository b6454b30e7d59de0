"""Versions read from the database, for the keys of cached page parts.

A page part cached under the version of the rows it shows is never stale: any change through any
web or task worker on any host changes the version, the next request builds the part afresh under
the new key, and the old entry is simply never asked for again (the cache forgets it in time). So
nothing needs deleting on write, and the answers stay right even where each process keeps its own
cache (the demo's local memory).
"""

from django.db.models import Count, IntegerField, Max, QuerySet, Sum


def version_of(queryset: QuerySet, *, changed: str = "version") -> str:
    """Changes whenever a row of `queryset` is added, removed or changed.

    `changed` names a field that every write advances: a version number (summed) or a time stamp
    (the latest taken). With the count and the largest id beside it, no mix of additions, removals
    and edits leaves all three as they were: an addition raises the largest id, removals alone
    lower the count, and edits alone raise the sum or the latest time.
    """
    field = queryset.model._meta.get_field(changed)
    advanced = Sum if isinstance(field, IntegerField) else Max
    found = queryset.order_by().aggregate(
        rows=Count("pk"), largest=Max("pk"), changed=advanced(changed)
    )
    return f"{found['rows']}.{found['largest']}.{found['changed']}"
