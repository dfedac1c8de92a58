"""A trimmed copy of Metabase's OpenAPI document (api.trimmed.json) and a validator for request bodies."""
