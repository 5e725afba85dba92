package vn.danvan.models;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;

@Schema(
    name = "GoodPracticeModel",
    description =
        "Một mô hình \"Dân vận khéo\": đơn vị xây dựng (chủ trì và cùng thực hiện), lĩnh vực, nội dung, kết"
            + " quả, trạng thái, quyết định công nhận, các đơn vị nhân rộng. Tệp minh chứng: GET"
            + " …/{id}/attachments.")
public record GoodPracticeModelResponse(
    @Schema(description = "Mã định danh (UUID).", examples = "00000000-0000-4e0d-9030-079000000001")
        UUID id,
    @Schema(description = "Đơn vị chủ trì.", examples = "00000000-0000-4000-8004-000000026882")
        UUID leadUnitId,
    @Schema(description = "Các đơn vị cùng xây dựng (có thể rỗng).") List<UUID> coUnitIds,
    @Schema(description = "Các đơn vị của mô hình với tên hiện nay, đơn vị chủ trì đứng đầu.")
        List<ModelUnit> units,
    @Schema(description = "Lĩnh vực.", examples = "ADMINISTRATIVE_REFORM") GoodPracticeField field,
    @Schema(
            description = "Tên mô hình.",
            examples = "Dân vận khéo trong giải quyết thủ tục hành chính tại Bộ phận Một cửa")
        String title,
    @Schema(description = "Mô tả.", examples = "Công chức hướng dẫn tận nơi cho người dân.")
        String description,
    @Schema(description = "Ngày bắt đầu thực hiện.", examples = "2026-02-01") LocalDate startDate,
    @Schema(description = "Ngày đăng ký.", examples = "2026-02-15") LocalDate registeredOn,
    @Schema(description = "Năm đăng ký (năm của registeredOn).", examples = "2026")
        int registrationYear,
    @Schema(description = "Số người được hưởng lợi, tham gia.", examples = "3500")
        Integer peopleReached,
    @Schema(description = "Số hộ được hưởng lợi, tham gia.", examples = "1200")
        Integer householdsReached,
    @Schema(description = "Kết quả đạt được.", examples = "100% hồ sơ giải quyết đúng hạn.")
        String results,
    @Schema(description = "Các số liệu kết quả.")
        List<GoodPracticeModelRequest.FigureInput> resultFigures,
    @Schema(description = "Các đơn vị đã nhân rộng mô hình, theo ngày áp dụng.")
        List<ReplicationView> replications,
    @Schema(description = "Trạng thái.", examples = "IMPLEMENTING") GoodPracticeStatus status,
    @Schema(
            description = "Ngày bắt đầu triển khai (từ START_IMPLEMENTATION).",
            examples = "2026-03-01")
        LocalDate implementingSince,
    @Schema(description = "Ngày dừng (DISCONTINUED).", examples = "2026-09-30")
        LocalDate discontinuedOn,
    @Schema(description = "Quyết định công nhận (RECOGNISED).") Recognition recognition,
    @Schema(description = "Thời điểm tạo.", examples = "2026-02-15T02:00:00Z") Instant createdAt,
    @Schema(description = "Thời điểm sửa gần nhất.", examples = "2026-03-01T02:00:00Z")
        Instant updatedAt,
    @Schema(description = "Phiên bản bản ghi (ETag).", examples = "0") long version)
    implements Versioned {

  @Schema(name = "GoodPracticeModelUnit", description = "Một đơn vị của mô hình.")
  public record ModelUnit(
      @Schema(description = "Mã đơn vị.", examples = "00000000-0000-4000-8004-000000026882")
          UUID id,
      @Schema(
              description = "Tên đơn vị (hôm nay, hoặc tên cuối cùng).",
              examples = "Phường An Hội Tây")
          String name,
      @Schema(description = "Đơn vị chủ trì.", examples = "true") boolean lead) {}

  @Schema(name = "GoodPracticeReplicationView", description = "Một đơn vị đã nhân rộng mô hình.")
  public record ReplicationView(
      @Schema(description = "Đơn vị nhân rộng.", examples = "00000000-0000-4000-8004-000000026884")
          UUID unitId,
      @Schema(description = "Tên đơn vị.", examples = "Phường Hạnh Thông") String unitName,
      @Schema(description = "Ngày áp dụng.", examples = "2026-06-01") LocalDate adoptedOn,
      @Schema(description = "Ghi chú.", examples = "Áp dụng tại Bộ phận Một cửa phường")
          String note) {}

  @Schema(name = "GoodPracticeRecognition", description = "Quyết định công nhận mô hình.")
  public record Recognition(
      @Schema(description = "Cấp công nhận.", examples = "PROVINCE") RecognitionLevel level,
      @Schema(
              description = "Văn bản quyết định công nhận.",
              examples = "00000000-0000-4d0c-9022-079000000246")
          UUID directiveId,
      @Schema(
              description = "Số, ký hiệu của văn bản; vắng khi người gọi không được xem văn bản.",
              examples = "246/KH-UBND")
          String directiveNumber,
      @Schema(description = "Ngày công nhận.", examples = "2026-05-19") LocalDate date) {}
}
