package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** The legal deadlines of a case. */
public enum DeadlineKind implements LabeledEnum {
  ACCEPTANCE,
  RESOLUTION
}
