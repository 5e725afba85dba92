package vn.danvan.models;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "GoodPracticeModelInput",
    description =
        "Một mô hình \"Dân vận khéo\" khi đăng ký hoặc sửa (thay toàn bộ). Trạng thái và công nhận không sửa"
            + " trực tiếp: dùng các thao tác chuyển trạng thái.")
public record GoodPracticeModelRequest(
    @NotNull
        @Schema(
            description = "Đơn vị chủ trì xây dựng mô hình (trong phạm vi người gọi).",
            examples = "00000000-0000-4000-8004-000000026882",
            required = true)
        UUID leadUnitId,
    @Size(max = 20)
        @Schema(
            description =
                "Các đơn vị cùng xây dựng mô hình (tối đa 20, khác đơn vị chủ trì, không trùng nhau, trong"
                    + " phạm vi người gọi).",
            examples = "[\"00000000-0000-4000-8004-000000026878\"]")
        List<@NotNull UUID> coUnitIds,
    @NotNull @Schema(description = "Lĩnh vực.", examples = "ADMINISTRATIVE_REFORM", required = true)
        GoodPracticeField field,
    @NotBlank
        @Size(max = 500)
        @Schema(
            description = "Tên mô hình (tối đa 500 ký tự).",
            examples = "Dân vận khéo trong giải quyết thủ tục hành chính tại Bộ phận Một cửa",
            required = true)
        String title,
    @Size(max = 10000)
        @Schema(
            description = "Mô tả: cách làm, đối tượng, nguồn lực (tối đa 10.000 ký tự).",
            examples =
                "Công chức Bộ phận Một cửa hướng dẫn tận nơi, nhắn tin báo kết quả và hỗ trợ người cao tuổi"
                    + " nộp hồ sơ trực tuyến.")
        String description,
    @NotNull
        @Schema(
            description = "Ngày bắt đầu thực hiện mô hình.",
            examples = "2026-02-01",
            required = true)
        LocalDate startDate,
    @Schema(
            description =
                "Ngày đăng ký mô hình (mặc định hôm nay; không sau hôm nay); năm của ngày này là năm đăng ký.",
            examples = "2026-02-15")
        LocalDate registeredOn,
    @Min(0)
        @Max(100_000_000)
        @Schema(description = "Số người được hưởng lợi, tham gia.", examples = "3500")
        Integer peopleReached,
    @Min(0)
        @Max(30_000_000)
        @Schema(description = "Số hộ được hưởng lợi, tham gia.", examples = "1200")
        Integer householdsReached,
    @Size(max = 10000)
        @Schema(
            description = "Kết quả đạt được (tối đa 10.000 ký tự).",
            examples =
                "100% hồ sơ giải quyết đúng hạn; không có phản ánh, kiến nghị về thái độ phục vụ.")
        String results,
    @Valid @Size(max = 20) @Schema(description = "Các số liệu kết quả (tối đa 20).")
        List<@NotNull @Valid FigureInput> resultFigures,
    @Valid
        @Size(max = 200)
        @Schema(
            description =
                "Các đơn vị đã nhân rộng mô hình (tối đa 200, mỗi đơn vị một lần, khác các đơn vị của mô"
                    + " hình, trong phạm vi người gọi hoặc đã có trong mô hình).")
        List<@NotNull @Valid ReplicationInput> replications) {

  @Schema(name = "GoodPracticeFigure", description = "Một số liệu kết quả của mô hình.")
  public record FigureInput(
      @NotBlank
          @Size(max = 200)
          @Schema(
              description = "Tên số liệu.",
              examples = "Hồ sơ giải quyết trước hạn",
              required = true)
          String label,
      @NotNull
          @DecimalMin("0")
          @DecimalMax("1000000000000")
          @Digits(integer = 13, fraction = 4)
          @Schema(description = "Giá trị (không âm).", examples = "2450", required = true)
          BigDecimal value,
      @Size(max = 50) @Schema(description = "Đơn vị tính.", examples = "hồ sơ") String unit) {}

  @Schema(
      name = "GoodPracticeReplication",
      description = "Một đơn vị đã áp dụng, nhân rộng mô hình.")
  public record ReplicationInput(
      @NotNull
          @Schema(
              description = "Đơn vị nhân rộng.",
              examples = "00000000-0000-4000-8004-000000026884",
              required = true)
          UUID unitId,
      @NotNull
          @Schema(
              description = "Ngày áp dụng (không trước ngày bắt đầu mô hình, không sau hôm nay).",
              examples = "2026-06-01",
              required = true)
          LocalDate adoptedOn,
      @Size(max = 1000)
          @Schema(description = "Ghi chú.", examples = "Áp dụng tại Bộ phận Một cửa phường")
          String note) {}
}
