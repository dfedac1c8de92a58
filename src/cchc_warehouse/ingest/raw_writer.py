"""The raw writer: data rows of a table become the source's raw table rows (the text as received, the value each
parsing rule read from it, lineage: load, file, row, sheet), streamed into Postgres with one COPY."""

from __future__ import annotations

import io
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from psycopg import sql
from psycopg.copy import QueuedLibpqWriter

from cchc_warehouse import privacy
from cchc_warehouse.ingest import parsing
from cchc_warehouse.ingest.batches import FileLayout, RowBatch, TableRead
from cchc_warehouse.ingest.layout import Layout
from cchc_warehouse.ingest.region import Skipped
from cchc_warehouse.sources import SourceSpec


@dataclass
class CopyStats:
    records: int = 0               # records after the header (data, blank, footer)
    written: int = 0
    skipped: list[Skipped] = field(default_factory=list)   # rows below the header that are not data, and why
    unit_codes: list[str] = field(default_factory=list)   # filled once units are resolved (ingest.load)


def _json_text(v: pa.Array) -> pa.Array:
    """JSON string literal of each value ("null" for NULL), for the extra column."""
    esc = pc.replace_substring(pc.replace_substring(v, "\\", "\\\\"), '"', '\\"')
    esc = pc.replace_substring_regex(esc, r"[\x00-\x1f]", " ")
    return pc.fill_null(pc.binary_join_element_wise('"', esc, '"', ""), "null")


def _json_value(v: pa.Array) -> pa.Array:
    """JSON literal of typed values: numbers and booleans as such, text quoted, NULL as null."""
    if pa.types.is_string(v.type):
        return _json_text(v)
    if pa.types.is_date(v.type):
        return _json_text(v.cast(pa.string()))
    return pc.fill_null(pc.cast(v, pa.string()), "null")


def _json_object(keys: list[str], values: list[pa.Array], n: int) -> pa.Array:
    if not keys:
        return pa.array(["{}"] * n, pa.string())
    parts: list = ["{"]
    for k, (key, vals) in enumerate(zip(keys, values, strict=True)):
        parts += [("," if k else "") + _json_text(pa.array([key])).to_pylist()[0] + ":", vals]
    parts.append("}")
    return pc.binary_join_element_wise(*[p if isinstance(p, pa.Array) else pa.scalar(p) for p in parts], "")


def _screened(lay: Layout, header: str, values: pa.Array) -> pa.Array:
    """An unknown column's values, screened for personal data: from the first personal-looking value on
    (privacy.looks_personal: an ID number, a phone, an e-mail) the column is dropped, recorded among the file's
    dropped columns by its header only; no personal-looking value is ever written."""
    if header in lay.dropped:
        return pa.nulls(len(values), pa.string())
    if values.null_count == len(values):
        return values
    personal = parsing.by_distinct(values, lambda d: pa.array([privacy.looks_personal(v) for v in d.to_pylist()],
                                                              pa.bool_()))
    personal = pc.fill_null(personal, False)
    if not pc.any(personal).as_py():
        return values
    lay.dropped.append(header)
    return pa.nulls(len(values), pa.string())


def _output(spec: SourceSpec, fl: FileLayout, b: RowBatch, load_id: int, file_id: int,
            total_labels: pa.Array | None = None) -> tuple[list[str], pa.Table]:
    lay = fl.layout
    n = len(b.numbers)
    n_contract, n_family = len(lay.columns), len(lay.families)
    cells = [parsing.nfc(c) for c in b.kept(lay.kept_indexes)]
    names = ["load_id", "file_id", "source_row"]
    arrays: list[pa.Array] = [pa.array([load_id] * n, pa.int64()), pa.array([file_id] * n, pa.int64()), b.numbers]
    contract = list(zip(lay.columns.values(), cells[:n_contract], strict=True))
    contract += [(spec.column(name), pa.array([value] * n, pa.string())) for name, value in lay.constants.items()]
    typed: dict[str, pa.Array] = {}
    for col, values in sorted(contract, key=lambda cv: bool(cv[0].depends)):   # dependencies first
        names.append(col.text_name)
        arrays.append(values)
        if col.in_raw:
            extra_args = [typed.get(d, pa.nulls(n, pa.int32())) for d in col.depends]
            typed[col.name] = parsing.parse(col.parse, values, *extra_args)
            names.append(col.value_name)
            arrays.append(typed[col.name])
    for fam in spec.families:
        members = [(key, values) for (f, key), values in
                   zip(lay.families.values(), cells[n_contract:n_contract + n_family], strict=True) if f is fam]
        keys = [k for k, _ in members]
        names += [fam.text_name, fam.name]
        arrays.append(_json_object(keys, [_json_text(v) for _, v in members], n))
        arrays.append(_json_object(keys, [_json_value(parsing.parse(fam.parse, v)) for _, v in members], n))
    if lay.extra:
        names.append("extra")
        screened = [_screened(lay, header, v) for header, v in zip(lay.extra.values(), cells[n_contract + n_family:],
                                                                    strict=True)]
        arrays.append(_json_object(list(lay.extra.values()), [_json_text(v) for v in screened], n))
    if fl.sheet_name is not None:
        names.append("source_sheet")
        arrays.append(pa.array([fl.sheet_name] * n, pa.string()))
    if spec.keep_totals:
        names.append("total_label")
        arrays.append(total_labels if total_labels is not None else pa.nulls(n, pa.string()))
    return names, pa.Table.from_arrays(arrays, names=names)


def read_rows(spec: SourceSpec, fl: FileLayout, path: Path) -> tuple[pa.Table, TableRead]:
    """The rows a load would write for one table, as one Arrow table (lineage ids 0); for tests and tools."""
    read = TableRead(spec, fl, path)
    tables = [_output(spec, fl, b, 0, 0, labels)[1] for b, labels in read if len(b.numbers)]
    return (pa.concat_tables(tables, promote_options="default") if tables else pa.table({})), read


def copy_to_raw(conn: psycopg.Connection, spec: SourceSpec, fl: FileLayout, path: Path,
                load_id: int, file_id: int) -> CopyStats:
    """Stream the file's data rows into the raw table with one COPY. Which rows are data is the table-region
    rule's (ingest.region): rows around and inside the table that are not data are never written, and are
    recorded with their kind; a total or a signature between data rows rejects the file."""
    stats = CopyStats()
    read = TableRead(spec, fl, path)
    with conn.cursor() as cur, ExitStack() as stack:
        writer, columns = None, None
        for b, labels in read:
            if len(b.numbers) == 0:
                continue
            names, table = _output(spec, fl, b, load_id, file_id, labels)
            if writer is None:
                columns = names
                # a queued writer sends data from a thread: Arrow keeps parsing while Postgres ingests
                stmt = sql.SQL("copy {} ({}) from stdin (format csv)").format(
                    sql.SQL(spec.raw_table), sql.SQL(", ").join(map(sql.Identifier, names)))
                writer = stack.enter_context(cur.copy(stmt, writer=QueuedLibpqWriter(cur)))
            buf = io.BytesIO()
            pacsv.write_csv(table.select(columns), buf, pacsv.WriteOptions(include_header=False))
            writer.write(buf.getbuffer())
            stats.written += len(b.numbers)
    stats.records = read.records
    stats.skipped = read.region.skipped
    return stats
