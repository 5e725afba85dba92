-- Statistics read indexes only (index-only scans, no heap): by date for the whole country, and by
-- province (the second element of a stored path is always the province) and date for a province's
-- subtree. Measured on 2,000,000 visits: a province-year grouped by ward ≈ 0.3 s instead of 9 s.
create index reception_visit_stats on reception_visit (received_date)
  include (unit_id, unit_path, content_kind, field, outcome, group_size, anonymous);
create index reception_visit_province_stats on reception_visit ((unit_path[2]), received_date)
  include (unit_id, unit_path, content_kind, field, outcome, group_size, anonymous);
create index reception_case_stats on reception_case (received_date)
  include (unit_id, unit_path, kind, field, status, accepted_date, resolved_date, acceptance_due_date, resolution_due_date);
create index reception_case_province_stats on reception_case ((unit_path[2]), received_date)
  include (unit_id, unit_path, kind, field, status, accepted_date, resolved_date, acceptance_due_date, resolution_due_date);
