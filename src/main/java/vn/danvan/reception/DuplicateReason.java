package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** Why a case is suggested as the same matter. */
public enum DuplicateReason implements LabeledEnum {
  SAME_PERSON,
  SIMILAR_CONTENT
}
