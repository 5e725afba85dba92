package vn.danvan.orgunit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Loại đơn vị. DISTRICT chỉ tồn tại đến 30/6/2025.", examples = "COMMUNE")
public enum OrgUnitKind implements LabeledEnum {
  CENTRAL,
  PROVINCE,
  DISTRICT,
  COMMUNE,
  DEPARTMENT,
  OTHER;

  /** Which kinds may stand directly below a unit of this kind. */
  boolean accepts(OrgUnitKind child) {
    return switch (this) {
      case CENTRAL ->
          child == CENTRAL || child == PROVINCE || child == DEPARTMENT || child == OTHER;
      case PROVINCE ->
          child == DISTRICT || child == COMMUNE || child == DEPARTMENT || child == OTHER;
      case DISTRICT -> child == COMMUNE || child == DEPARTMENT || child == OTHER;
      case COMMUNE, DEPARTMENT, OTHER -> child == DEPARTMENT || child == OTHER;
    };
  }
}
