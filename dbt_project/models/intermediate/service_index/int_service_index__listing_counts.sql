-- depends_on: {{ ref('stg_audit__file_coverage') }}
-- depends_on: {{ ref('int_one_stop__touched_dossiers') }}
{{ config_recomputed_by_period('period_grain', 'period_start') }}
-- The Decision 766 counts a unit's dossier listings give, one row per unit and period of
-- int_service_index__listing_dossiers: dossiers_total, dossiers_on_time, received by channel, with a fee and paid
-- online (received in the period), with an electronic result, digitised components, reused data, population
-- data (among dossiers_total; NULL where the listing has no such column), and dossiers_satisfied = on time
-- (from a listing alone [unv]). Publication, sync, catalogue, PAKN, storage and population-TTHC counts are not
-- in a listing: they stay blank. Stored, and incremental by period (one small row per unit and period): the rates,
-- points, reconciliation and their tests read this table instead of counting the listings' dossiers again, which
-- for a year is every dossier of the year.
select
    unit_code,
    period_grain,
    period_start,
    count(*)                                                                                as dossiers_total,
    count(*) filter (where is_on_time_766)                                                  as dossiers_on_time,
    count(*) filter (where is_received_in_period and channel_kind = 'online')               as dossiers_online,
    count(*) filter (where is_received_in_period and channel_kind = 'direct')               as dossiers_direct,
    count(*) filter (where is_received_in_period and channel_kind = 'postal')               as dossiers_postal,
    count(*) filter (where is_received_in_period and has_fee)                               as dossiers_with_fee,
    count(*) filter (where is_received_in_period and has_fee and paid_online)               as dossiers_paid_online,
    count(*) filter (where has_digitized_result)                                            as dossiers_e_result,
    case when count(has_digitised_components) > 0
            then count(*) filter (where has_digitised_components)
    end                                                                                     as dossiers_digitised,
    case when count(has_reused_data) > 0 then count(*) filter (where has_reused_data) end   as dossiers_reused,
    case when count(has_citizen_data) > 0 then count(*) filter (where has_citizen_data) end as dossiers_citizen_data,
    count(*) filter (where is_on_time_766)                                                  as dossiers_satisfied
from {{ ref('int_service_index__listing_dossiers') }}
{% if is_incremental() %}
    where period_end >= {{ indicators_affected_from() }}
{% endif %}
group by unit_code, period_grain, period_start
