-- Matching unit names to codes: ref.unit.name_key and the raw tables' unit_name_key hold the same normalised
-- name (cchc_warehouse.textnorm.unit_name_key: no case, accents, punctuation or 'UBND', 'huyện', 'phường'...),
-- written by the importers and the loader. Units imported before this script have no key until imported or
-- synced again.
alter table ref.unit add column if not exists name_key text;
create index if not exists unit_name_key_idx on ref.unit (name_key);

alter table raw.esign_stats add column if not exists unit_name_key text;   -- (one_stop_dossiers: sql/004)

-- esign_stats_typed (sql/005: r.* then period_month) gains the key at its end; dbt views depend on it, so it is
-- replaced, never dropped
create or replace view raw.esign_stats_typed as
select r.load_id, r.file_id, r.source_row, r.source_sheet, r.unit_code, r.unit_name, r.period, r.report_month,
       r.outgoing_total, r.outgoing_total_count, r.outgoing_signed, r.outgoing_signed_count, r.incoming_total,
       r.incoming_total_count, r.incoming_electronic, r.incoming_electronic_count, r.workfiles_total,
       r.workfiles_total_count, r.workfiles_online, r.workfiles_online_count, r.extra,
       f.period_month,
       r.unit_name_key
  from raw.esign_stats r
  join audit.source_file f on f.file_id = r.file_id;
