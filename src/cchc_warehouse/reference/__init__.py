"""Reference data shipped with the package (demo province registry)."""
