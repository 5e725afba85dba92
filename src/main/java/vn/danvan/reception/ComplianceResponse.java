package vn.danvan.reception;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.orgunit.OrgUnitKind;

@Schema(
    name = "ReceptionCompliance",
    description =
        "Việc người đứng đầu tiếp công dân định kỳ (Luật Tiếp công dân 2013, Điều 18): chủ tịch UBND cấp xã ít nhất 1 ngày"
            + " mỗi tuần, cấp tỉnh ít nhất 1 ngày mỗi tháng (cấu hình theo loại đơn vị).")
public record ComplianceResponse(
    @Schema(description = "Từ ngày.", examples = "2026-01-01") LocalDate from,
    @Schema(description = "Đến ngày.", examples = "2026-03-31") LocalDate to,
    @Schema(
            description =
                "Một trang các đơn vị phải tiếp định kỳ trong cây đơn vị, theo tên (limit, cursor).")
        List<UnitCompliance> items,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Con trỏ mờ của trang sau; vắng mặt ở trang cuối. Gửi lại qua tham số cursor.",
            examples = "eyJrIjpbIjIwMjYtMDUtMDUiXX0")
        String next) {

  @Schema(name = "UnitReceptionCompliance", description = "Kết quả của một đơn vị.")
  public record UnitCompliance(
      @Schema(description = "Đơn vị.", examples = "00000000-0000-4000-8004-000000026882")
          UUID orgUnitId,
      @Schema(description = "Tên đơn vị.", examples = "Phường An Hội Tây") String name,
      @Schema(description = "Loại đơn vị.", examples = "COMMUNE") OrgUnitKind kind,
      @Schema(description = "Chu kỳ phải tiếp ít nhất một ngày.", examples = "WEEK")
          CompliancePeriod period,
      @Schema(description = "Số kỳ đã kết thúc trong khoảng.", examples = "13") int requiredPeriods,
      @Schema(description = "Số kỳ người đứng đầu trực tiếp tiếp.", examples = "10") int heldByHead,
      @Schema(
              description = "Số kỳ chỉ có cấp phó được ủy quyền tiếp (báo cáo riêng).",
              examples = "1")
          int heldByDeputyOnly,
      @Schema(description = "Số kỳ không tiếp.", examples = "2") int missed,
      @Schema(
              description = "Các kỳ không tiếp (tuần ISO YYYY-Www hoặc tháng YYYY-MM).",
              examples = "[\"2026-W07\"]")
          List<String> missedPeriods,
      @Schema(
              description = "Các kỳ chỉ có cấp phó được ủy quyền tiếp.",
              examples = "[\"2026-W09\"]")
          List<String> deputyOnlyPeriods) {}
}
