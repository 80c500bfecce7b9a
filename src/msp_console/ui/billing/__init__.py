"""The Billing panel: monthly run with preview, invoice list, issuing, printing, contracts."""
