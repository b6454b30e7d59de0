"""The text of documents for the publication check: every readable kind, and clear refusals."""

import io

import docx
import pytest
from odf import text as odf_text
from odf.opendocument import OpenDocumentText
from pypdf import PdfWriter
from weasyprint import HTML

from core.document_text import UnreadableDocument, extract_text


def test_a_pdfs_text_is_read_page_by_page():
    data = HTML(string="<p>First line</p><p style='break-before: page'>Second page</p>").write_pdf()
    assert extract_text(data, "report.pdf").split("\n") == ["First line", "Second page"]


def test_a_docx_gives_its_paragraphs_tables_headers_and_footers():
    document = docx.Document()
    document.add_paragraph("Body text")
    document.add_table(rows=1, cols=2).rows[0].cells[0].text = "In a table"
    document.sections[0].footer.paragraphs[0].text = "In the footer"
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract_text(buffer.getvalue(), "report.DOCX")
    assert "Body text" in text and "In a table" in text and "In the footer" in text


def test_an_odt_gives_its_headings_and_paragraphs():
    document = OpenDocumentText()
    document.text.addElement(odf_text.H(outlinelevel=1, text="A heading"))
    document.text.addElement(odf_text.P(text="A paragraph"))
    buffer = io.BytesIO()
    document.write(buffer)
    assert extract_text(buffer.getvalue(), "report.odt").split("\n") == ["A heading", "A paragraph"]


def test_plain_text_must_be_utf8():
    assert extract_text("Café".encode(), "notes.txt") == "Café"
    with pytest.raises(UnreadableDocument, match="not UTF-8"):
        extract_text("Café".encode("latin-1"), "notes.txt")


def test_a_password_protected_pdf_is_refused_with_the_reason():
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(UnreadableDocument, match="protected by a password"):
        extract_text(buffer.getvalue(), "report.pdf")


def test_a_pdf_without_text_is_refused_rather_than_passed_as_clean():
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(UnreadableDocument, match="no text to check"):
        extract_text(buffer.getvalue(), "scan.pdf")


@pytest.mark.parametrize("name", ["broken.pdf", "broken.docx", "broken.odt"])
def test_a_damaged_document_is_refused_with_the_reason(name):
    with pytest.raises(UnreadableDocument, match="cannot be read"):
        extract_text(b"not a document at all", name)


def test_an_image_cannot_be_checked_and_is_refused():
    with pytest.raises(UnreadableDocument, match="publish a PDF, DOCX, ODT or plain text file"):
        extract_text(b"\x89PNG", "photo.png")
