"""Writing many plain rows at once: PostgreSQL's COPY, or executemany on SQLite.

For large imports and the benchmark's world, where the ORM's per-instance work (building a model,
preparing every field) costs more than the database's. Rows hold the columns' values as Python
values of the model's fields; each is prepared by its field, as the ORM would.
"""

from collections.abc import Callable, Iterable, Sequence

from django.db import connection, models

PROGRESS_EVERY = 10_000


def copy_rows(
    model: type[models.Model],
    columns: Sequence[str],
    rows: Iterable[Sequence],
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert `rows` (values of `columns`, fields of `model`) and say how many were written;
    `progress` hears how many so far, every ten thousand rows.

    Defaults of the model are not applied: give every column that has no default in the database.
    """
    fields = [model._meta.get_field(name) for name in columns]
    prepare = [field.get_db_prep_save if _needs_preparing(field) else None for field in fields]
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(field.column) for field in fields)

    def prepared(row: Sequence) -> list:
        return [
            value if preparer is None else preparer(value, connection)
            for preparer, value in zip(prepare, row, strict=True)
        ]

    written = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(prepared(row))
                    written += 1
                    if progress and written % PROGRESS_EVERY == 0:
                        progress(written)
            return written
        insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(fields))})"
        batch = []
        for row in rows:
            batch.append(prepared(row))
            if len(batch) == PROGRESS_EVERY:
                cursor.executemany(insert, batch)
                written += len(batch)
                batch = []
                if progress:
                    progress(written)
        cursor.executemany(insert, batch)
        return written + len(batch)


def _needs_preparing(field: models.Field) -> bool:
    """Whether a value needs its field's preparation: plain numbers, text and foreign keys do not."""
    plain = (
        models.AutoField,
        models.BigAutoField,
        models.IntegerField,
        models.CharField,
        models.TextField,
        models.ForeignKey,
        models.BooleanField,
    )
    return not isinstance(field, plain)
