"""Biểu 06/VPCP/KSTT forms written from the simulated dossiers of a unit, as a unit's one-stop software
prints them: one row per field, a 'Tổng cộng' row, a two-row header and the row of column numbers.

Like some software, the form counts a dossier withdrawn, refused or stopped in the month as resolved on
time (so that 3 = 7 + 11 holds); the dossier listing does not. The warehouse's reconciliation report shows
that difference in columns (7) and (9). A deliberate slip in one form (one online dossier written as
in-person) shows up in columns (4) and (5).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from cchc_warehouse.periods import format_month, month_end
from cchc_warehouse.sample.simulate import ExportRow
from cchc_warehouse.sample.writers import Variant, write

GROUPS = ["Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết"]
LABELS = ["Tổng số", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước", "Tổng số", "Trước hạn",
          "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"]


def _month_end(m: date) -> date:
    return month_end(m)


def form_counts(rows: list[ExportRow], month: date) -> dict[str, list[int]]:
    """Columns (3)..(13) per field of the rows of one unit's monthly export."""
    start, end = month, _month_end(month)
    out: dict[str, list[int]] = defaultdict(lambda: [0] * 11)
    for r in rows:
        d = r.dossier
        c = out[d.procedure.field]
        received = d.received.date()
        ended = r.finished if r.finished is not None else (received if r.status in (3, 7, 8) else None)
        if received >= start:
            c[1 if d.channel == 2 else 2] += 1
        else:
            c[3] += 1
        if ended is not None and start <= ended <= end:
            if r.status in (9, 10):
                k = 5 if d.due and ended < d.due else 7 if d.due and ended > d.due else 6
            else:
                k = 6          # withdrawn / refused / stopped: 'resolved on time' on this form
            c[4] += 1
            c[k] += 1
        elif ended is None or ended > end:
            c[8] += 1
            c[10 if d.due and d.due < end else 9] += 1
    for c in out.values():
        c[0] = c[1] + c[2] + c[3]
    return dict(out)


def write_forms(out: Path, month: date, snapshot: list[ExportRow], units: list[tuple[str, str]]) -> list[Path]:
    """units: (code, name). The first unit's form is an xlsx with '(1)'..'(13)'; the others CSV with a
    date-range title, plain column numbers, 'Tổng cộng' in the STT column, and one slip."""
    paths = []
    for k, (code, name) in enumerate(units):
        counts = form_counts([r for r in snapshot if r.dossier.unit.code == code], month)
        fields = sorted(counts)
        if k > 0 and fields:                             # the slip: an online dossier written as in person
            f0 = counts[fields[0]]
            if f0[1] > 0:
                f0[1] -= 1
                f0[2] += 1
        total = [sum(counts[f][i] for f in fields) for i in range(11)]
        period = (f"Kỳ báo cáo: tháng {month:%m/%Y}" if k == 0 else
                  f"Từ ngày {month:%d/%m/%Y} đến ngày {_month_end(month):%d/%m/%Y}")
        rows: list[list] = [[name.upper()], [f"Mã đơn vị: {code}"],
                            ["TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (Biểu 06/VPCP/KSTT)"], [period], [],
                            ["STT", "Lĩnh vực", GROUPS[0], "", "", "", GROUPS[1], "", "", "", GROUPS[2], "", ""],
                            ["", "", *LABELS]]
        rows.append([f"({i})" if k == 0 else str(i) for i in range(1, 14)])
        for i, f in enumerate(fields, 1):
            rows.append([str(i), f, *[str(v) for v in counts[f]]])
        rows.append(["", "Tổng cộng", *map(str, total)] if k == 0 else ["Tổng cộng", "", *map(str, total)])
        rows += [[], ["", "", "", "", "", "", "", "", "", "THỦ TRƯỞNG ĐƠN VỊ"]]
        folder = out / "one_stop_summary" / format_month(month)
        if k == 0:
            path = folder / f"bieu_06_{code.replace('.', '_')}_{month:%Y_%m}.xlsx"
            write(path, rows, Variant("summary", fmt="xlsx"))
        else:
            path = folder / f"bieu_06_{code.replace('.', '_')}_{month:%Y_%m}.csv"
            write(path, rows, Variant("summary", encoding="utf-8-sig"))
        paths.append(path)
    return paths


def dirty_rows(m: date, row: list[int], total: list[int]) -> list[list]:
    groups = ["Số hồ sơ nhận giải quyết", "", "", "", "Số hồ sơ đã giải quyết", "", "", "", "Số hồ sơ đang giải quyết",
              "", ""]
    labels = ["Tổng số", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước", "Tổng số", "Trước hạn",
              "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"]
    return [["Mã đơn vị: 12.H04"], [f"Kỳ báo cáo: tháng {m:%m/%Y}"], ["STT", "Lĩnh vực", *groups], ["", "", *labels],
            ["1", "Hộ tịch", *map(str, row)],
            ["2", "Chứng thực", "10", "2", "7", "1", "9", "4", "5", "0", "1", "1", "0"],
            ["", "Tổng cộng", *map(str, total)]]
