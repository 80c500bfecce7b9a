"""Dialogs that create, edit, delete and import records."""
