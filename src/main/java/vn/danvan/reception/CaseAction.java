package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** Transitions of a case. */
public enum CaseAction implements LabeledEnum {
  ACCEPT,
  EXTEND,
  RESOLVE,
  CLOSE,
  TRANSFER,
  REOPEN
}
