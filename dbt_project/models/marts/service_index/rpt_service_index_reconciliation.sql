-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
{{ config_recomputed_by_period() }}
-- The one-stop system against the portal: for every unit and period with both a Decision 766 statistics row and
-- dossier listings, each count the listings give beside the file-given one and their difference (the file-given
-- counts are the ones scored). Both inputs are views whose row counts the planner cannot know: they are
-- materialised once (else the statistics view is re-run for every listing row). Incremental by period: a build
-- deletes and inserts again the months, quarters and years the new files can change.
with listing as materialized (

    select * from {{ ref('int_service_index__listing_counts') }}
    {% if is_incremental() %}
        where {{ period_end_of('period_grain', 'period_start') }} >= {{ indicators_affected_from() }}
    {% endif %}

),

stats as materialized (

    select * from {{ ref('stg_service_index__stats') }}
    {% if is_incremental() %}
        where {{ period_end_of('period_grain', 'period_start') }} >= {{ indicators_affected_from() }}
    {% endif %}

)

select
    s.unit_code,
    s.period_grain                 as period_type,
    s.period_start,
    p.period,
    p.period_label_vi,
    c.count_name,
    c.label_vi,
    c.file_count,
    c.listing_count,
    c.listing_count - c.file_count as difference,
    s.source_file_id
from stats as s
inner join listing as l
    on s.unit_code = l.unit_code and s.period_grain = l.period_grain and s.period_start = l.period_start
inner join {{ ref('dim_period') }} as p on s.period_grain = p.period_type and s.period_start = p.period_start
cross join
    lateral (
        values
        ('dossiers_total', 'Tổng số hồ sơ', s.dossiers_total, l.dossiers_total),
        ('dossiers_on_time', 'Hồ sơ đúng hạn', s.dossiers_on_time, l.dossiers_on_time),
        ('dossiers_online', 'Hồ sơ trực tuyến', s.dossiers_online, l.dossiers_online),
        ('dossiers_direct', 'Hồ sơ trực tiếp', s.dossiers_direct, l.dossiers_direct),
        ('dossiers_postal', 'Hồ sơ BCCI', s.dossiers_postal, l.dossiers_postal),
        ('dossiers_with_fee', 'Hồ sơ có nghĩa vụ tài chính', s.dossiers_with_fee, l.dossiers_with_fee),
        ('dossiers_paid_online', 'Hồ sơ thanh toán trực tuyến', s.dossiers_paid_online, l.dossiers_paid_online),
        ('dossiers_e_result', 'Hồ sơ có kết quả điện tử', s.dossiers_e_result, l.dossiers_e_result),
        ('dossiers_digitised', 'Hồ sơ số hóa thành phần', s.dossiers_digitised, l.dossiers_digitised),
        ('dossiers_reused', 'Hồ sơ tái sử dụng dữ liệu', s.dossiers_reused, l.dossiers_reused),
        ('dossiers_citizen_data', 'Hồ sơ dùng dữ liệu dân cư', s.dossiers_citizen_data, l.dossiers_citizen_data)
    ) as c (count_name, label_vi, file_count, listing_count)
where c.file_count is not null or c.listing_count is not null
