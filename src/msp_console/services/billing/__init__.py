"""Billing use cases: company profile, catalog, contracts, the monthly run, issuing, documents."""
