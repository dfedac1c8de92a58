-- Published national results name provinces: the normalised name (textnorm.unit_name_key), to check it against
-- the provinces valid in the result's year (63 before 1 July 2025, 34 after) and to find the province's code.
alter table raw.par_national add column if not exists province_name_key text;

-- par_national_typed (sql/005: r.* then period_month) gains the key at its end; replaced, never dropped
create or replace view raw.par_national_typed as
select r.load_id, r.file_id, r.source_row, r.source_sheet, r.year, r.year_value, r.province_code, r.province_name,
       r.appraisal_points, r.appraisal_points_value, r.sipas_points, r.sipas_points_value, r.leader_survey_points,
       r.leader_survey_points_value, r.impact_points, r.impact_points_value, r.index_value, r.index_percent, r.rank,
       r.rank_value, r.extra,
       f.period_month,
       r.province_name_key
  from raw.par_national r
  join audit.source_file f on f.file_id = r.file_id;
