"""`cchc`: the warehouse's command line. Every command honours CCHC_DATABASE_URL."""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from pathlib import Path

from cchc_warehouse import localdb


def _db(args: argparse.Namespace) -> int:
    c = localdb.cluster()
    if args.action == "start":
        localdb.start(c)
        print(f"PostgreSQL đang chạy: {c.shown_url}  (dữ liệu: {c.data})")
    elif args.action == "stop":
        localdb.stop(c)
        print("PostgreSQL đã dừng")
    elif args.action == "status":
        running = localdb.is_running(c)
        print(f"{'running' if running else 'stopped'}: {c.shown_url} ({c.data})")
        return 0 if running else 3
    elif args.action == "url":
        from cchc_warehouse.db import database_url

        print(database_url())
    return 0


def _init(args: argparse.Namespace) -> int:
    from cchc_warehouse.db import migrate

    for name in migrate():
        print(f"applied {name}")
    return 0


def _units(args: argparse.Namespace) -> int:
    from cchc_warehouse.reference.units import UnitFileError, import_units, sync_national

    if args.action == "sync-national":
        for what, n in sync_national().items():
            print(f"{what}: {n}")
        return 0
    if not args.file:
        print("cần tệp CSV: cchc units import FILE.csv", file=sys.stderr)
        return 2
    try:
        n = import_units(Path(args.file), date.fromisoformat(args.effective) if args.effective else None)
    except UnitFileError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"đã nhập {n} đơn vị từ {args.file}")
    return 0


def _sample(args: argparse.Namespace) -> int:
    from cchc_warehouse.periods import month_range
    from cchc_warehouse.sample.generate import SUMMARY_UNITS, generate, generate_other

    months = month_range(args.months)
    written, _ = generate(Path(args.out), months, args.dossiers_per_month, args.dirty, args.seed,
                          summary_units=SUMMARY_UNITS)
    for w in written:
        tag = f"  [lỗi cố ý: {w.dirty_reason}]" if w.dirty_reason else ""
        print(f"{w.path}  ({w.rows} dòng){tag}")
    years = [int(y) for y in args.years.split(",")] if args.years else [months[0].year - 2, months[0].year - 1]
    other = generate_other(Path(args.out), months, years, args.seed).paths
    if args.dirty:
        from cchc_warehouse.sample.generate import write_dirty_other

        other += [d.path for d in write_dirty_other(Path(args.out), months[0], years[-1])]
    for p in other:
        print(p)
    print(f"{len(written) + len(other)} tệp trong {args.out}")
    return 0


def _load(args: argparse.Namespace) -> int:
    from cchc_warehouse import db
    from cchc_warehouse.ingest.load import load, requested_period
    from cchc_warehouse.sources import get_source

    db.act_as("loader")               # the loader's login where one is configured (never the superuser)
    spec = get_source(args.source)
    given = {"unit_code": args.unit} if args.unit else {}
    period = None
    if args.period:
        period, asked = requested_period(spec, args.period)
        given |= asked
    results = load(args.source, [Path(f) for f in args.files], period, given=given or None)
    for r in results:
        label = {"loaded": "ĐÃ NẠP", "duplicate": "ĐÃ CÓ (bỏ qua)", "rejected": "TỪ CHỐI"}.get(str(r.status), r.status)
        print(f"[{label}] {r.path.name}: tệp #{r.file_id}, kỳ {r.period or '?'}, {r.rows_loaded} dòng")
        for msg in r.reasons:
            print(f"  LỖI: {msg}")
        for msg in r.warnings:
            print(f"  CẢNH BÁO: {msg}")
    return 0 if all(r.accepted for r in results) else 1


def _rebuild(args: argparse.Namespace) -> int:
    """The warehouse again from the archived files alone (after cchc init and the reference data)."""
    from cchc_warehouse.ingest.rebuild import rebuild_from_archive

    results, publication = rebuild_from_archive()
    accepted = sum(1 for r in results if r.accepted)
    print(f"đã nạp lại {len(results)} tệp từ kho lưu trữ ({accepted} được chấp nhận, "
          f"{len(results) - accepted} bị từ chối như lần đầu); lần công bố #{publication.publication_id}: "
          f"{publication.status}")
    return 0 if publication else 1


def _archive(args: argparse.Namespace) -> int:
    """Apply the archive's retention (CCHC_ARCHIVE_RETENTION_DAYS, or --days)."""
    from cchc_warehouse.ingest import retention

    days = retention.retention_days() if args.days is None else args.days
    purged = retention.purge(days, dry_run=args.dry_run)
    verb = "sẽ xoá" if args.dry_run else "đã xoá"
    for p in purged:
        print(f"{verb} bản lưu {p.archive_path} ({', '.join(p.file_names)})")
    print(f"{len(purged)} bản lưu nhận quá {days} ngày {verb}; sổ đăng ký vẫn giữ tên, mã băm và lý do của từng tệp")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    """What loads and builds that died left in the registry; repaired unless --dry-run."""
    from cchc_warehouse.db import connect
    from cchc_warehouse.ingest import file_registry as registry

    with connect() as conn:
        if args.dry_run:
            stale = registry.stale_states(conn)
            lines = ([f"tệp #{f} {n}: đang kiểm tra nhưng không tiến trình nào nạp nó" for f, _, n in stale["files"]]
                     + [f"lần nạp #{lid}: đang chạy nhưng tiến trình đã dừng" for (lid,) in stale["loads"]]
                     + [f"lần công bố #{p}: đang chạy nhưng tiến trình đã dừng" for (p,) in stale["publications"]])
            conn.rollback()
        else:
            lines = registry.repair_stale(conn)
        waiting = conn.execute("select count(*) from audit.source_file where status = 'loaded'").fetchone()[0]
    for line in lines:
        print(("(thử) " if args.dry_run else "đã sửa: ") + line)
    summary = f"{len(lines)} vấn đề" + (" (chưa sửa)" if args.dry_run and lines else "")
    if waiting:
        summary += f"; {waiting} tệp đã nạp, chờ công bố (cchc build)"
    print(summary)
    return 1 if lines and args.dry_run else 0


def _build(args: argparse.Namespace) -> int:
    from cchc_warehouse import db
    from cchc_warehouse.marts.build import build_and_publish

    db.act_as("transformer")          # the transformer's login where one is configured (never the superuser)
    publication = build_and_publish(full_refresh=args.full_refresh)
    if not publication:
        print(f"LỖI: dựng kho dữ liệu thất bại (lần công bố #{publication.publication_id}); không tệp nào được "
              "công bố", file=sys.stderr)
        return 1
    print(f"lần công bố #{publication.publication_id}: {publication.published} tệp được công bố")
    if not args.no_docs:
        from cchc_warehouse.reporting.docs import publish_docs

        for line in publish_docs(publication.publication_id):
            print(line)
    return 0


def _indicators(args: argparse.Namespace) -> int:
    from cchc_warehouse.reporting.indicators import indicator_rows, print_rows

    rows = indicator_rows(args.period, args.unit)
    print_rows(rows, args.format)
    return 0 if rows else 1


def _trace(args: argparse.Namespace) -> int:
    from cchc_warehouse.reporting.trace import TraceError, parse_as_of, print_trace, trace, write_csv

    try:
        as_of = parse_as_of(args.as_of) if args.as_of else None
    except ValueError:
        print(f"LỖI: thời điểm không hợp lệ: {args.as_of!r} (cần YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM)", file=sys.stderr)
        return 2
    try:
        t = trace(args.indicator, args.unit, args.period, as_of)
    except TraceError as exc:
        print(f"LỖI: {exc}", file=sys.stderr)
        return 1
    if args.format == "csv":
        write_csv(t)
    elif args.format == "html":
        from cchc_warehouse.reporting.trace import trace_html

        if not args.out:
            print("LỖI: --format html cần --out FILE.html", file=sys.stderr)
            return 2
        Path(args.out).write_text(trace_html(t), encoding="utf-8")
        print(f"đã ghi {args.out}")
    else:
        print_trace(t)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from cchc_warehouse.demo import run_demo

    return run_demo(months=args.months, dossiers_per_month=args.dossiers_per_month)


def _targets(args: argparse.Namespace) -> int:
    from cchc_warehouse.reference.targets import ReferenceFileError, import_bands, import_targets

    try:
        n = (import_targets if args.command == "targets" else import_bands)(Path(args.file))
    except ReferenceFileError as exc:
        print(f"LỖI: {exc}", file=sys.stderr)
        return 1
    print(f"đã nhập {n} {'chỉ tiêu' if args.command == 'targets' else 'ngưỡng xếp loại'} từ {args.file}")
    return 0


def _metabase(args: argparse.Namespace) -> int:
    if args.action == "exposures":
        from cchc_warehouse.reporting.metabase.exposures import write_exposures

        print(f"wrote {write_exposures()}")
        return 0
    from cchc_warehouse.reporting.metabase.client import MetabaseError
    from cchc_warehouse.reporting.metabase.sync import Settings, sync

    settings = Settings.from_env()
    if settings is None:
        print("chưa cấu hình Metabase: đặt CCHC_METABASE_URL và CCHC_METABASE_API_KEY "
              "(hoặc CCHC_METABASE_USER, CCHC_METABASE_PASSWORD)", file=sys.stderr)
        return 2
    try:
        outcome = sync(settings, dry_run=args.dry_run)
    except MetabaseError as exc:
        print(f"LỖI: {exc}", file=sys.stderr)
        return 1
    for line in outcome.lines():
        print(("(thử) " if args.dry_run else "") + line)
    return 0


def _report(args: argparse.Namespace) -> int:
    from cchc_warehouse.reporting.html_report import write_report

    try:
        path = write_report(args.period, Path(args.out), args.unit)
    except ValueError as exc:
        print(f"LỖI: {exc}", file=sys.stderr)
        return 1
    print(f"đã ghi báo cáo {path}")
    return 0


def _docs(args: argparse.Namespace) -> int:
    from cchc_warehouse import storage

    docs = storage.area("docs")
    if args.build:
        from cchc_warehouse.reporting.docs import publish_docs

        for line in publish_docs(None, force=True):     # asked for: rendered now, whatever was there
            print(line)
    print(f"dbt docs: {docs / 'dbt' / 'index.html'}")
    print(f"GX data docs: {docs / 'gx' / 'index.html'}")
    if args.serve:
        import functools
        import http.server

        if not storage.is_local(docs):
            print(f"LỖI: tài liệu nằm ở {docs}: mở trực tiếp từ kho lưu trữ đó", file=sys.stderr)
            return 2
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(storage.local_path(docs)))
        with http.server.ThreadingHTTPServer(("127.0.0.1", args.serve), handler) as server:
            print(f"http://127.0.0.1:{args.serve}/dbt/index.html  http://127.0.0.1:{args.serve}/gx/index.html "
                  "(Ctrl+C để dừng)")
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                pass
    return 0


def _generate(args: argparse.Namespace) -> int:
    from cchc_warehouse.schema import write_all

    for p in write_all():
        print(f"wrote {p}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cchc", description="Kho dữ liệu báo cáo cải cách hành chính (CCHC)")
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("db", help="project-local PostgreSQL cluster")
    s.add_argument("action", choices=["start", "stop", "status", "url"])
    s.set_defaults(func=_db)

    s = sub.add_parser("init", help="apply sql/ (schemas, roles, functions, tables); idempotent")
    s.set_defaults(func=_init)

    s = sub.add_parser("units", help="unit registry: import a province CSV, or sync the national units of both eras")
    s.add_argument("action", choices=["import", "sync-national"])
    s.add_argument("file", nargs="?")
    s.add_argument("--from", dest="effective", metavar="YYYY-MM-DD",
                   help="import as changes from that day: a renamed or re-parented unit gets a new version")
    s.set_defaults(func=_units)

    s = sub.add_parser("targets", help="indicator targets (chỉ tiêu): indicator_code, unit_level, year, comparison, "
                                       "threshold[, note]")
    s.add_argument("action", choices=["import"])
    s.add_argument("file")
    s.set_defaults(func=_targets)

    s = sub.add_parser("bands", help="band thresholds: scheme, year, band_code, band_label_vi, min_value, max_value")
    s.add_argument("action", choices=["import"])
    s.add_argument("file")
    s.set_defaults(func=_targets)

    s = sub.add_parser("sample", help="generate sample files")
    s.add_argument("action", choices=["generate"])
    s.add_argument("--months", default="2025-01..2025-06")
    s.add_argument("--out", required=True)
    s.add_argument("--dirty", action="store_true", help="also write files that must be rejected")
    s.add_argument("--dossiers-per-month", type=int, default=2000)
    s.add_argument("--years", help="years of PAR scoring sheets and national results, e.g. 2023,2024 "
                                   "(default: the two years before the first month)")
    s.add_argument("--seed", type=int, default=2025)
    s.set_defaults(func=_sample)

    s = sub.add_parser("load", help="load source files into raw, through the quality gate")
    s.add_argument("source")
    s.add_argument("files", nargs="+")
    s.add_argument("--period", help="YYYY-MM, or YYYY for a yearly source (otherwise read from the file's title)")
    s.add_argument("--unit", help="unit code of files that do not name their unit (e.g. a Biểu 06 form without "
                                  "a 'Mã đơn vị:' title row)")
    s.set_defaults(func=_load)

    s = sub.add_parser("build", help="dbt build of the marts, then publish exactly the files it read; dbt docs and "
                                     "GX data docs")
    s.add_argument("--full-refresh", action="store_true")
    s.add_argument("--no-docs", action="store_true", help="skip rendering dbt docs and GX data docs")
    s.set_defaults(func=_build)

    s = sub.add_parser("indicators", help="indicator values for a period")
    s.add_argument("--period", required=True, help="YYYY-MM (month), YYYY-Qn (quarter) or YYYY (year)")
    s.add_argument("--unit")
    s.add_argument("--format", choices=["table", "csv"], default="table")
    s.set_defaults(func=_indicators, needs_marts=True)

    s = sub.add_parser("demo", help="local Postgres + sample data + the monthly DAG for several months")
    s.add_argument("--months", default="2025-01..2025-06")
    s.add_argument("--dossiers-per-month", type=int, default=2000)
    s.set_defaults(func=_demo)

    s = sub.add_parser("metabase", help="provision the dashboards in Metabase (sync), or write dbt exposures")
    s.add_argument("action", choices=["sync", "exposures"])
    s.add_argument("--dry-run", action="store_true", help="say what sync would create, change and remove")
    s.set_defaults(func=_metabase)

    s = sub.add_parser("report", help="one self-contained HTML report of the dashboards for a month (no Metabase)")
    s.add_argument("--period", required=True, help="YYYY-MM")
    s.add_argument("--out", required=True, help="FILE.html")
    s.add_argument("--unit", help="the province's unit code (default: the province with data)")
    s.set_defaults(func=_report, needs_marts=True)

    s = sub.add_parser("doctor", help="find and repair what loads and builds that died left in the registry "
                                      "(files stuck validating, loads and publications stuck running)")
    s.add_argument("--dry-run", action="store_true", help="only report (exit 1 when something needs repair)")
    s.set_defaults(func=_doctor)

    s = sub.add_parser("trace", help="from a published figure to its rule, units, files, checks and counted "
                                     "dossiers (--format csv: one row per counted record)")
    s.add_argument("indicator", help="indicator code, e.g. OSS_ONTIME_RATE")
    s.add_argument("--unit", required=True, help="unit code")
    s.add_argument("--period", required=True, help="YYYY-MM, YYYY-Qn or YYYY")
    s.add_argument("--as-of", help="YYYY-MM-DD: the figure as published on that day, and its history")
    s.add_argument("--format", choices=["text", "csv", "html"], default="text")
    s.add_argument("--out", help="FILE.html (with --format html): the trace as a page, with links to the docs")
    s.set_defaults(func=_trace, needs_marts=True)

    s = sub.add_parser("rebuild", help="load every archived file again in the order first received, then build: "
                                       "the same published figures from the archive alone (after cchc init and "
                                       "the reference data)")
    s.add_argument("--from-archive", action="store_true", required=True)
    s.set_defaults(func=_rebuild)

    s = sub.add_parser("archive", help="the archive of received files: `purge` deletes copies older than the "
                                       "retention (CCHC_ARCHIVE_RETENTION_DAYS, default 1825 days)")
    s.add_argument("action", choices=["purge"])
    s.add_argument("--days", type=int, help="retention in days (default: CCHC_ARCHIVE_RETENTION_DAYS or 1825)")
    s.add_argument("--dry-run", action="store_true", help="only list what would be deleted")
    s.set_defaults(func=_archive)

    s = sub.add_parser("docs", help="where the dbt docs and GX data docs are; --build renders them now, "
                                    "--serve PORT serves them on 127.0.0.1")
    s.add_argument("--build", action="store_true")
    s.add_argument("--serve", type=int, metavar="PORT")
    s.set_defaults(func=_docs)

    s = sub.add_parser("generate", help="write what follows from the source declarations: sql/0*.generated.sql, "
                                        "dbt sources and seed, GX suites and checkpoints under expectations/")
    s.set_defaults(func=_generate)
    return p


def main(argv: list[str] | None = None) -> int:
    """Officials never see a traceback: every failure is one Vietnamese line and a non-zero exit (`-v` shows the
    details an engineer needs)."""
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        return args.func(args)
    except localdb.LocalDbError as exc:
        print(f"lỗi cơ sở dữ liệu: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        import psycopg

        from cchc_warehouse.db import NotReady, readiness_problem

        if args.verbose:
            raise
        if isinstance(exc, NotReady):
            print(f"LỖI: {exc}", file=sys.stderr)
            return 2
        if isinstance(exc, psycopg.Error) and (problem := readiness_problem(getattr(args, "needs_marts", False))):
            print(f"LỖI: {problem}", file=sys.stderr)
            return 2
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"LỖI: {first} (chạy lại với -v để xem chi tiết)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
