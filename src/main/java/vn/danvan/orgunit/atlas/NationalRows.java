package vn.danvan.orgunit.atlas;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows of the national data set, built in memory before {@link NationalDatasetRepository}
 * writes them in bulk. Version and lineage ids are name-based UUIDs of their unit and date.
 */
final class NationalRows {

  record Unit(UUID id, String kind, LocalDate validFrom, LocalDate validTo) {}

  record Version(
      UUID id,
      UUID unitId,
      String kind,
      String name,
      String shortName,
      String code,
      UUID parentId,
      List<UUID> path,
      LocalDate validFrom,
      LocalDate validTo) {}

  record Edge(UUID id, UUID predecessor, UUID successor, String kind, LocalDate date) {}

  final List<Unit> units = new ArrayList<>(21_000);
  final List<Version> versions = new ArrayList<>(21_000);
  final List<Edge> lineage = new ArrayList<>(16_000);

  /** Adds a unit with one version per entry of {@code names} (valid-from date → name). */
  List<UUID> unit(
      UUID id,
      String kind,
      String code,
      List<UUID> parentPath,
      LocalDate from,
      LocalDate to,
      Map<LocalDate, String[]> names) {
    units.add(new Unit(id, kind, from, to));
    List<UUID> path = new ArrayList<>(parentPath);
    path.add(id);
    List<UUID> frozen = List.copyOf(path);
    UUID parent = parentPath.isEmpty() ? null : parentPath.get(parentPath.size() - 1);
    List<LocalDate> starts = new ArrayList<>(names.keySet());
    for (int i = 0; i < starts.size(); i++) {
      LocalDate vFrom = starts.get(i);
      LocalDate vTo = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : to;
      String[] name = names.get(vFrom);
      versions.add(
          new Version(
              nameId("version:" + id + ":" + vFrom),
              id,
              kind,
              name[0],
              name.length > 1 ? name[1] : null,
              code,
              parent,
              frozen,
              vFrom,
              vTo));
    }
    return frozen;
  }

  List<UUID> unit(
      UUID id,
      String kind,
      String code,
      List<UUID> parentPath,
      LocalDate from,
      LocalDate to,
      String name,
      String shortName) {
    return unit(id, kind, code, parentPath, from, to, Map.of(from, new String[] {name, shortName}));
  }

  void edge(UUID predecessor, UUID successor, boolean full) {
    lineage.add(
        new Edge(
            nameId("lineage:" + predecessor + ":" + successor + ":" + NationalDataset.REFORM),
            predecessor,
            successor,
            full ? "FULL" : "PART",
            NationalDataset.REFORM));
  }

  private static UUID nameId(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(UTF_8));
  }
}
