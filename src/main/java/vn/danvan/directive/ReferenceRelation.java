package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Quan hệ của văn bản với văn bản được dẫn chiếu.", examples = "IMPLEMENTS")
public enum ReferenceRelation implements LabeledEnum {
  IMPLEMENTS,
  BASED_ON,
  REPLACES,
  AMENDS,
  REVOKES;
}
