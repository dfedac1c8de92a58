"""Provisioning Metabase from the dashboard definitions (`cchc metabase sync`), and dbt exposures for them."""
