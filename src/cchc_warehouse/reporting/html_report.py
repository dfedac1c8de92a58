"""`cchc report --period YYYY-MM --out FILE.html`: the dashboards as one self-contained HTML page for a
monthly leadership meeting, without Metabase. The same card definitions and SQL as the Metabase sync, run on
the marts; tables and inline SVG charts, Vietnamese number format (1.234; 87,27 %), print styles, no network.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from psycopg import sql

from cchc_warehouse.db import connect
from cchc_warehouse.reporting.dashboards import Card, load_dashboards, render

LATEST_YEAR = re.compile(r"^latest_year:\s*marts\.(\w+)\.(\w+)$")
MAX_ROWS = 60

CSS = """
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; margin: 24px; color: #1b1f24; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; border-bottom: 2px solid #b71c1c;
padding-bottom: 4px; margin-top: 28px; } h3 { font-size: 14px; margin: 16px 0 6px; }
.meta { color: #555; font-size: 12px; } .desc { color: #444; font-size: 12px; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; font-size: 11px; margin-bottom: 8px; }
th, td { border: 1px solid #c9ced6; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eef1f5; } td.num { text-align: right; white-space: nowrap; }
.empty { color: #777; font-style: italic; font-size: 12px; } .more { color: #777; font-size: 11px; }
svg { max-width: 100%; height: auto; } .legend { font-size: 11px; }
section.dashboard { page-break-before: always; } section.dashboard:first-of-type { page-break-before: auto; }
@media print { body { margin: 10mm; } table { page-break-inside: auto; } tr { page-break-inside: avoid; } }
"""
PALETTE = ["#b71c1c", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#c2185b"]


def vi_number(value: Any, percent: bool = False) -> str:
    """1234 -> '1.234'; 87.2666 -> '87,27'; with percent -> '87,27 %'; None -> ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, (int, Decimal, float)):
        d = Decimal(str(value))
        if d == d.to_integral_value() and not percent:
            text = f"{int(d):,}".replace(",", ".")
        else:
            text = f"{d:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
        return text + (" %" if percent else "")
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%m/%Y") if value.day == 1 else value.strftime("%d/%m/%Y")
    return str(value)


@dataclass
class CardResult:
    card: Card
    columns: list[str]
    rows: list[tuple]


def _province(conn, unit: str | None) -> str:
    if unit:
        return unit
    row = conn.execute("""select unit_code from marts.rpt_indicator_value where unit_level = 'province'
                           group by unit_code order by count(*) desc, unit_code limit 1""").fetchone()
    if row is None:
        raise ValueError("chưa có số liệu cấp tỉnh trong kho (chạy `cchc build` sau khi nạp dữ liệu)")
    return row[0]


def _params(conn, card: Card, period: str, province: str) -> dict[str, str]:
    """The card's filters for the month, as its definition's `report` key says."""
    if card.report == "province":
        return {"period": period, "unit": province}
    if m := LATEST_YEAR.match(card.report):
        table, column = m.groups()
        year = conn.execute(sql.SQL("select max({c}) from marts.{t} where {c} <= %s").format(
            c=sql.Identifier(column), t=sql.Identifier(table)), (int(period[:4]),)).fetchone()[0]
        return {"period": str(year or period[:4])}
    if card.report != "period":
        raise ValueError(f"{card.key}: report {card.report!r} không hợp lệ")
    return {"period": period}


def run_cards(period: str, unit: str | None = None) -> tuple[str, list[tuple[Any, list[CardResult]]]]:
    out = []
    with connect() as conn:
        province = _province(conn, unit)
        for d in (d for d in load_dashboards() if d.in_report):
            results = []
            for card in d.cards:
                sql, params = render(card.sql, _params(conn, card, period, province))
                cur = conn.execute(sql, params)
                results.append(CardResult(card, [c.name for c in cur.description], cur.fetchall()))
            out.append((d, results))
    return province, out


def _is_percent(column: str) -> bool:
    return "(%)" in column


def _table(r: CardResult) -> str:
    if not r.rows:
        return '<p class="empty">Không có số liệu cho kỳ này.</p>'
    head = "".join(f"<th>{html.escape(c)}</th>" for c in r.columns)
    body = []
    for row in r.rows[:MAX_ROWS]:
        cells = []
        for col, v in zip(r.columns, row, strict=True):
            numeric = isinstance(v, (int, float, Decimal)) and not isinstance(v, bool)
            text = vi_number(v, percent=_is_percent(col) and numeric)
            text = html.escape(text).replace("\n", "<br>")
            cells.append(f'<td class="num">{text}</td>' if numeric else f"<td>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = (f'<p class="more">… và {len(r.rows) - MAX_ROWS} dòng nữa (xem trên Metabase).</p>'
            if len(r.rows) > MAX_ROWS else "")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}"


def _line_chart(r: CardResult) -> str:
    """(x, series, y) rows -> an inline SVG line chart, one line per series."""
    if not r.rows:
        return '<p class="empty">Không có số liệu cho kỳ này.</p>'
    xs = sorted({row[0] for row in r.rows})
    series: dict[str, dict] = {}
    for x, name, y in r.rows:
        series.setdefault(str(name), {})[x] = None if y is None else float(y)
    values = [v for s in series.values() for v in s.values() if v is not None]
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    lo, hi = (lo - 1, hi + 1) if lo == hi else (lo, hi)
    w, h, pad = 760, 240, 48

    def px(i: int) -> float:
        return pad + (w - 2 * pad) * (i / max(1, len(xs) - 1))

    def py(v: float) -> float:
        return h - pad + (pad * 2 - h) * ((v - lo) / (hi - lo))

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" '
             f'aria-label="{html.escape(r.card.title)}">',
             f'<line x1="{pad}" y1="{h - pad}" x2="{w - pad}" y2="{h - pad}" stroke="#999"/>']
    for v in (lo, (lo + hi) / 2, hi):
        parts.append(f'<text x="{pad - 6}" y="{py(v) + 4:.1f}" font-size="10" text-anchor="end">'
                     f'{html.escape(vi_number(round(v, 2), percent=False))}</text>')
    for i, x in enumerate(xs):
        parts.append(f'<text x="{px(i):.1f}" y="{h - pad + 16}" font-size="10" text-anchor="middle">'
                     f'{html.escape(vi_number(x))}</text>')
    legend = []
    for k, (name, points) in enumerate(sorted(series.items())):
        colour = PALETTE[k % len(PALETTE)]
        coords = [(px(i), py(points[x])) for i, x in enumerate(xs) if points.get(x) is not None]
        if coords:
            path = " ".join(f"{a:.1f},{b:.1f}" for a, b in coords)
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{path}"/>')
            parts += [f'<circle cx="{a:.1f}" cy="{b:.1f}" r="3" fill="{colour}"/>' for a, b in coords]
        legend.append(f'<span style="color:{colour}">■</span> {html.escape(name)}')
    parts.append("</svg>")
    return "".join(parts) + f'<div class="legend">{" &nbsp; ".join(legend)}</div>' + _table(r)


def build_report(period: str, unit: str | None = None) -> str:
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period):
        raise ValueError(f"kỳ báo cáo không hợp lệ: {period!r} (cần YYYY-MM)")
    province, dashboards = run_cards(period, unit)
    with connect() as conn:
        row = conn.execute("""select unit_name from marts.dim_unit where unit_code = %s
                               order by valid_from desc limit 1""", (province,)).fetchone()
    name = row[0] if row else province
    month = f"{period[5:]}/{period[:4]}"
    from cchc_warehouse.reporting.trace import docs_links

    links = docs_links()
    sections = []
    for d, results in dashboards:
        cards = []
        for r in results:
            body = _line_chart(r) if r.card.display == "line" else _table(r)
            cards.append(f"<h3>{html.escape(r.card.title)}</h3>{body}")
        sections.append(f'<section class="dashboard" id="{d.slug}"><h2>{html.escape(d.title)}</h2>'
                        f'<p class="desc">{html.escape(d.description)}</p>{"".join(cards)}</section>')
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo CCHC tháng {month} – {html.escape(name)}</title>
<style>{CSS}</style></head>
<body><header><h1>Báo cáo cải cách hành chính tháng {month}</h1>
<p class="meta">{html.escape(name)} · số liệu kho CCHC, lập lúc {datetime.now():%d/%m/%Y %H:%M}</p></header>
{"".join(sections)}
<footer class="meta"><p>Nguồn gốc số liệu: <a href="{html.escape(links['dbt'])}">mô hình dữ liệu (dbt docs)</a> ·
<a href="{html.escape(links['gx'])}">kết quả kiểm tra chất lượng từng tệp (GX data docs)</a> · truy vết một số liệu
đến hồ sơ và tệp nguồn: <code>cchc trace MÃ_CHỈ_TIÊU --unit MÃ_ĐƠN_VỊ --period {html.escape(period)}
--format html --out truy_vet.html</code></p></footer>
</body></html>
"""


def write_report(period: str, out: Path, unit: str | None = None) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(build_report(period, unit), encoding="utf-8")
    return out
