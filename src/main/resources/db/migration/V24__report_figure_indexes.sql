-- Issue 11 §5, the figures a report computes over the units of its subtree and its data window.
-- The implementing plans owed by those units with a due date in the window, in every state
-- (fulfilled ones too): the existing indexes lead with the
-- directive (coverage) or hold only open rows (directive_obligation_open); this one answers "the
-- obligations of these units due in this window" with one range per unit.
create index directive_obligation_unit on directive_obligation (unit_id, due_date)
  include (fulfilled_on, passed_on, transferred_on);

-- The visits of a report's units in its window (ReceptionReportService.visitFigures): one range per
-- unit read by an index-only scan. reception_visit_unit orders a unit's visits by instant for the
-- book and would need the heap and a second index for the business day.
create index reception_visit_unit_date on reception_visit (unit_id, received_date)
  include (content_kind, group_size, anonymous);
