{#- Written by `cchc generate` from the source declarations (state_key): do not edit by hand. -#}
{% macro state_declarations() -%}
    {{ return({"one_stop_dossiers": {"key": "dossier_code", "columns": ["unit_code", "dossier_code", "unit_name_key", "procedure_code", "procedure_name", "field_name", "service_level", "channel", "received_at", "due_at", "finished_at", "returned_at", "status", "has_fee", "paid_online", "digitized_result", "applicant_type", "supplement_requests", "supplement_wait_days", "ended_at", "digitised_components", "reused_data", "citizen_data", "synced_dvcqg"]}}) }}
{%- endmacro %}
