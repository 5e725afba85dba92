package vn.danvan.orgunit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(description = "Loại đơn vị. DISTRICT chỉ tồn tại đến 30/6/2025.", examples = "COMMUNE")
public enum OrgUnitKind implements LabeledEnum {
  CENTRAL("Trung ương", "Central government"),
  PROVINCE("Cấp tỉnh", "Province level"),
  DISTRICT("Cấp huyện (đến 30/6/2025)", "District level (until 30 June 2025)"),
  COMMUNE("Cấp xã (xã, phường, đặc khu)", "Commune level (commune, ward, special zone)"),
  DEPARTMENT(
      "Cơ quan chuyên môn (sở, phòng, ban, thanh tra, văn phòng)",
      "Department (department, office, inspectorate)"),
  OTHER("Khác", "Other");

  private final String vi;
  private final String en;

  OrgUnitKind(String vi, String en) {
    this.vi = vi;
    this.en = en;
  }

  @Override
  public String labelVi() {
    return vi;
  }

  @Override
  public String labelEn() {
    return en;
  }

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
