-- The counts behind every sub-indicator of the Decision 766 index, one row per unit, period (month, quarter or year:
-- each from its own rows, never summed from months) and sub-indicator: numerator and denominator as the spec
-- pairs them (docs block svc766_scoring). counts_missing: a count the sub needs is blank (not reported, not 0):
-- its group gets no value. Counts come from the unit's statistics row, else from its dossier listings
-- (int_service_index__listing_counts: file-given counts win; rpt_service_index_reconciliation shows both).
with file_given as (

    select *, 'service_index_stats'::text as counts_source
    from {{ ref('stg_service_index__stats') }}

),

listing as (

    select * from {{ ref('int_service_index__listing_counts') }}

),

-- file-given counts win: a unit and period with a statistics row takes none from its listings
stats as (

    select
        unit_code, period_grain, period_start, tthc_published_on_time, tthc_to_publish, tthc_public_on_time,
        tthc_to_make_public, tthc_content_full, tthc_public, dossiers_synced, dossiers_to_sync, dossiers_total,
        dossiers_on_time, tthc_total, tthc_partial, tthc_full, services_with_dossiers, services_total,
        dossiers_online, dossiers_direct, dossiers_postal, dossiers_with_fee, dossiers_paid_online, tthc_with_fee,
        tthc_paid_online, tthc_fee_data, dossiers_e_result, dossiers_digitised, dossiers_reused,
        dossiers_storage_shared, dossiers_citizen_data, tthc_citizen_connected, tthc_citizen_total, certified_copy,
        dossiers_satisfied, pakn_total, pakn_on_time, pakn_satisfied, counts_source, source_file_id, source_row
    from file_given
    union all
    select
        l.unit_code, l.period_grain, l.period_start, null, null, null, null, null, null, null, null,
        l.dossiers_total, l.dossiers_on_time, null, null, null, null, null, l.dossiers_online, l.dossiers_direct,
        l.dossiers_postal, l.dossiers_with_fee, l.dossiers_paid_online, null, null, null, l.dossiers_e_result,
        l.dossiers_digitised, l.dossiers_reused, null, l.dossiers_citizen_data, null, null, null,
        l.dossiers_satisfied, null, null, null, 'one_stop_dossiers', null, null
    from listing as l
    where not exists (
            select 1 from file_given as f
            where f.unit_code = l.unit_code and f.period_grain = l.period_grain and f.period_start = l.period_start
        )

),

pairs as (

    select
        s.unit_code, s.period_grain, s.period_start, s.source_file_id, s.source_row, s.counts_source, v.sub_code,
        v.numerator, v.denominator, v.counts_missing, s.certified_copy
    from stats as s
    cross join lateral (
        values
        ('PUBLISH_ON_TIME', s.tthc_published_on_time, s.tthc_to_publish, null::boolean),
        ('PUBLIC_ON_TIME', s.tthc_public_on_time, s.tthc_to_make_public, null),
        ('CONTENT_FULL', s.tthc_content_full, s.tthc_public, null),
        ('SYNC', s.dossiers_synced, s.dossiers_to_sync, null),
        ('ON_TIME', s.dossiers_on_time, s.dossiers_total, null),
        ('TTHC_ONLINE', s.tthc_partial + s.tthc_full, s.tthc_total, null),
        ('SERVICE_USED', s.services_with_dossiers, s.services_total, null),
        (   -- postal is optional: blank counts none
            'ONLINE_DOSSIER', s.dossiers_online, s.dossiers_online + s.dossiers_direct + coalesce(s.dossiers_postal, 0),
            null
        ),
        ('PAID_ONLINE', s.dossiers_paid_online, s.dossiers_with_fee, null),
        ('FEE_TTHC_PAID', s.tthc_paid_online, s.tthc_with_fee, null),
        ('FEE_TTHC_DATA', s.tthc_fee_data, s.tthc_with_fee, null),
        ('E_RESULT', s.dossiers_e_result, s.dossiers_total, null),
        ('DIGITISED', s.dossiers_digitised, s.dossiers_total, null),
        ('REUSED', s.dossiers_reused, s.dossiers_total, null),
        ('STORAGE', s.dossiers_storage_shared, s.dossiers_total, null),
        ('CITIZEN_DATA', s.dossiers_citizen_data, s.dossiers_total, null),
        ('CITIZEN_TTHC', s.tthc_citizen_connected, s.tthc_citizen_total, null),
        ('CERTIFIED_COPY', null::bigint, null::bigint, false),       -- no counts: the yes/no column (optional)
        ('DOSSIER_SATISFIED', s.dossiers_satisfied, s.dossiers_total, null),
        ('PAKN_ON_TIME', s.pakn_on_time, s.pakn_total, null),
        ('PAKN_SATISFIED', s.pakn_satisfied, s.pakn_total, null)
    ) as v (sub_code, numerator, denominator, counts_missing)

)

select
    unit_code,
    period_grain,
    period_start,
    sub_code,
    numerator,
    denominator,
    coalesce(counts_missing, numerator is null or denominator is null) as counts_missing,
    certified_copy,
    counts_source,
    source_file_id,
    source_row
from pairs
