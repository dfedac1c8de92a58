-- E-document indicators of each unit's own statistics. A total the unit did not report gives no row
-- (missing is not zero); a reported total of 0 gives a row whose rate is NULL.
with stats as (

    select * from {{ ref('fct_esign_stats') }}

)

select
    s.unit_code, s.period_month, v.indicator_code, v.numerator, v.denominator, 100 as scale,
    'esign_stats'::text                                                            as source
from stats as s
cross join
    lateral (
        values
        ('ESIGN_OUTGOING_SIGNED_RATE', s.outgoing_signed::numeric, s.outgoing_total::numeric),
        ('ESIGN_INCOMING_ELECTRONIC_RATE', s.incoming_electronic, s.incoming_total),
        ('ESIGN_WORKFILE_ONLINE_RATE', s.workfiles_online, s.workfiles_total)
    ) as v (indicator_code, numerator, denominator)
where v.denominator is not null
