"""Data tables for the extractor, kept apart from the rules that use them."""
