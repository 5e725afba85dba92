package vn.danvan.shared.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.sync.ImportItemResult;
import vn.danvan.shared.sync.ImportTarget;

/**
 * A test import type ({@code CALENDAR_DAY}) over the business calendar's own service, so that the
 * import framework is tested with items that really reach the database, audited and in the feed.
 * Only admins may change the calendar: other callers' items fail one by one.
 */
@ApplicationScoped
public class CalendarDayImportTarget implements ImportTarget<CalendarDayImportTarget.Item> {

  public record Item(
      @NotNull LocalDate date,
      @NotNull CalendarDayKind kind,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 200) String nameEn,
      @NotBlank @Size(max = 500) String legalBasis) {}

  @Inject CalendarService service;
  @Inject CurrentUser user;

  @Override
  public String type() {
    return "CALENDAR_DAY";
  }

  @Override
  public Class<Item> itemType() {
    return Item.class;
  }

  @Override
  public List<CsvColumn> csvColumns() {
    return List.of(
        new CsvColumn("Ngày", "date"),
        new CsvColumn("Loại ngày", "kind"),
        new CsvColumn("Tên ngày", "name"),
        new CsvColumn("Tên tiếng Anh", "nameEn"),
        new CsvColumn("Căn cứ", "legalBasis"));
  }

  @Override
  public List<ImportItemResult> apply(List<Item> items) {
    List<ImportItemResult> results = new ArrayList<>(items.size());
    for (Item item : items) {
      if (!user.isAdmin()) {
        results.add(ImportItemResult.failed(ApiException.forbidden()));
        continue;
      }
      CalendarDayResponse current;
      try {
        current = service.get(item.date());
      } catch (ApiException notListed) {
        current = null;
      }
      if (current != null
          && current.kind() == item.kind()
          && current.name().equals(item.name())
          && Objects.equals(current.nameEn(), item.nameEn())
          && current.legalBasis().equals(item.legalBasis())) {
        results.add(ImportItemResult.of(UpsertOutcome.UNCHANGED, current.id()));
        continue;
      }
      CalendarService.Saved saved =
          service.put(
              item.date(),
              current == null ? null : "\"" + current.version() + "\"",
              new CalendarDayRequest(item.kind(), item.name(), item.nameEn(), item.legalBasis()));
      results.add(
          ImportItemResult.of(
              saved.created() ? UpsertOutcome.CREATED : UpsertOutcome.UPDATED, saved.day().id()));
    }
    return results;
  }
}
