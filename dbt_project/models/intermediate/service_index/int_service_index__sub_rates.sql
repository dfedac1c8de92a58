-- The counts behind every sub-indicator of the Decision 766 index, one row per unit, period (month, quarter or year:
-- each from its own rows, never summed from months) and sub-indicator: numerator and denominator as the spec
-- pairs them (docs block svc766_scoring). counts_missing: a count the sub needs is blank (not reported, not 0):
-- its group gets no value. Where a unit sent both a statistics row and dossier listings, the row's counts are used
-- (file-given counts win); rpt_service_index_reconciliation shows both.
with stats as (

    select * from {{ ref('stg_service_index__stats') }}

),

pairs as (

    select
        s.unit_code, s.period_grain, s.period_start, s.source_file_id, s.source_row, v.sub_code,
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
    'service_index_stats'::text                                        as counts_source,
    source_file_id,
    source_row
from pairs
