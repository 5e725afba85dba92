package vn.danvan.orgunit.atlas;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.orgunit.atlas.AdministrativeAtlas.Commune;
import vn.danvan.orgunit.atlas.AdministrativeAtlas.District;
import vn.danvan.orgunit.atlas.AdministrativeAtlas.DistrictMapping;
import vn.danvan.orgunit.atlas.AdministrativeAtlas.Mapping;
import vn.danvan.orgunit.atlas.AdministrativeAtlas.Province;
import vn.danvan.shared.audit.AuditTrail;

/**
 * Loads the real national tree of units into the org-unit tables: the government and three central
 * bodies, the 2019 list of provinces, districts and communes (standing for 1 January 2019 – 30 June
 * 2025), the 34 provinces and 3,321 communes from 1 July 2025, generated departments for every
 * province and district, and the lineage between the two worlds. Data and approximations: {@link
 * AdministrativeAtlas} and {@code reference/vn-admin-units/NOTICE.md}.
 *
 * <p>The model, in short:
 *
 * <ul>
 *   <li>A 2025 province that {@linkplain AdministrativeAtlas#continuesOldProvince continues} an old
 *       one keeps its id ({@link UnitIds#province}) and its departments; it gets a second version
 *       only when its name changed (Huế). The other old provinces close on 30 June 2025 with a FULL
 *       lineage edge to their successor, and so do their departments, to the successor's department
 *       of the same key. A merged province is a new unit ({@link UnitIds#newProvince}) with new
 *       departments.
 *   <li>Districts and their departments close on 30 June 2025: a district FULL to its province's
 *       successor (an island district also FULL to the đặc khu it became), a district department
 *       PART to the matching department of that province (its work went partly to the communes).
 *   <li>Every old commune closes on 30 June 2025 and every 2025 commune is a new unit ({@link
 *       UnitIds#oldCommune} and {@link UnitIds#newCommune} differ even for a commune that kept code
 *       and name), linked FULL or PART as the mapping says.
 * </ul>
 *
 * <p>Ids are deterministic ({@link UnitIds}; versions and lineage edges are name-based UUIDs of
 * their unit and date), so loading is idempotent: rows whose id exists are left alone, a unit's
 * version that would overlap a version it already has is skipped, and a new unit whose official
 * code is already taken for an overlapping period by another unit is skipped with everything below
 * it. A demo world built with the same ids therefore survives a national load. The load writes no
 * audit events and no change-log entries: it is reference data, not a change made by a user.
 *
 * <p>{@link NationalDatasetRepository} writes the rows in one transaction.
 */
@ApplicationScoped
public class NationalDataset {

  private static final Logger LOG = Logger.getLogger(NationalDataset.class);

  static final LocalDate GOVERNMENT_FOUNDED = LocalDate.of(1945, 9, 2);
  static final LocalDate OLD_WORLD_FROM = LocalDate.of(2019, 1, 1);
  static final LocalDate OLD_WORLD_TO = LocalDate.of(2025, 6, 30);
  static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

  /**
   * Rows inserted by one {@link #load()} call, how long it took, and whether the database already
   * held this content (then nothing was built or compared).
   */
  public record Result(
      int units, int versions, int lineage, long elapsedMillis, boolean alreadyLoaded) {}

  /** Bump when {@link #build} changes what it produces from the same reference files. */
  static final String REVISION = "national-1";

  static final String MARKER = "national";

  private static final List<String> REFERENCE_FILES =
      List.of(
          "provinces-2019.tsv.gz",
          "districts-2019.tsv.gz",
          "communes-2019.tsv.gz",
          "provinces-2025.tsv.gz",
          "communes-2025.tsv.gz",
          "mappings-2025.tsv.gz",
          "district-mappings-2025.tsv.gz");

  /** A department of a province: key (the id's suffix) and name. */
  private record Dept(String key, String name) {}

  private static final List<Dept> PROVINCE_DEPARTMENTS =
      List.of(
          new Dept("VAN_PHONG", "Văn phòng Ủy ban nhân dân %s"),
          new Dept("NOI_VU", "Sở Nội vụ"),
          new Dept("THANH_TRA", "Thanh tra %s"),
          new Dept("TNMT", "Sở Tài nguyên và Môi trường"),
          new Dept("TU_PHAP", "Sở Tư pháp"),
          new Dept("KHDT", "Sở Kế hoạch và Đầu tư"),
          new Dept("TAI_CHINH", "Sở Tài chính"),
          new Dept("CONG_THUONG", "Sở Công Thương"),
          new Dept("NNPTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
          new Dept("GTVT", "Sở Giao thông vận tải"),
          new Dept("XAY_DUNG", "Sở Xây dựng"),
          new Dept("TTTT", "Sở Thông tin và Truyền thông"),
          new Dept("LDTBXH", "Sở Lao động - Thương binh và Xã hội"),
          new Dept("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
          new Dept("KHCN", "Sở Khoa học và Công nghệ"),
          new Dept("GDDT", "Sở Giáo dục và Đào tạo"),
          new Dept("Y_TE", "Sở Y tế"),
          new Dept("DAN_TOC", "Ban Dân tộc"));

  private final NationalDatasetRepository repo;
  private final AuditTrail audit;

  @Inject
  NationalDataset(NationalDatasetRepository repo, AuditTrail audit) {
    this.repo = repo;
    this.audit = audit;
  }

  /**
   * Loads the national tree; joins the caller's transaction or runs in its own. Idempotent: a
   * second call inserts nothing, and once a content is recorded as loaded ({@code
   * reference_dataset}) it is one primary-key lookup.
   */
  public Result load() {
    long start = System.nanoTime();
    String fingerprint = fingerprint();
    boolean loaded = QuarkusTransaction.joiningExisting().call(() -> repo.loadedWith(fingerprint));
    if (loaded) {
      return new Result(0, 0, 0, (System.nanoTime() - start) / 1_000_000, true);
    }
    NationalRows rows = build(AdministrativeAtlas.get());
    LOG.debugf("National data set built in %d ms", (System.nanoTime() - start) / 1_000_000);
    NationalDatasetRepository.Inserted inserted =
        QuarkusTransaction.joiningExisting()
            .call(
                () -> {
                  NationalDatasetRepository.Inserted written = repo.write(rows, fingerprint);
                  // the units it wrote are changes like any other: audited and in the feed
                  audit.recordAll(
                      "NATIONAL_DATASET_LOADED",
                      OrgUnitService.ENTITY,
                      AuditTrail.Operation.UPSERT,
                      written.changed().stream()
                          .map(c -> new AuditTrail.Change(c.id(), c.id(), c.version(), null, null))
                          .toList(),
                      null);
                  return written;
                });
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    return new Result(inserted.units(), inserted.versions(), inserted.lineage(), elapsed, false);
  }

  /** The content to load: the shipped reference files and the revision of this loader. */
  static String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(REVISION.getBytes(UTF_8));
      for (String file : REFERENCE_FILES) {
        String path = AdministrativeAtlas.RESOURCE_DIR + file;
        try (InputStream in = NationalDataset.class.getResourceAsStream(path)) {
          if (in == null) {
            throw new IllegalStateException("missing resource " + path);
          }
          sha.update(file.getBytes(UTF_8));
          sha.update(in.readAllBytes());
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot read the national reference data", e);
    }
  }

  private static NationalRows build(AdministrativeAtlas atlas) {
    NationalRows rows = new NationalRows();
    List<UUID> root =
        rows.unit(
            UnitIds.ROOT, "CENTRAL", null, List.of(), GOVERNMENT_FOUNDED, null, "Chính phủ", null);
    rows.unit(
        UnitIds.PRIME_MINISTER,
        "CENTRAL",
        null,
        root,
        GOVERNMENT_FOUNDED,
        null,
        "Thủ tướng Chính phủ",
        null);
    rows.unit(
        UnitIds.GOVERNMENT_INSPECTORATE,
        "DEPARTMENT",
        null,
        root,
        GOVERNMENT_FOUNDED,
        null,
        "Thanh tra Chính phủ",
        null);
    rows.unit(
        UnitIds.MINISTRY_OF_HOME_AFFAIRS,
        "DEPARTMENT",
        null,
        root,
        GOVERNMENT_FOUNDED,
        null,
        "Bộ Nội vụ",
        null);

    // 2025 provinces: continuing ones keep the old id; merged ones are new units
    Map<String, UUID> newProvinceIds = new LinkedHashMap<>();
    for (Province p : atlas.provinces2025()) {
      newProvinceIds.put(
          p.code(),
          atlas.continuesOldProvince(p.code())
              ? UnitIds.province(p.code())
              : UnitIds.newProvince(p.code()));
    }

    // provinces before the reform, their departments, and what became of them
    for (Province old : atlas.provinces2019()) {
      String successorCode = atlas.provinceSuccessor(old.code());
      UUID id = UnitIds.province(old.code());
      UUID successor = newProvinceIds.get(successorCode);
      boolean continues = successor.equals(id);
      Map<LocalDate, String[]> names = new LinkedHashMap<>();
      names.put(OLD_WORLD_FROM, new String[] {old.name(), shortName(old.name())});
      Province now = atlas.province2025(successorCode).orElseThrow();
      if (continues && !now.name().equals(old.name())) {
        names.put(REFORM, new String[] {now.name(), shortName(now.name())});
      }
      List<UUID> path =
          rows.unit(
              id,
              "PROVINCE",
              old.code(),
              root,
              OLD_WORLD_FROM,
              continues ? null : OLD_WORLD_TO,
              names);
      for (Dept dept : PROVINCE_DEPARTMENTS) {
        UUID deptId = UnitIds.department(id, dept.key());
        String before = provinceDeptName(dept, old.name());
        String after = provinceDeptName(dept, now.name());
        Map<LocalDate, String[]> deptNames = new LinkedHashMap<>();
        deptNames.put(OLD_WORLD_FROM, new String[] {before});
        if (continues && !after.equals(before)) {
          // "Thanh tra tỉnh" of Thừa Thiên Huế became "Thanh tra thành phố" of Huế
          deptNames.put(REFORM, new String[] {after});
        }
        rows.unit(
            deptId,
            "DEPARTMENT",
            null,
            path,
            OLD_WORLD_FROM,
            continues ? null : OLD_WORLD_TO,
            deptNames);
        if (!continues) {
          rows.edge(deptId, UnitIds.department(successor, dept.key()), true);
        }
      }
      if (!continues) {
        rows.edge(id, successor, true);
      }
    }

    // merged 2025 provinces and their departments
    Map<String, List<UUID>> newProvincePaths = new LinkedHashMap<>();
    for (Province p : atlas.provinces2025()) {
      UUID id = newProvinceIds.get(p.code());
      List<UUID> path = List.of(UnitIds.ROOT, id);
      newProvincePaths.put(p.code(), path);
      if (atlas.continuesOldProvince(p.code())) {
        continue;
      }
      rows.unit(
          id,
          "PROVINCE",
          p.code(),
          root,
          REFORM,
          null,
          p.name(),
          atlas.shortName2025(p.code()).orElse(null));
      for (Dept dept : PROVINCE_DEPARTMENTS) {
        rows.unit(
            UnitIds.department(id, dept.key()),
            "DEPARTMENT",
            null,
            path,
            REFORM,
            null,
            provinceDeptName(dept, p.name()),
            null);
      }
    }

    // districts and their departments, closed at the reform
    Map<String, List<UUID>> districtPaths = new LinkedHashMap<>();
    for (District d : atlas.districts2019()) {
      UUID id = UnitIds.district(d.code());
      List<UUID> path =
          rows.unit(
              id,
              "DISTRICT",
              d.code(),
              List.of(UnitIds.ROOT, UnitIds.province(d.provinceCode())),
              OLD_WORLD_FROM,
              OLD_WORLD_TO,
              d.name(),
              null);
      districtPaths.put(d.code(), path);
      UUID successor = newProvinceIds.get(atlas.provinceSuccessor(d.provinceCode()));
      rows.edge(id, successor, true);
      String level = districtLevel(d.name());
      List<Dept> depts =
          List.of(
              new Dept("VAN_PHONG", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"),
              new Dept("NOI_VU", "Phòng Nội vụ"),
              new Dept("THANH_TRA", "Thanh tra " + level),
              new Dept("TNMT", "Phòng Tài nguyên và Môi trường"),
              level.equals("huyện")
                  ? new Dept("KTHT", "Phòng Kinh tế và Hạ tầng")
                  : new Dept("QLDT", "Phòng Quản lý đô thị"));
      for (Dept dept : depts) {
        UUID deptId = UnitIds.department(id, dept.key());
        rows.unit(
            deptId, "DEPARTMENT", null, path, OLD_WORLD_FROM, OLD_WORLD_TO, dept.name(), null);
        String provinceKey =
            switch (dept.key()) {
              case "KTHT", "QLDT" -> "XAY_DUNG";
              default -> dept.key();
            };
        rows.edge(deptId, UnitIds.department(successor, provinceKey), false);
      }
    }
    for (DistrictMapping m : atlas.districtMappings()) {
      rows.edge(
          UnitIds.district(m.oldDistrictCode()), UnitIds.newCommune(m.newCommuneCode()), true);
    }

    // communes: the 2019 list closes at the reform, the 2025 list opens
    for (Commune c : atlas.communes2019()) {
      rows.unit(
          UnitIds.oldCommune(c.code()),
          "COMMUNE",
          c.code(),
          districtPaths.get(c.districtCode()),
          OLD_WORLD_FROM,
          OLD_WORLD_TO,
          c.name(),
          null);
    }
    for (Commune c : atlas.communes2025()) {
      rows.unit(
          UnitIds.newCommune(c.code()),
          "COMMUNE",
          c.code(),
          newProvincePaths.get(c.provinceCode()),
          REFORM,
          null,
          c.name(),
          null);
    }
    for (Mapping m : atlas.mappings()) {
      rows.edge(
          UnitIds.oldCommune(m.oldCommuneCode()), UnitIds.newCommune(m.newCommuneCode()), m.full());
    }
    return rows;
  }

  /** "Hà Nội" for "Thành phố Hà Nội", "Cao Bằng" for "Tỉnh Cao Bằng". */
  private static String shortName(String provinceName) {
    return provinceName.replaceFirst("^(Tỉnh|Thành phố) ", "");
  }

  private static String provinceDeptName(Dept dept, String provinceName) {
    String level = provinceName.startsWith("Thành phố ") ? "thành phố" : "tỉnh";
    return dept.name().contains("%s") ? dept.name().formatted(level) : dept.name();
  }

  /** "quận", "huyện", "thị xã" or "thành phố", from the district's name. */
  private static String districtLevel(String districtName) {
    for (String level : List.of("Quận", "Huyện", "Thị xã", "Thành phố")) {
      if (districtName.startsWith(level + " ")) {
        return level.toLowerCase(Locale.ROOT);
      }
    }
    throw new IllegalStateException("unknown kind of district: " + districtName);
  }
}
