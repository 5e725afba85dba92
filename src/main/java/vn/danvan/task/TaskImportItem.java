package vn.danvan.task;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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

/**
 * One task of a bulk import ({@code type=TASK}): the task as {@code PUT /tasks/{id}} writes it,
 * keyed by {@code id} or by its source key ({@code sourceSystem} defaults to the caller's when only
 * {@code sourceId} is given). In CSV, {@code coordinatingUnitIds} is one cell of ids separated by
 * {@code ;}; the recurrence is JSON only.
 */
public record TaskImportItem(
    UUID id,
    @Size(max = 64) String sourceSystem,
    @Size(max = 200) String sourceId,
    @PositiveOrZero Long sourceVersion,
    OffsetDateTime sourceUpdatedAt,
    @NotBlank @Size(max = 500) String title,
    @NotBlank @Size(max = 10000) String description,
    @NotNull UUID leadUnitId,
    @NotBlank @Size(max = 300) String responsiblePerson,
    @Size(max = 100) @JsonDeserialize(using = TaskImportItem.UnitIds.class)
        List<@NotNull UUID> coordinatingUnitIds,
    UUID assigningUnitId,
    LocalDate assignedOn,
    LocalDate dueDate,
    @Valid Recurrence recurrence,
    @NotBlank @Size(max = 4000) String expectedResult,
    UUID directiveId,
    @Size(max = 50) @Pattern(regexp = "[\\p{L}\\p{N}]+([.\\-/][\\p{L}\\p{N}]+)*")
        String directiveItem,
    TaskPriority priority,
    @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000") BigDecimal weight,
    UUID parentId) {

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
