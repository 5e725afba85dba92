package vn.danvan.reporting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;

@Schema(
    name = "ReportConsolidation",
    description =
        "Một phiên bản tổng hợp báo cáo (không đổi sau khi tạo): giá trị tổng hợp của từng chỉ tiêu theo cách"
            + " tổng hợp của nó, nguồn gốc (báo cáo và phiên bản nào của đơn vị nào, với giá trị của nó), các"
            + " đơn vị chưa có báo cáo được dùng, gửi muộn hoặc bị trả lại, và bản tổng hợp đã cũ chưa (stale,"
            + " tính khi đọc).")
public record ReportConsolidationResponse(
    @Schema(description = "Mã định danh phiên bản tổng hợp.") UUID id,
    @Schema(description = "Chế độ báo cáo.", examples = "00000000-0000-4b0d-9023-764000000001")
        UUID regimeId,
    @Schema(description = "Mã kỳ.", examples = "2023S1") String period,
    @Schema(description = "Đơn vị tổng hợp.", examples = "e7ef043b-872f-3d4c-bfff-3c3a98c6a29a")
        UUID collectingUnitId,
    @Schema(
            description = "Tên đơn vị tổng hợp vào ngày đầu kỳ.",
            examples = "Phòng Nội vụ quận Gò Vấp")
        String collectingUnitName,
    @Schema(
            description = "Số phiên bản tổng hợp (1, 2, … theo chế độ, kỳ và đơn vị tổng hợp).",
            examples = "2")
        int number,
    @Schema(description = "Mẫu báo cáo.", examples = "00000000-0000-4b0c-9021-000000000001")
        UUID templateId,
    @Schema(description = "Phiên bản mẫu của chế độ.", examples = "1") int templateVersion,
    @Schema(
            description =
                "true: đã dùng cả phiên bản đã gửi chưa được tiếp nhận; false: chỉ phiên bản đã tiếp nhận.",
            examples = "false")
        boolean includeSubmitted,
    @Schema(description = "Thời điểm tổng hợp.", examples = "2023-05-05T02:30:00Z")
        Instant computedAt,
    @Schema(description = "Người yêu cầu tổng hợp.", examples = "hcm-manager") String computedBy,
    @Schema(
            description =
                "true khi tập báo cáo được dùng nếu tổng hợp lúc này khác tập đã dùng (đơn vị gửi lại, được"
                    + " tiếp nhận, bị trả lại…): cần tổng hợp lại.",
            examples = "false")
        boolean stale,
    @Schema(description = "Lý do đã cũ, theo từng đơn vị (rỗng khi không cũ).")
        List<StaleReason> staleReasons,
    @Schema(description = "Số đơn vị phải báo cáo trong kỳ.", examples = "20")
        int expectedUnitCount,
    @Schema(description = "Số đơn vị có báo cáo được dùng.", examples = "17") int inputCount,
    @Schema(description = "Số đơn vị không có báo cáo được dùng.", examples = "3")
        int missingUnitCount,
    @Schema(description = "Số đơn vị gửi báo cáo quá hạn.", examples = "2") int lateUnitCount,
    @Schema(description = "Số đơn vị có báo cáo đang bị trả lại.", examples = "1")
        int returnedUnitCount,
    @Schema(description = "Giá trị tổng hợp của các chỉ tiêu, theo thứ tự của mẫu.")
        List<Indicator> indicators,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Nguồn gốc: mỗi báo cáo đã dùng (đơn vị, báo cáo, phiên bản) với giá trị các chỉ tiêu của nó."
                    + " Chỉ có khi xem một phiên bản (GET …/{id}); vắng trong trả lời khi tổng hợp (POST) và"
                    + " trong danh sách phiên bản.")
        List<Input> inputs,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Đơn vị phải báo cáo không có báo cáo được dùng (chưa tạo, chưa gửi, chưa tiếp nhận hoặc bị"
                    + " trả lại). Vắng trong danh sách phiên bản.")
        List<UnitRef> missingUnits,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Đơn vị gửi báo cáo quá hạn. Vắng trong danh sách phiên bản.")
        List<UnitRef> lateUnits,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Đơn vị có báo cáo đang bị trả lại. Vắng trong danh sách phiên bản.")
        List<UnitRef> returnedUnits)
    implements Versioned {

  /** Consolidation versions never change: the ETag is constant. */
  @Override
  @JsonIgnore
  public long version() {
    return 0;
  }

  @Schema(name = "ReportConsolidationIndicator", description = "Giá trị tổng hợp của một chỉ tiêu.")
  public record Indicator(
      @Schema(description = "Mã chỉ tiêu.", examples = "KNTC_TY_LE_GIAI_QUYET") String code,
      @Schema(description = "Tên chỉ tiêu.", examples = "Tỷ lệ giải quyết khiếu nại, tố cáo")
          String labelVi,
      @Schema(description = "Tên tiếng Anh.") String labelEn,
      @Schema(description = "Đơn vị tính.", examples = "%") String measurementUnit,
      @Schema(description = "Kiểu giá trị.", examples = "PERCENT") IndicatorType type,
      @Schema(description = "Cách tổng hợp.", examples = "WEIGHTED_AVG")
          IndicatorAggregation aggregation,
      @Schema(description = "Chỉ tiêu trọng số (WEIGHTED_AVG).", examples = "KNTC_THU_LY")
          String weightCode,
      @Schema(
              implementation = Object.class,
              description =
                  "Giá trị tổng hợp: SUM, MIN, MAX chính xác; AVG, WEIGHTED_AVG làm tròn 2 chữ số thập phân"
                      + " (nửa lên); COUNT_TRUE là số đơn vị trả lời có; vắng với NONE, TEXT hoặc khi không"
                      + " đơn vị nào có giá trị (WEIGHTED_AVG: hoặc tổng trọng số bằng 0).",
              examples = "92.31")
          JsonNode value,
      @Schema(description = "Số đơn vị có giá trị được tính.", examples = "17") int valueCount,
      @Schema(
              description =
                  "Đơn vị có báo cáo được dùng nhưng thiếu giá trị (WEIGHTED_AVG: hoặc thiếu trọng số): không"
                      + " được tính.")
          List<UUID> missingUnitIds) {}

  @Schema(
      name = "ReportConsolidationInput",
      description = "Một báo cáo đã dùng để tổng hợp: đơn vị, báo cáo, phiên bản và giá trị.")
  public record Input(
      @Schema(description = "Đơn vị báo cáo.") UUID unitId,
      @Schema(description = "Tên đơn vị vào ngày đầu kỳ.", examples = "Phường 12") String unitName,
      @Schema(description = "Báo cáo của đơn vị.") UUID submissionId,
      @Schema(description = "Phiên bản báo cáo đã dùng.", examples = "2") int versionNumber,
      @Schema(
              description =
                  "Quyết định về phiên bản khi tổng hợp: ACCEPTED, hoặc vắng khi chưa quyết định.",
              examples = "ACCEPTED")
          String decision,
      @Schema(description = "Báo cáo gửi quá hạn.", examples = "false") Boolean late,
      @Schema(
              type = SchemaType.OBJECT,
              implementation = Object.class,
              description =
                  "Giá trị các chỉ tiêu trong phiên bản đã dùng, theo mã chỉ tiêu (số, chuỗi, true/false).",
              examples = "{\"TCD_LUOT\": 120, \"CCHC_SIPAS\": 91.5}")
          Map<String, JsonNode> values) {}

  @Schema(name = "ReportConsolidationUnit", description = "Một đơn vị phải báo cáo.")
  public record UnitRef(
      @Schema(description = "Đơn vị.") UUID unitId,
      @Schema(description = "Tên đơn vị vào ngày đầu kỳ.", examples = "Phường 12") String unitName,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(description = "Đơn vị trong danh sách của chế độ mà đơn vị này kế thừa.")
          UUID transferredFromUnitId,
      @Schema(description = "Báo cáo của đơn vị (vắng: chưa tạo).") UUID submissionId,
      @Schema(
              description =
                  "Trạng thái báo cáo khi tổng hợp: DRAFT, SUBMITTED, RETURNED, ACCEPTED; vắng khi chưa tạo.",
              examples = "RETURNED")
          String status,
      @Schema(description = "Gửi quá hạn (vắng: chưa gửi).", examples = "true") Boolean late) {}

  @Schema(
      name = "ReportConsolidationStaleReason",
      description = "Một thay đổi từ khi tổng hợp: báo cáo của một đơn vị.")
  public record StaleReason(
      @Schema(description = "Đơn vị.") UUID unitId,
      @Schema(description = "Tên đơn vị vào ngày đầu kỳ.", examples = "Phường 12") String unitName,
      @Schema(description = "Lý do.", examples = "RESUBMITTED") StaleReasonKind kind,
      @Schema(description = "Phiên bản đã dùng (vắng: không có).", examples = "1")
          Integer usedVersion,
      @Schema(
              description = "Phiên bản sẽ dùng nếu tổng hợp lúc này (vắng: không có).",
              examples = "2")
          Integer currentVersion) {}
}
