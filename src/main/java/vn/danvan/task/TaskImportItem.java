package vn.danvan.task;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.source.Provenance;

/**
 * One task of a bulk import ({@code type=TASK}): the task as {@code PUT /tasks/{id}} writes it,
 * keyed by {@code id} or by its source key ({@code sourceSystem} defaults to the caller's when only
 * {@code sourceId} is given). In CSV, {@code coordinatingUnitIds} is one cell of ids separated by
 * {@code ;}; the recurrence is JSON only.
 */
@Schema(
    name = "TaskImportItem",
    description =
        "Một nhiệm vụ trong lô nhập (type=TASK): như nội dung PUT /api/v1/tasks/{id} (TaskInput), kèm id hoặc"
            + " khóa nguồn; chỉ có sourceId thì sourceSystem là hệ thống của người gọi. Trong CSV,"
            + " coordinatingUnitIds là một ô các mã cách nhau bằng dấu chấm phẩy; recurrence chỉ có ở JSON.")
public record TaskImportItem(
    @Schema(description = "Mã nhiệm vụ; vắng thì nhiệm vụ được xác định bằng khóa nguồn.") UUID id,
    @Size(max = 64) @Schema(description = "Hệ thống nguồn (mặc định: của người gọi).")
        String sourceSystem,
    @Size(max = 200) @Schema(description = "Mã của nhiệm vụ trong hệ thống nguồn.") String sourceId,
    @PositiveOrZero
        @Max(Provenance.MAX_SOURCE_VERSION)
        @Schema(description = "Phiên bản trong hệ thống nguồn: cũ hơn bản đang lưu thì bị từ chối.")
        Long sourceVersion,
    @Schema(description = "Thời điểm hệ thống nguồn sửa nhiệm vụ lần cuối (RFC 3339).")
        OffsetDateTime sourceUpdatedAt,
    @NotBlank @Size(max = 500) @Schema(description = "Tên nhiệm vụ (rõ việc).") String title,
    @NotBlank @Size(max = 10000) @Schema(description = "Nội dung công việc (rõ việc).")
        String description,
    @NotNull @Schema(description = "Đơn vị chủ trì (rõ người).") UUID leadUnitId,
    @NotBlank
        @Size(max = 300)
        @Schema(description = "Người chịu trách nhiệm: chức danh hoặc họ tên (rõ trách nhiệm).")
        String responsiblePerson,
    @Size(max = 100)
        @JsonDeserialize(using = TaskImportItem.UnitIds.class)
        @Schema(description = "Các đơn vị phối hợp.")
        List<@NotNull UUID> coordinatingUnitIds,
    @Schema(description = "Đơn vị giao việc.") UUID assigningUnitId,
    @Schema(description = "Ngày giao (mặc định hôm nay).") LocalDate assignedOn,
    @Schema(description = "Hạn hoàn thành; bắt buộc trừ khi có recurrence.") LocalDate dueDate,
    @Valid @Schema(description = "Lịch định kỳ, thay cho dueDate (chỉ ở JSON).")
        Recurrence recurrence,
    @NotBlank @Size(max = 4000) @Schema(description = "Kết quả, sản phẩm phải đạt (rõ hiệu quả).")
        String expectedResult,
    @Schema(description = "Văn bản chỉ đạo giao nhiệm vụ.") UUID directiveId,
    @Size(max = 50)
        @Pattern(regexp = "[\\p{L}\\p{N}]+([.\\-/][\\p{L}\\p{N}]+)*")
        @Schema(description = "Mục của văn bản giao nhiệm vụ.")
        String directiveItem,
    @Schema(description = "Mức độ ưu tiên (mặc định NORMAL).") TaskPriority priority,
    @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("10000")
        @Schema(description = "Trọng số trong tiến độ của nhiệm vụ cha (mặc định 1).")
        BigDecimal weight,
    @Schema(description = "Nhiệm vụ cha.") UUID parentId) {

  /** The task request of the item (its key apart). */
  TaskRequest request() {
    return new TaskRequest(
        title,
        description,
        leadUnitId,
        responsiblePerson,
        coordinatingUnitIds,
        assigningUnitId,
        assignedOn,
        dueDate,
        recurrence,
        expectedResult,
        directiveId,
        directiveItem,
        priority,
        weight,
        parentId,
        sourceSystem,
        sourceId,
        sourceVersion,
        sourceUpdatedAt);
  }

  /** A JSON array of ids, or one text of ids separated by {@code ;} or {@code ,} (a CSV cell). */
  static final class UnitIds extends JsonDeserializer<List<UUID>> {
    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      List<UUID> out = new ArrayList<>();
      if (p.currentToken() == JsonToken.START_ARRAY) {
        while (p.nextToken() != JsonToken.END_ARRAY) {
          out.add(
              p.currentToken() == JsonToken.VALUE_NULL ? null : parse(p, ctxt, p.getText().trim()));
        }
        return out;
      }
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        for (String part : p.getText().split("[;,]")) {
          if (!part.isBlank()) {
            out.add(parse(p, ctxt, part.trim()));
          }
        }
        return out;
      }
      return (List<UUID>) ctxt.handleUnexpectedToken(List.class, p);
    }

    private static UUID parse(JsonParser p, DeserializationContext ctxt, String text)
        throws IOException {
      try {
        return UUID.fromString(text);
      } catch (IllegalArgumentException e) {
        return (UUID) ctxt.handleWeirdStringValue(UUID.class, text, "not a UUID");
      }
    }
  }
}
