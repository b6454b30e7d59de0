"""Uploaded tables: refused on the form when too large, a zip bomb, broken or not UTF-8; read without
ever raising anything but UnreadableTable; large ones sized for the background worker."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core import tables
from core.tests import hostile_files


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def test_a_zip_bomb_is_refused_before_it_is_unpacked_with_the_default_limit(settings):
    assert settings.UPLOAD_MAX_UNCOMPRESSED_BYTES == 200 * 1024 * 1024
    name, content, refusal = hostile_files.zip_bomb(201 * 1024 * 1024)
    assert len(content) < settings.UPLOAD_MAX_BYTES  # small to upload, huge to unpack
    with pytest.raises(ValidationError, match=refusal):
        tables.check_table_upload(_upload(name, content))
    with pytest.raises(tables.UnreadableTable, match=refusal):
        list(tables.read_table(io.BytesIO(content), name))


@pytest.mark.parametrize(
    "hostile", hostile_files.REFUSED_ANY_TABLE, ids=lambda build: build.__name__
)
def test_a_hostile_file_is_refused_on_the_form_or_when_read_never_with_another_error(hostile):
    name, content, refusal = hostile()
    try:
        tables.check_table_upload(_upload(name, content))
    except ValidationError as refused:
        assert refusal in refused.messages[0]
        return
    with pytest.raises(tables.UnreadableTable, match=refusal):
        list(tables.read_table(io.BytesIO(content), name))


def test_a_file_over_the_upload_limit_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    with pytest.raises(ValidationError, match="must be smaller than 1 MB"):
        tables.check_table_upload(_upload("big.csv", b"date,event\n" + b"x" * (1024 * 1024)))


def test_a_good_csv_and_xlsx_are_accepted_and_read():
    csv = b"date,event\n2026-01-05,Home visit\n"
    for name, content in (("a.csv", csv), ("a.xlsx", hostile_files.workbook())):
        tables.check_table_upload(_upload(name, content))
        assert list(tables.read_table(io.BytesIO(content), name)) == [
            ["date", "event"],
            ["2026-01-05", "Home visit"],
        ]


def test_a_table_of_a_few_thousand_rows_goes_to_the_background_worker():
    rows = [("date", "event"), *[("2026-01-05", "Home visit")] * tables.BACKGROUND_ROWS]
    small = rows[: tables.BACKGROUND_ROWS]
    csv = "\n".join(",".join(row) for row in rows).encode() + b"\n"
    assert tables.measure(io.BytesIO(csv), "a.csv") == tables.TableSize(
        rows=tables.BACKGROUND_ROWS, text_bytes=len(csv)
    )
    assert not tables.measure(io.BytesIO(hostile_files.workbook(small)), "a.xlsx").is_large
    assert tables.measure(io.BytesIO(hostile_files.workbook([*rows, rows[1]])), "a.xlsx").is_large
