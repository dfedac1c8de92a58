-- Biểu 06/VPCP/KSTT forms as received: one row per field row and the 'Tổng cộng' row, each count as the text
-- in the file and the number read from it, with lineage. The form's header is two rows (group / column)
-- read as one; the row of column numbers (1)...(13) is not data.
create table if not exists raw.one_stop_summary (
    load_id      bigint not null,
    file_id      bigint not null,
    source_row   integer not null,
    source_sheet text,
    seq text,
    seq_is_total boolean,
    field_name text,
    field_is_total boolean,
    unit_code text,
    received_total text,
    received_total_count bigint,
    received_online text,
    received_online_count bigint,
    received_direct text,
    received_direct_count bigint,
    carried_over text,
    carried_over_count bigint,
    resolved_total text,
    resolved_total_count bigint,
    resolved_early text,
    resolved_early_count bigint,
    resolved_on_time text,
    resolved_on_time_count bigint,
    resolved_late text,
    resolved_late_count bigint,
    pending_total text,
    pending_total_count bigint,
    pending_within text,
    pending_within_count bigint,
    pending_overdue text,
    pending_overdue_count bigint,
    extra        jsonb
);
create index if not exists one_stop_summary_file_brin on raw.one_stop_summary using brin (file_id) with (pages_per_range = 32);
comment on table raw.one_stop_summary is 'Biểu 06/VPCP/KSTT như trong tệp, kèm số đã đọc / one_stop_summary as received';

-- A heading row has a label and no counts. The total row may carry its label in the STT column with the field cell empty: the view names it there.
create or replace view raw.one_stop_summary_typed as
select r.*,
       f.period_month,
       coalesce(r.field_is_total, false) or coalesce(r.seq_is_total, false) as is_total,
       coalesce(r.field_name, case when r.seq_is_total then r.seq end)        as row_label,
       -- a heading row ('I. Cấp tỉnh') names a group of fields and has no counts
       num_nonnulls(r.received_total, r.received_online, r.received_direct, r.carried_over, r.resolved_total, r.resolved_early, r.resolved_on_time, r.resolved_late, r.pending_total, r.pending_within, r.pending_overdue) = 0 as is_heading
  from raw.one_stop_summary r
  join audit.source_file f on f.file_id = r.file_id;
