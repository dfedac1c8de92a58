"""CCHC warehouse."""
