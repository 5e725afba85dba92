package vn.danvan.orgunit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "Restructuring",
    description =
        "Một lần sắp xếp đơn vị, áp dụng nguyên tử từ ngày hiệu lực. Các trường dùng theo loại:"
            + " MERGE: sources + (targetUnitId | newUnit); SPLIT: sources (một) + newUnits;"
            + " RENAME: sources (một) + newName (+ newShortName, newCode); MOVE: sources (một) + newParentId;"
            + " DISSOLVE: sources (một) + successorId (tùy chọn, nhận việc còn dở).")
public record RestructuringRequest(
    @NotNull @Schema(description = "Loại sắp xếp.", examples = "MERGE", required = true)
        RestructuringKind kind,
    @NotNull
        @Schema(
            description = "Ngày hiệu lực: từ ngày này cây mới có hiệu lực.",
            examples = "2025-07-01",
            required = true)
        LocalDate effectiveDate,
    @NotBlank
        @Size(max = 500)
        @Schema(
            description = "Căn cứ pháp lý.",
            examples =
                "Nghị quyết số 1685/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội",
            required = true)
        String legalBasis,
    @Size(max = 2000)
        @Schema(description = "Ghi chú.", examples = "Sắp xếp đơn vị hành chính cấp xã năm 2025")
        String note,
    @NotNull
        @Size(min = 1, max = 200)
        @Schema(
            description = "Đơn vị nguồn (bị sáp nhập, chia tách, đổi tên, chuyển hoặc giải thể).",
            required = true)
        List<@NotNull @Valid Source> sources,
    @Schema(description = "MERGE: đơn vị đã có nhận sáp nhập.") UUID targetUnitId,
    @Valid @Schema(description = "MERGE: đơn vị mới hình thành.") NewUnit newUnit,
    @Size(max = 200) @Schema(description = "SPLIT: các đơn vị mới.")
        List<@NotNull @Valid NewUnit> newUnits,
    @Size(max = 300) @Schema(description = "RENAME: tên mới.", examples = "Phường Gò Vấp")
        String newName,
    @Size(max = 100) @Schema(description = "RENAME: tên ngắn mới.") String newShortName,
    @Size(max = 50)
        @Pattern(regexp = "[\\p{L}\\p{N}._/-]+")
        @Schema(description = "RENAME: mã mới.")
        String newCode,
    @Schema(description = "MOVE: đơn vị cấp trên mới.") UUID newParentId,
    @Schema(description = "DISSOLVE: đơn vị kế thừa nhiệm vụ, hồ sơ còn dở.") UUID successorId) {

  @Schema(name = "RestructuringSource", description = "Một đơn vị nguồn.")
  public record Source(
      @NotNull
          @Schema(
              description = "Đơn vị nguồn.",
              examples = "00000000-0000-4000-8003-000000026881",
              required = true)
          UUID unitId,
      @Schema(
              description =
                  "MERGE: nhập toàn bộ (FULL, mặc định) hay một phần (PART) vào đơn vị đích.",
              examples = "FULL")
          LineageKind share) {}

  @Schema(name = "NewOrgUnit", description = "Một đơn vị mới sinh ra từ việc sắp xếp.")
  public record NewUnit(
      @Schema(description = "Mã do bên gọi chọn (tùy chọn).") UUID id,
      @NotNull @Schema(description = "Loại.", examples = "COMMUNE", required = true)
          OrgUnitKind kind,
      @NotBlank
          @Size(max = 300)
          @Schema(description = "Tên.", examples = "Phường An Hội Tây", required = true)
          String name,
      @Size(max = 100) @Schema(description = "Tên ngắn.") String shortName,
      @Size(max = 50)
          @Pattern(regexp = "[\\p{L}\\p{N}._/-]+")
          @Schema(description = "Mã chính thức.", examples = "26882")
          String code,
      @Schema(
              description = "Đơn vị cấp trên (mặc định: cấp trên của đơn vị nguồn đầu tiên).",
              examples = "00000000-0000-4000-8001-000000000079")
          UUID parentId) {}
}
