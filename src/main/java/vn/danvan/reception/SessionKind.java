package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** Kinds of reception sessions (Law on Citizen Reception 2013). */
public enum SessionKind implements LabeledEnum {
  REGULAR,
  PERIODIC_HEAD,
  AD_HOC,
  DIALOGUE
}
