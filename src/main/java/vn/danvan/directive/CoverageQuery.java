package vn.danvan.directive;

import java.time.LocalDate;
import java.util.UUID;

/** One directive's coverage on a day, optionally only the units in one state. */
record CoverageQuery(UUID directiveId, LocalDate asOf, CoverageState state) {}
