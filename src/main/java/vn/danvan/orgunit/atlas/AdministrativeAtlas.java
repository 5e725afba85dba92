package vn.danvan.orgunit.atlas;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The real administrative units of Việt Nam, as shipped in {@code reference/vn-admin-units/}: the
 * three-level list of 2019 (63 provinces, 713 districts, 11,160 communes), the two-level list from
 * 1 July 2025 (34 provinces, 3,321 communes) and the old → new commune mapping. How the files were
 * derived, and what they approximate, is written in the {@code NOTICE.md} beside them.
 *
 * <p>Read once, on first use, and immutable afterwards. Lists are in code order.
 */
public final class AdministrativeAtlas {

  static final String RESOURCE_DIR = "/reference/vn-admin-units/";

  /** A province (tỉnh, thành phố trực thuộc trung ương). */
  public record Province(String code, String name) {}

  /** A district of the 2019 list (quận, huyện, thị xã, thành phố thuộc tỉnh). */
  public record District(String code, String name, String provinceCode) {}

  /**
   * A commune (xã, phường, thị trấn; from 2025 also đặc khu). {@code districtCode} is null for the
   * communes of 2025, which have no district.
   */
  public record Commune(String code, String name, String districtCode, String provinceCode) {}

  /** An old commune went wholly ({@code full}) or in part into a new commune on 1 July 2025. */
  public record Mapping(String oldCommuneCode, String newCommuneCode, boolean full) {}

  /** An island district without communes that became a đặc khu (a commune) on 1 July 2025. */
  public record DistrictMapping(String oldDistrictCode, String newCommuneCode) {}

  private final List<Province> provinces2019;
  private final List<District> districts2019;
  private final List<Commune> communes2019;
  private final List<Province> provinces2025;
  private final List<Commune> communes2025;
  private final List<Mapping> mappings;
  private final List<DistrictMapping> districtMappings;
  private final Map<String, String> shortNames2025;

  private final Map<String, Province> provinces2019ByCode;
  private final Map<String, District> districts2019ByCode;
  private final Map<String, Commune> communes2019ByCode;
  private final Map<String, Province> provinces2025ByCode;
  private final Map<String, Commune> communes2025ByCode;
  private final Map<String, String> provinceSuccessors;

  private static final class Holder {
    static final AdministrativeAtlas INSTANCE = new AdministrativeAtlas();
  }

  /** The atlas, loaded from the class path on first call. */
  public static AdministrativeAtlas get() {
    return Holder.INSTANCE;
  }

  private AdministrativeAtlas() {
    provinces2019 =
        read("provinces-2019.tsv.gz", List.of("code", "name"), r -> new Province(r[0], r[1]));
    districts2019 =
        read(
            "districts-2019.tsv.gz",
            List.of("code", "name", "province_code"),
            r -> new District(r[0], r[1], r[2]));
    communes2019 =
        read(
            "communes-2019.tsv.gz",
            List.of("code", "name", "district_code", "province_code"),
            r -> new Commune(r[0], r[1], r[2], r[3]));
    List<String[]> provinceRows =
        read("provinces-2025.tsv.gz", List.of("code", "name", "short_name"), r -> r);
    provinces2025 = provinceRows.stream().map(r -> new Province(r[0], r[1])).toList();
    shortNames2025 =
        Collections.unmodifiableMap(
            provinceRows.stream()
                .filter(r -> !r[2].isEmpty())
                .collect(Collectors.toMap(r -> r[0], r -> r[2], (a, b) -> a, TreeMap::new)));
    List<String[]> communeRows =
        read("communes-2025.tsv.gz", List.of("code", "name", "province_code", "kind"), r -> r);
    communes2025 = communeRows.stream().map(r -> new Commune(r[0], r[1], null, r[2])).toList();
    mappings =
        read(
            "mappings-2025.tsv.gz",
            List.of("old_commune_code", "new_commune_code", "share"),
            r -> new Mapping(r[0], r[1], share(r[2])));
    districtMappings =
        read(
            "district-mappings-2025.tsv.gz",
            List.of("old_district_code", "new_commune_code", "share"),
            r -> {
              if (!share(r[2])) {
                throw new IllegalStateException("district mappings are whole: " + r[0]);
              }
              return new DistrictMapping(r[0], r[1]);
            });

    provinces2019ByCode = index(provinces2019, Province::code);
    districts2019ByCode = index(districts2019, District::code);
    communes2019ByCode = index(communes2019, Commune::code);
    provinces2025ByCode = index(provinces2025, Province::code);
    communes2025ByCode = index(communes2025, Commune::code);
    provinceSuccessors = deriveProvinceSuccessors();
    checkReferences();
  }

  public List<Province> provinces2019() {
    return provinces2019;
  }

  public List<District> districts2019() {
    return districts2019;
  }

  public List<Commune> communes2019() {
    return communes2019;
  }

  public List<Province> provinces2025() {
    return provinces2025;
  }

  public List<Commune> communes2025() {
    return communes2025;
  }

  /** Old commune → new commune, one row per pair, ordered by old then new code. */
  public List<Mapping> mappings() {
    return mappings;
  }

  public List<DistrictMapping> districtMappings() {
    return districtMappings;
  }

  public Optional<Commune> commune2019(String code) {
    return Optional.ofNullable(communes2019ByCode.get(code));
  }

  public Optional<Province> province2025(String code) {
    return Optional.ofNullable(provinces2025ByCode.get(code));
  }

  public Optional<Commune> commune2025(String code) {
    return Optional.ofNullable(communes2025ByCode.get(code));
  }

  /** The name without "Tỉnh"/"Thành phố" ("Hà Nội", "Cao Bằng") of a 2025 province. */
  public Optional<String> shortName2025(String provinceCode) {
    return Optional.ofNullable(shortNames2025.get(provinceCode));
  }

  /**
   * The 2025 province that an old province went into, whole (every 2019 province has exactly one).
   * Derived from the commune mappings.
   */
  public String provinceSuccessor(String oldProvinceCode) {
    String code = provinceSuccessors.get(oldProvinceCode);
    if (code == null) {
      throw new IllegalArgumentException("no 2019 province " + oldProvinceCode);
    }
    return code;
  }

  /** The old provinces that went into a 2025 province, in code order. */
  private List<String> provincePredecessors(String newProvinceCode) {
    return provinceSuccessors.entrySet().stream()
        .filter(e -> e.getValue().equals(newProvinceCode))
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * Whether a 2025 province is the old province of the same code carried on, rather than a new
   * unit: it keeps code and name (Hà Nội, Thành phố Hồ Chí Minh, even though it absorbed Bình Dương
   * and Bà Rịa - Vũng Tàu), or it keeps the code and had no other predecessor (Thừa Thiên Huế
   * renamed Thành phố Huế). A merged province that reuses a predecessor's code under another name
   * (An Giang 91, formerly Kiên Giang's code) is a new unit.
   */
  public boolean continuesOldProvince(String newProvinceCode) {
    Province now = provinces2025ByCode.get(newProvinceCode);
    Province before = provinces2019ByCode.get(newProvinceCode);
    if (now == null) {
      throw new IllegalArgumentException("no 2025 province " + newProvinceCode);
    }
    if (before == null || !newProvinceCode.equals(provinceSuccessors.get(newProvinceCode))) {
      return false;
    }
    return before.name().equals(now.name())
        || provincePredecessors(newProvinceCode).equals(List.of(newProvinceCode));
  }

  private Map<String, String> deriveProvinceSuccessors() {
    Map<String, Set<String>> successors = new TreeMap<>();
    for (Mapping m : mappings) {
      String from = communes2019ByCode.get(m.oldCommuneCode()).provinceCode();
      String to = communes2025ByCode.get(m.newCommuneCode()).provinceCode();
      successors.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Province p : provinces2019) {
      Set<String> to = successors.getOrDefault(p.code(), Set.of());
      if (to.size() != 1) {
        throw new IllegalStateException(
            "province " + p.code() + " must go whole into one 2025 province, goes into " + to);
      }
      result.put(p.code(), to.iterator().next());
    }
    return Collections.unmodifiableMap(result);
  }

  private void checkReferences() {
    for (District d : districts2019) {
      require(provinces2019ByCode.containsKey(d.provinceCode()), "district", d.code());
    }
    for (Commune c : communes2019) {
      District d = districts2019ByCode.get(c.districtCode());
      require(d != null && d.provinceCode().equals(c.provinceCode()), "commune", c.code());
    }
    for (Commune c : communes2025) {
      require(provinces2025ByCode.containsKey(c.provinceCode()), "commune", c.code());
    }
    for (Mapping m : mappings) {
      require(communes2019ByCode.containsKey(m.oldCommuneCode()), "mapping", m.oldCommuneCode());
      require(communes2025ByCode.containsKey(m.newCommuneCode()), "mapping", m.newCommuneCode());
    }
    for (DistrictMapping m : districtMappings) {
      require(districts2019ByCode.containsKey(m.oldDistrictCode()), "mapping", m.oldDistrictCode());
      require(communes2025ByCode.containsKey(m.newCommuneCode()), "mapping", m.newCommuneCode());
    }
  }

  private static void require(boolean ok, String what, String code) {
    if (!ok) {
      throw new IllegalStateException("reference data: dangling " + what + " " + code);
    }
  }

  private static boolean share(String value) {
    return switch (value) {
      case "FULL" -> true;
      case "PART" -> false;
      default -> throw new IllegalStateException("share is FULL or PART: " + value);
    };
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> code) {
    Map<String, T> map = new TreeMap<>();
    for (T item : items) {
      if (map.put(code.apply(item), item) != null) {
        throw new IllegalStateException("reference data: duplicate code " + code.apply(item));
      }
    }
    return Collections.unmodifiableMap(map);
  }

  private static <T> List<T> read(String file, List<String> header, Function<String[], T> row) {
    String path = RESOURCE_DIR + file;
    InputStream raw = AdministrativeAtlas.class.getResourceAsStream(path);
    if (raw == null) {
      throw new IllegalStateException("missing resource " + path);
    }
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), UTF_8))) {
      String first = in.readLine();
      if (first == null || !Arrays.asList(first.split("\t", -1)).equals(header)) {
        throw new IllegalStateException(path + ": expected columns " + header + ", got " + first);
      }
      List<T> rows = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != header.size()) {
          throw new IllegalStateException(path + ": malformed row " + line);
        }
        rows.add(row.apply(cells));
      }
      return Collections.unmodifiableList(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
