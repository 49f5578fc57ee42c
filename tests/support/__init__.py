"""Helpers that build test data through the real services."""
