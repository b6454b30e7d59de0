"""Printable PDFs of pages, rendered by WeasyPrint from the same templates as the HTML."""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

_PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #0b0c0c; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 14pt; } h3 { font-size: 12pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 10pt; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 4pt 6pt 4pt 0; text-align: left; vertical-align: top; }
.app-no-print, .govuk-visually-hidden { display: none; }
"""


def _static_file(name: str) -> Path | None:
    """The file on disk of a static file's name, or None (a name climbing out of the folders included)."""
    try:
        found = finders.find(name)
        if found:
            return Path(found)
        if staticfiles_storage.exists(name):
            return Path(staticfiles_storage.path(name))
    except SuspiciousFileOperation:
        pass
    return None


class StaticFilesOnly(URLFetcher):
    """Gives WeasyPrint the application's own static files, and nothing else.

    A document can hold addresses its author typed (an image in a report): fetching them would let
    a PDF read the server's files (file://) or make requests from inside its network. Addresses
    under the site's static URL are read from the static files on disk; every other is refused,
    and WeasyPrint leaves that image or stylesheet out.
    """

    def fetch(self, url, headers=None):
        static_root = urlsplit(settings.SITE_URL + settings.STATIC_URL)
        address = urlsplit(url)
        if (address.scheme, address.netloc) != (static_root.scheme, static_root.netloc) or not (
            address.path.startswith(static_root.path)
        ):
            raise ValueError(f"{url} is not one of Learning Hub's static files")
        path = _static_file(unquote(address.path.removeprefix(static_root.path)))
        if path is None:
            raise ValueError(f"{url} is not one of Learning Hub's static files")
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": media_type})


def html_to_pdf(html: str, *, tagged: bool = False) -> bytes:
    """`tagged` makes a tagged PDF (PDF/UA-1: headings, lists and tables a screen reader can
    follow, the page's language and title), as a public body's published documents must be
    (Public Sector Bodies Accessibility Regulations 2018)."""
    # Relative links resolve against the site, so links in the PDF lead to its pages.
    return HTML(
        string=html, base_url=settings.SITE_URL + "/", url_fetcher=StaticFilesOnly()
    ).write_pdf(stylesheets=[CSS(string=_PRINT_CSS)], pdf_variant="pdf/ua-1" if tagged else None)


def render_pdf(template_name: str, context: dict, *, tagged: bool = False) -> bytes:
    """The PDF of `template_name` rendered with `context` (a print-only template, no site chrome)."""
    return html_to_pdf(render_to_string(template_name, context), tagged=tagged)


def pdf_response(template_name: str, context: dict, filename: str) -> HttpResponse:
    response = HttpResponse(render_pdf(template_name, context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
