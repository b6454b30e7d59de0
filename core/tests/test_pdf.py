from core.pdf import render_pdf


def test_a_page_renders_to_a_real_pdf_with_pound_signs_and_dashes():
    pdf = render_pdf("core/print.html", {"title": "Report – £1,000", "body": "Child R’s review."})
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 1000
