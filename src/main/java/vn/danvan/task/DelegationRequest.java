package vn.danvan.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.orgunit.OrgUnitKind;

@Schema(
    name = "TaskDelegation",
    description =
        "Giao tiếp nhiệm vụ xuống các đơn vị cấp dưới: liệt kê từng đơn vị (units) hoặc mọi đơn vị con trực tiếp"
            + " của một loại còn hoạt động hôm nay (childKind), không dùng cả hai. Mỗi đơn vị nhận một nhiệm vụ con;"
            + " nội dung mặc định lấy từ nhiệm vụ cha.")
public record DelegationRequest(
    @Size(max = 5000) @Schema(description = "Các đơn vị nhận, mỗi đơn vị một dòng.")
        List<@NotNull @Valid Unit> units,
    @Schema(description = "Giao cho mọi đơn vị con trực tiếp loại này.", examples = "COMMUNE")
        OrgUnitKind childKind,
    @Schema(
            description =
                "Hạn chung cho các việc con (mặc định hạn của nhiệm vụ cha; không sau hạn của nhiệm vụ cha).",
            examples = "2023-04-28")
        LocalDate dueDate,
    @Size(max = 300)
        @Schema(
            description = "Người chịu trách nhiệm chung (mặc định như nhiệm vụ cha).",
            examples = "Chủ tịch UBND phường")
        String responsiblePerson,
    @Size(max = 500) @Schema(description = "Tên chung (mặc định tên nhiệm vụ cha).") String title,
    @Size(max = 10000) @Schema(description = "Nội dung chung (mặc định nội dung nhiệm vụ cha).")
        String description,
    @Size(max = 4000) @Schema(description = "Kết quả phải đạt chung (mặc định như nhiệm vụ cha).")
        String expectedResult,
    @Schema(
            description =
                "Ngày giao các việc con (mặc định hôm nay; không sau hôm nay, không trước ngày giao nhiệm vụ cha);"
                    + " các đơn vị nhận phải tồn tại vào ngày này và hạn không trước ngày này.",
            examples = "2023-03-10")
        LocalDate assignedOn) {

  /** Without a day of assignment (today, or the day the caller passes on). */
  public DelegationRequest(
      List<Unit> units,
      OrgUnitKind childKind,
      LocalDate dueDate,
      String responsiblePerson,
      String title,
      String description,
      String expectedResult) {
    this(units, childKind, dueDate, responsiblePerson, title, description, expectedResult, null);
  }

  @Schema(
      name = "TaskDelegationUnit",
      description = "Một đơn vị nhận việc và các giá trị riêng của nó.")
  public record Unit(
      @NotNull
          @Schema(
              description = "Đơn vị chủ trì việc con (phải ở dưới đơn vị chủ trì nhiệm vụ cha).",
              required = true)
          UUID unitId,
      @Schema(description = "Hạn riêng (không sau hạn của nhiệm vụ cha).", examples = "2023-04-28")
          LocalDate dueDate,
      @Size(max = 300)
          @Schema(description = "Người chịu trách nhiệm riêng.", examples = "Trưởng phòng Nội vụ")
          String responsiblePerson,
      @Size(max = 4000) @Schema(description = "Kết quả phải đạt riêng.") String expectedResult,
      @Schema(description = "Trọng số riêng trong tiến độ tổng hợp.", examples = "1")
          java.math.BigDecimal weight) {}
}
