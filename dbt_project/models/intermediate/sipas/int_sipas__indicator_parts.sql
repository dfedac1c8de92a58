-- SIPAS element rates of each unit's own responses per survey month (project convention, the official
-- formula was not found): answers 4-5 (Hài lòng, Rất hài lòng) / answered questions of the element.
-- The overall question (HL) is kept in staging but is not an element.
with answers as (

    select * from {{ ref('fct_sipas_answer') }}
    where element_code in ('TC', 'TT', 'CC', 'KQ', 'PA')

)

select
    unit_code,
    period_month,
    'SIPAS_ELEMENT_' || element_code              as indicator_code,
    count(*) filter (where is_satisfied)::numeric as numerator,
    count(*)::numeric                             as denominator,
    100                                           as scale,
    'sipas_survey'::text                          as source
from answers
group by unit_code, period_month, element_code
