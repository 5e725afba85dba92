package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Đơn vị phải ban hành văn bản triển khai: các nơi nhận \"để thực hiện\", hoặc các đơn vị trực thuộc"
            + " trực tiếp của cơ quan ban hành thuộc một cấp, hoặc mọi đơn vị thuộc một cấp trong cây của cơ quan"
            + " ban hành (Chính phủ giao cho toàn bộ 3.321 xã, phường, đặc khu).",
    examples = "RECIPIENTS")
public enum ObligationTargets implements LabeledEnum {
  RECIPIENTS,
  CHILD_UNITS_OF_KIND,
  DESCENDANT_UNITS_OF_KIND;
}
