"""Invoice documents: the printable PDF, the FatturaPA XML, the monthly service report.

Renderers take plain read models (document.py), never database sessions.
"""
