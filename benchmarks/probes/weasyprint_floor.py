"""Floor for the PDF export: WeasyPrint rendering a one-line HTML page to PDF."""

import io

from weasyprint import HTML

HTML(string="<p>storybank</p>").write_pdf(io.BytesIO())
