package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** Who presided over a session: the head in person, a deputy by delegation, an officer. */
public enum HostRole implements LabeledEnum {
  HEAD,
  DEPUTY_DELEGATED,
  OFFICER
}
