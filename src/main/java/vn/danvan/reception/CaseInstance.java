package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** First or second instance of a complaint's resolution. */
public enum CaseInstance implements LabeledEnum {
  FIRST,
  SECOND
}
