"""Datasette plugin for the claim ledger (filled in by the database issue)."""
