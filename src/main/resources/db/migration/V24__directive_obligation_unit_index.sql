-- Issue 11 §5: a report counts the implementing plans owed by the units of its subtree with a due
-- date in its data window, in every state (fulfilled ones too). The existing indexes lead with the
-- directive (coverage) or hold only open rows (directive_obligation_open); this one answers "the
-- obligations of these units due in this window" with one range per unit.
create index directive_obligation_unit on directive_obligation (unit_id, due_date)
  include (fulfilled_on, passed_on, transferred_on);
