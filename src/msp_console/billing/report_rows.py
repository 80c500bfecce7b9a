"""A light table for long lists of one-line rows (a month of problems can fill pages).

platypus ``Table`` measures and styles every cell and draws each with its own text object; these
rows have a fixed height and are drawn with one text object per page, which costs a fraction of
it. It looks like the invoice's tables: a tinted header row repeated on every page, a rule under
each row, numbers aligned right.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from msp_console.billing.fonts import register_fonts
from msp_console.billing.invoice_pdf import ACCENT, HEADER_BG, RULE

SIZE, HEAD_SIZE, PAD = 8.2, 7.8, 6.0
ROW_H = 15.3  # the same rhythm as the Table it replaces (leading 9.8 + padding 2.5 / 3)


class Rows(Flowable):
    """``rows[0]`` is the header; every cell is a string already cut to its column."""

    def __init__(self, rows: list[list[str]], widths: list[float], right: int = 0):
        super().__init__()
        self.rows, self.widths, self.right = rows, widths, right
        self.width = sum(widths)
        self.height = ROW_H * len(rows)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        fits = int(avail_height // ROW_H) - 1  # body rows under the header
        if fits < 1:
            return []  # not even one row: the frame moves on to the next page
        head, body = self.rows[:1], self.rows[1:]
        return [
            Rows(head + body[:fits], self.widths, self.right),
            Rows(head + body[fits:], self.widths, self.right),
        ]

    def draw(self) -> None:
        c = self.canv
        regular, bold = register_fonts()
        top = self.height
        c.saveState()
        c.setFillColor(HEADER_BG)
        c.rect(0, top - ROW_H, self.width, ROW_H, stroke=0, fill=1)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        for i in range(2, len(self.rows) + 1):
            c.line(0, top - i * ROW_H, self.width, top - i * ROW_H)
        text = c.beginText()
        lefts = [sum(self.widths[:i]) for i in range(len(self.widths))]
        first_right = len(self.widths) - self.right
        for i, row in enumerate(self.rows):
            font, size = (bold, HEAD_SIZE) if i == 0 else (regular, SIZE)
            text.setFont(font, size)
            text.setFillColor(ACCENT if i == 0 else colors.black)
            baseline = top - (i + 1) * ROW_H + 4.6
            for col, cell in enumerate(row):
                if not cell:
                    continue
                x = lefts[col] + PAD
                if col >= first_right:
                    x = lefts[col] + self.widths[col] - PAD - stringWidth(cell, font, size)
                text.setTextOrigin(x, baseline)
                text.textOut(cell)
        c.drawText(text)
        c.restoreState()
