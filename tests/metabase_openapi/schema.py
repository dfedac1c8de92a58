"""Validation of request bodies against the trimmed Metabase OpenAPI document (see README.md)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOC_PATH = Path(__file__).with_name("api.trimmed.json")
DOC_URI = "urn:metabase:api.trimmed.json"


def _one_of_as_any_of(node: Any) -> Any:
    if isinstance(node, dict):
        return {("anyOf" if k == "oneOf" else k): _one_of_as_any_of(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_one_of_as_any_of(v) for v in node]
    return node


@cache
def document() -> dict:
    return json.loads(DOC_PATH.read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    resource = Resource.from_contents(_one_of_as_any_of(document()), default_specification=DRAFT202012)
    return Registry().with_resource(DOC_URI, resource)


def _template_regex(template: str) -> re.Pattern:
    parts = [("[^/]+" if p.startswith("{") else re.escape(p)) for p in template.strip("/").split("/")]
    return re.compile("^/" + "/".join(parts) + "$")


def operation(method: str, path: str) -> tuple[str, dict] | None:
    """(path template, operation object) of the documented operation serving `METHOD path`, or None."""
    concrete = "/" + path.strip("/")
    matches = [(t, ops[method.lower()]) for t, ops in document()["paths"].items()
               if method.lower() in ops and _template_regex(t).match(concrete)]
    # prefer the most literal template (/api/setting/custom-formatting has no literal path, /api/card/{id} does)
    matches.sort(key=lambda m: m[0].count("{"))
    return matches[0] if matches else None


def request_schema(method: str, path: str) -> tuple[str, dict] | None:
    found = operation(method, path)
    if found is None:
        return None
    template, op = found
    schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    return (template, schema) if schema is not None else None


def with_defaults(method: str, path: str, body: dict) -> dict:
    """The body with the top-level Malli defaults the server fills in (is_full_sync, connection_source, ...)."""
    found = request_schema(method, path)
    if found is None or not isinstance(body, dict):
        return body
    props = found[1].get("properties", {})
    return {**{k: p["default"] for k, p in props.items() if "default" in p}, **body}


def errors(method: str, path: str, body: Any) -> list[str]:
    """Every way `body` breaks the request schema of `METHOD path`; [] when it conforms."""
    found = request_schema(method, path)
    if found is None:
        return [f"{method} {path}: no request body schema in {DOC_PATH.name}"]
    template, schema = found
    pointer = "/paths/" + template.replace("~", "~0").replace("/", "~1") + \
        f"/{method.lower()}/requestBody/content/application~1json/schema"
    validator = Draft202012Validator({"$ref": f"{DOC_URI}#{pointer}"}, registry=_registry())
    out = [f"{method} {template}: {'/'.join(map(str, e.absolute_path)) or '(body)'}: {e.message}"
           for e in sorted(validator.iter_errors(body), key=lambda e: list(map(str, e.absolute_path)))]
    if isinstance(body, dict) and schema.get("type") == "object":
        out += [f"{method} {template}: undeclared key {k!r}" for k in body if k not in schema.get("properties", {})]
    return out
