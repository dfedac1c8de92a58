-- Biểu 06 forms per unit, month and field (and the total row), with their file and row.
select * from {{ ref('stg_one_stop__summary') }}
