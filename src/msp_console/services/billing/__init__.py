"""Billing use cases: company profile, catalog, contracts, the monthly run, issuing, documents."""

from msp_console.demo import register_demo_extension
from msp_console.services.billing.demo import add_billing_demo

register_demo_extension(add_billing_demo)
