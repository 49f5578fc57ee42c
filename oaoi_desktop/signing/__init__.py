"""signing layer."""
