package vn.danvan.reception;

import vn.danvan.shared.reference.LabeledEnum;

/** The four kinds of content citizens bring. */
public enum ContentKind implements LabeledEnum {
  COMPLAINT,
  DENUNCIATION,
  PETITION,
  FEEDBACK
}
