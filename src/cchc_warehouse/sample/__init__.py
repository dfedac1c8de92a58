"""Deterministic sample data for the demo province."""
