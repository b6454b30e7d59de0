"""Printable PDFs of pages, rendered by WeasyPrint from the same templates as the HTML."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import CSS, HTML

_PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #0b0c0c; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 14pt; } h3 { font-size: 12pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 10pt; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 4pt 6pt 4pt 0; text-align: left; vertical-align: top; }
.app-no-print, .govuk-visually-hidden { display: none; }
"""


def render_pdf(template_name: str, context: dict, *, base_url: str | None = None) -> bytes:
    """The PDF of `template_name` rendered with `context` (a print-only template, no site chrome)."""
    html = render_to_string(template_name, context)
    return HTML(string=html, base_url=base_url or str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(string=_PRINT_CSS)]
    )


def pdf_response(template_name: str, context: dict, filename: str) -> HttpResponse:
    response = HttpResponse(render_pdf(template_name, context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
