package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** How a visit was handled (Circular 04/2021). */
public enum VisitOutcome implements LabeledEnum {
  ACCEPTED_FOR_RESOLUTION,
  RETURNED_WITH_GUIDANCE,
  TRANSFERRED,
  ANSWERED_DIRECTLY,
  REFUSED
}
