"""Pure billing rules: periods, proration, VAT summaries, numbering, Italian fiscal codes."""
