package vn.danvan.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.sync.ImportItemResult;
import vn.danvan.shared.sync.ImportTarget;

/**
 * A test import type ({@code TEST_ECHO}) that writes nothing: each item is "created" with an id
 * derived from its key, so the framework's own cost and memory show. A title {@code refuse} is
 * answered as a failed item, {@code throw} throws (the batch is replayed item by item), and {@code
 * delayMs} slows each batch down (for cancellation).
 */
@ApplicationScoped
public class EchoImportTarget implements ImportTarget<EchoImportTarget.Item> {

  public record Item(
      @NotBlank @Size(max = 100) String key, @NotBlank String title, Integer delayMs) {}

  @Override
  public String type() {
    return "TEST_ECHO";
  }

  @Override
  public Class<Item> itemType() {
    return Item.class;
  }

  @Override
  public List<ImportItemResult> apply(List<Item> items) {
    int delay = items.stream().mapToInt(i -> i.delayMs() == null ? 0 : i.delayMs()).max().orElse(0);
    if (delay > 0) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<ImportItemResult> results = new ArrayList<>(items.size());
    for (Item item : items) {
      switch (item.title()) {
        case "throw" -> throw ApiException.invalid("/title", "field.INVALID_VALUE");
        case "refuse" -> results.add(ImportItemResult.failed(ApiException.forbidden()));
        default ->
            results.add(
                ImportItemResult.of(
                    UpsertOutcome.CREATED,
                    UUID.nameUUIDFromBytes(item.key().getBytes(StandardCharsets.UTF_8))));
      }
    }
    return results;
  }
}
