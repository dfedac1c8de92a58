{#-
  The QĐ 766 band of a total (seed svc766_bands, as a lateral subquery giving band_label_vi): the rows of the unit's
  province where it has its own (province_code a prefix of the unit's code), else the common rows; the latest
  effective_from on or before the period's first day; min_points <= total (two decimals) < max_points.
-#}
{% macro svc766_band(points, unit_code, period_start) %}
    select b.band_label_vi from {{ ref('svc766_bands') }} as b
    where round({{ points }}, 2) >= coalesce(b.min_points, 0)
        and round({{ points }}, 2) < coalesce(b.max_points, 1e9)
        and b.effective_from <= {{ period_start }}
        and (b.province_code is null or {{ unit_code }} like b.province_code || '%')
    order by (b.province_code is null), b.effective_from desc limit 1
{% endmacro %}
