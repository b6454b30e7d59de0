"""The text of a document (PDF, DOCX, ODT, plain text), so it can be checked before it is published.

A document whose text cannot be read raises `UnreadableDocument` with the reason: the caller refuses
to publish it rather than publish it unchecked.
"""

import io
import zipfile
from pathlib import Path

READABLE = (".pdf", ".docx", ".odt", ".txt")


class UnreadableDocument(Exception):
    """The document's text cannot be read; the message says why, for the person."""


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableDocument("The PDF is protected by a password: upload it unprotected")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise UnreadableDocument(f"The PDF cannot be read ({error})") from None
    text = "\n".join(pages)
    if pages and not text.strip():
        raise UnreadableDocument(
            "The PDF has no text to check (it may be scanned images): upload a PDF with its text"
        )
    return text


def _docx_text(data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument(f"The DOCX file cannot be read ({error})") from None
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    for section in document.sections:
        for part in (section.header, section.footer):
            lines += [paragraph.text for paragraph in part.paragraphs]
    return "\n".join(lines)


def _odt_text(data: bytes) -> str:
    from odf import teletype, text
    from odf.opendocument import load

    try:
        document = load(io.BytesIO(data))
    except Exception as error:  # odfpy passes on whatever its zip and XML readers raise
        raise UnreadableDocument(f"The ODT file cannot be read ({error})") from None
    return "\n".join(
        teletype.extractText(element)
        for kind in (text.H, text.P)
        for element in document.getElementsByType(kind)
    )


def _plain_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableDocument("The text file is not UTF-8: save it as UTF-8") from None


READERS = {".pdf": _pdf_text, ".docx": _docx_text, ".odt": _odt_text, ".txt": _plain_text}


def extract_text(data: bytes, name: str) -> str:
    """The text of a document named `name` (its extension says how to read it)."""
    reader = READERS.get(Path(name).suffix.lower())
    if reader is None:
        raise UnreadableDocument(
            f"{Path(name).name} cannot be checked for identifying details: "
            f"publish a PDF, DOCX, ODT or plain text file"
        )
    return reader(data)
