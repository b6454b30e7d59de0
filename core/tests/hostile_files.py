"""Files made to break an import: too large, zip bombs, broken zips, hostile XML, wrong encodings.

Each builder returns (file name, content, words the refusal must contain). Used by the tests of
every upload of tables (core, chronologies, performance figures).
"""

import io
import zipfile

from openpyxl import Workbook

TOO_LARGE = "must be smaller than"
UNREADABLE_XLSX = "is not a readable XLSX spreadsheet"
NOT_UTF8 = "is not a CSV saved as UTF-8"


def workbook(rows=(("date", "event"), ("2026-01-05", "Home visit"))) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _with_parts(base: bytes, parts: dict[str, bytes], *, drop: tuple[str, ...] = ()) -> bytes:
    """A copy of the zip `base` with `parts` added or replaced and `drop` left out."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            if entry.filename not in parts and entry.filename not in drop:
                target.writestr(entry, source.read(entry))
        for name, content in parts.items():
            target.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def zip_bomb(unpacked_bytes: int) -> tuple[str, bytes, str]:
    """A real workbook carrying a part of zeros that unpacks to `unpacked_bytes`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook())) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            target.writestr(entry, source.read(entry))
        padding_part = zipfile.ZipInfo("xl/media/padding.bin")
        padding_part.compress_type = zipfile.ZIP_DEFLATED
        with target.open(padding_part, "w", force_zip64=True) as padding:
            chunk = b"\0" * (1 << 20)
            for _ in range(unpacked_bytes // len(chunk) + 1):
                padding.write(chunk)
    return "bomb.xlsx", out.getvalue(), "unpacks to more than"


def too_many_parts() -> tuple[str, bytes, str]:
    parts = {f"xl/media/part{number}.bin": b"x" for number in range(1001)}
    return "parts.xlsx", _with_parts(workbook(), parts), "too many parts"


def broken_zip() -> tuple[str, bytes, str]:
    content = workbook()
    return "broken.xlsx", content[: len(content) // 2], UNREADABLE_XLSX


def zip_that_is_not_a_workbook() -> tuple[str, bytes, str]:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "not a spreadsheet")
    return "notes.xlsx", out.getvalue(), UNREADABLE_XLSX


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""


def entity_expansion_in_a_sheet() -> tuple[str, bytes, str]:
    """The "billion laughs": a sheet whose text expands to gigabytes if entities are followed."""
    return (
        "laughs.xlsx",
        _with_parts(workbook(), {"xl/worksheets/sheet1.xml": LAUGHS}),
        UNREADABLE_XLSX,
    )


def external_entity_in_the_workbook() -> tuple[str, bytes, str]:
    """An XML external entity that would read a file of the server into the workbook."""
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">&secret;'
        b"</workbook>"
    )
    return "xxe.xlsx", _with_parts(workbook(), {"xl/workbook.xml": xxe}), UNREADABLE_XLSX


def latin1_csv() -> tuple[str, bytes, str]:
    return "latin1.csv", "date,event\n2026-01-05,Visit to the caf\xe9\n".encode("latin-1"), NOT_UTF8


def csv_with_nul_bytes() -> tuple[str, bytes, str]:
    return "nul.csv", b"date,event\n2026-01-05,Visit\x00\x00\n", NOT_UTF8


def csv_with_an_endless_cell() -> tuple[str, bytes, str]:
    """A cell longer than Python's csv module reads, in the header so every import meets it."""
    return "long.csv", b'"' + b"x" * 200_000 + b'",event\n', "cannot be read as CSV"


def not_a_table() -> tuple[str, bytes, str]:
    return "report.pdf", b"%PDF-1.7\n", "must be a CSV or an XLSX spreadsheet"


def empty_file() -> tuple[str, bytes, str]:
    return "empty.csv", b"", "is empty"


# Refused whatever the row layout; a zip bomb of 2 MB, for tests that lower the unpacked limit to 1 MB.
REFUSED_ANY_TABLE = (
    broken_zip,
    zip_that_is_not_a_workbook,
    too_many_parts,
    entity_expansion_in_a_sheet,
    external_entity_in_the_workbook,
    latin1_csv,
    csv_with_nul_bytes,
    csv_with_an_endless_cell,
    not_a_table,
    empty_file,
)
