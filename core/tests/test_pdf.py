from core.pdf import render_pdf


def test_a_page_renders_to_a_real_pdf_with_pound_signs_and_dashes(tmp_path, settings):
    template = tmp_path / "print.html"
    template.write_text("<h1>Report – £1,000</h1><p>Child R’s review.</p>")
    settings.TEMPLATES[0]["DIRS"] = [*settings.TEMPLATES[0]["DIRS"], tmp_path]
    pdf = render_pdf("print.html", {})
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 1000
