"""The print@home ticket drawn by reportlab (Debian's python3-reportlab): the same A4 layout as
electron/core/delivery/ticket-pdf.ts, standard fonts, the QR code as vector shapes. A yardstick for
bench/ticket-pdf-bench.ts, which runs this script and compares medians.

Reads one JSON object from stdin: {"tickets": [...ticket inputs...], "warmup": n}; prints one JSON line:
{"ms": [per-ticket times], "bytes": [sizes]}."""
import io
import json
import sys
import time
from datetime import datetime, timezone

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

W, H = A4
INK = (0.08, 0.13, 0.24)
MUTED = (0.42, 0.48, 0.56)


def render(t):
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.setTitle(f"{t['event']} — {t['seat']}")
    c.setAuthor(t['institution'])
    c.setFillColorRGB(*INK)
    c.rect(0, H - 90, W, 90, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont('Helvetica-Bold', 20)
    c.drawString(40, H - 50, t['institution'])
    c.setFillColorRGB(0.85, 0.88, 0.93)
    c.setFont('Helvetica', 11)
    c.drawString(40, H - 72, 'print@home ticket')
    if t['generation'] > 1:
        c.setFillColorRGB(0.95, 0.66, 0)
        c.rect(W - 200, H - 70, 160, 32, stroke=0, fill=1)
        c.setFillColorRGB(*INK)
        c.setFont('Helvetica-Bold', 14)
        c.drawString(W - 188, H - 59, f"Duplicate #{t['generation'] - 1}")
    when = datetime.fromtimestamp(t['startsAt'] / 1000, timezone.utc).strftime('%A, %d %B %Y at %H:%M')
    c.setFillColorRGB(*INK)
    c.setFont('Helvetica-Bold', 24)
    c.drawString(40, H - 140, t['event'])
    c.setFont('Helvetica', 14)
    c.drawString(40, H - 170, t['venue'])
    c.drawString(40, H - 192, when)
    y = H - 242
    for label, value in (('Seat', t['seat']), ('Holder', t['holder']), ('Order', t['orderNumber']), ('Price', t['price'])):
        c.setFillColorRGB(*MUTED)
        c.setFont('Helvetica-Bold', 9)
        c.drawString(40, y, label.upper())
        c.setFillColorRGB(*INK)
        c.setFont('Helvetica-Bold', 15)
        c.drawString(40, y - 18, value)
        y -= 48
    # The QR code as vector shapes, 4 modules of quiet zone (the widget's default border).
    # A 32-symbol barcode is a version 2 symbol (25 modules) at level M: 25 + 2 * 4 modules in all.
    side = 200 * 33 / 25
    qr = QrCodeWidget(t['barcode'], barLevel='M', barBorder=4, barWidth=side, barHeight=side)
    d = Drawing(side, side)
    d.add(qr)
    renderPDF.draw(d, c, W - 150 - side / 2, H - 360 - side / 2)
    c.setFillColorRGB(*MUTED)
    c.setFont('Helvetica', 9)
    c.drawString(W - 262, H - 502, ' '.join(t['barcode'][i:i + 4] for i in range(0, len(t['barcode']), 4)))
    c.setFont('Helvetica', 10)
    c.drawString(40, 90, 'Show this page, printed or on a screen, at the entrance. Each ticket admits one person once.')
    c.drawString(40, 74, 'Copies of this ticket are refused once the original has been scanned. A reissued ticket replaces all earlier ones.')
    c.showPage()
    c.save()
    return out.getvalue()


def main():
    job = json.load(sys.stdin)
    tickets = job['tickets']
    for t in tickets[: job.get('warmup', 0)]:
        render(t)
    ms, sizes = [], []
    for t in tickets:
        start = time.perf_counter()
        pdf = render(t)
        ms.append((time.perf_counter() - start) * 1000)
        sizes.append(len(pdf))
    print(json.dumps({'ms': ms, 'bytes': sizes}))


if __name__ == '__main__':
    main()
