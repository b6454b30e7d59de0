"""PDFs render with real WeasyPrint, fetching the application's own static files and nothing else."""

import io
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from pypdf import PdfReader

from core.pdf import html_to_pdf, render_pdf

PNG = "build/assets/images/govuk-icon-180.png"


def test_a_page_renders_to_a_real_pdf_with_pound_signs_and_dashes():
    pdf = render_pdf("core/print.html", {"title": "Report – £1,000", "body": "Child R’s review."})
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 1000


def _images(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def web_server():
    """A server on this machine that notes every request it is sent."""
    requests = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", requests
    server.shutdown()


def test_an_image_of_the_applications_own_static_files_is_included(settings):
    pdf = html_to_pdf(f'<img src="{settings.STATIC_URL}{PNG}" alt="">')
    assert _images(pdf) == 1


def test_a_file_on_the_server_is_never_read_into_a_pdf(tmp_path, settings):
    secret = tmp_path / "secret.png"
    secret.write_bytes((settings.BASE_DIR / "static" / PNG).read_bytes())
    pdf = html_to_pdf(
        f'<img src="file:///etc/passwd" alt=""><img src="file://{secret}" alt="">'
        f'<link rel="stylesheet" href="file://{secret}"><p>Report</p>'
    )
    assert _images(pdf) == 0
    assert b"root:" not in pdf


@pytest.mark.parametrize(
    "path",
    [
        "/static/../etc/passwd",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/learn/south-tees/",
        "/favicon.png",
    ],
)
def test_no_address_but_a_static_file_is_fetched_even_on_the_sites_own_host(
    web_server, settings, path
):
    address, requests = web_server
    settings.SITE_URL = address
    html_to_pdf(f'<img src="{address}{path}" alt=""><img src="{path}" alt="">')
    assert requests == []


def test_nothing_is_fetched_over_the_network(web_server):
    address, requests = web_server
    pdf = html_to_pdf(
        f'<img src="{address}/tracker.png" alt="">'
        f'<link rel="stylesheet" href="{address}/style.css">'
        f'<p style="background: url({address}/background.png)">Report</p>'
    )
    assert requests == []
    assert _images(pdf) == 0
