package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** The field a visit's content belongs to. */
public enum VisitField implements LabeledEnum {
  LAND,
  COMPENSATION_RESETTLEMENT,
  SOCIAL_POLICY,
  JUSTICE,
  CORRUPTION,
  PUBLIC_SERVICE_ATTITUDE,
  OTHER
}
