-- Published national PAR results for reports (the province beside the others): as fct_par_national.
select * from {{ ref('fct_par_national') }}
