package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** The state of one deadline as of today. */
public enum DeadlineState implements LabeledEnum {
  IN_TERM,
  DUE_SOON,
  OVERDUE,
  MET,
  MET_LATE
}
