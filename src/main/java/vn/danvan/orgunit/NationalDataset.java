package vn.danvan.orgunit;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.danvan.orgunit.AdministrativeAtlas.Commune;
import vn.danvan.orgunit.AdministrativeAtlas.District;
import vn.danvan.orgunit.AdministrativeAtlas.DistrictMapping;
import vn.danvan.orgunit.AdministrativeAtlas.Mapping;
import vn.danvan.orgunit.AdministrativeAtlas.Province;

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
 * <p>Everything is staged with PostgreSQL {@code COPY} into temporary tables and moved with three
 * set-based inserts in one transaction.
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

  private final DataSource dataSource;

  @Inject
  NationalDataset(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Loads the national tree; joins the caller's transaction or runs in its own. Idempotent: a
   * second call inserts nothing, and once a content is recorded as loaded ({@code
   * reference_dataset}) it is one primary-key lookup.
   */
  public Result load() {
    long start = System.nanoTime();
    String fingerprint = fingerprint();
    boolean loaded = QuarkusTransaction.joiningExisting().call(() -> loadedWith(fingerprint));
    if (loaded) {
      return new Result(0, 0, 0, (System.nanoTime() - start) / 1_000_000, true);
    }
    Rows rows = build(AdministrativeAtlas.get());
    LOG.debugf("National data set built in %d ms", (System.nanoTime() - start) / 1_000_000);
    int[] counts = QuarkusTransaction.joiningExisting().call(() -> write(rows, fingerprint));
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    return new Result(counts[0], counts[1], counts[2], elapsed, false);
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

  /** Whether this content was loaded already: one primary-key lookup. */
  private boolean loadedWith(String fingerprint) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement ps =
            connection.prepareStatement(
                "select 1 from reference_dataset where name = ? and fingerprint = ?")) {
      ps.setString(1, MARKER);
      ps.setString(2, fingerprint);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void recordLoaded(Connection connection, String fingerprint) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            """
            insert into reference_dataset (name, fingerprint) values (?, ?)
            on conflict (name) do update set fingerprint = excluded.fingerprint, loaded_at = now()
            """)) {
      ps.setString(1, MARKER);
      ps.setString(2, fingerprint);
      ps.executeUpdate();
    }
  }

  // ------------------------------------------------------------------------------ the model

  private record Unit(UUID id, String kind, LocalDate validFrom, LocalDate validTo) {}

  private record Version(
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

  private record Edge(UUID id, UUID predecessor, UUID successor, String kind, LocalDate date) {}

  private static final class Rows {
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
      return unit(
          id, kind, code, parentPath, from, to, Map.of(from, new String[] {name, shortName}));
    }

    void edge(UUID predecessor, UUID successor, boolean full) {
      lineage.add(
          new Edge(
              nameId("lineage:" + predecessor + ":" + successor + ":" + REFORM),
              predecessor,
              successor,
              full ? "FULL" : "PART",
              REFORM));
    }
  }

  private static UUID nameId(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(UTF_8));
  }

  private static Rows build(AdministrativeAtlas atlas) {
    Rows rows = new Rows();
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
  static String shortName(String provinceName) {
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

  // ------------------------------------------------------------------------------ the database

  private int[] write(Rows rows, String fingerprint) throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection();
        Statement st = connection.createStatement()) {
      // a database loaded before the content was recorded: compare once, then record it
      if (alreadyLoaded(connection, rows)) {
        recordLoaded(connection, fingerprint);
        return new int[] {0, 0, 0};
      }
      st.execute(
          """
          create temp table if not exists nd_unit (
            id uuid, kind text, valid_from date, valid_to date) on commit drop;
          create temp table if not exists nd_version (
            id uuid, unit_id uuid, kind text, name text, short_name text, code text,
            parent_id uuid, path uuid[], depth int, valid_from date, valid_to date) on commit drop;
          create temp table if not exists nd_lineage (
            id uuid, predecessor_id uuid, successor_id uuid, kind text, effective_date date)
            on commit drop;
          create temp table if not exists nd_skip (id uuid primary key) on commit drop;
          create temp table if not exists nd_skip_version (id uuid primary key) on commit drop;
          truncate nd_unit, nd_version, nd_lineage, nd_skip, nd_skip_version;
          """);
      long t0 = System.nanoTime();
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      copy.copyIn("copy nd_unit from stdin", new TsvReader<>(rows.units, NationalDataset::unitRow));
      copy.copyIn(
          "copy nd_version from stdin",
          new TsvReader<>(rows.versions, NationalDataset::versionRow));
      copy.copyIn(
          "copy nd_lineage from stdin", new TsvReader<>(rows.lineage, NationalDataset::edgeRow));
      st.execute("analyze nd_unit, nd_version, nd_lineage");

      long t1 = System.nanoTime();
      // A new unit whose official code is held, for an overlapping period, by another unit already
      // in the database (a demo world with other ids) would break the code's exclusion constraint:
      // skip it and everything below it.
      st.execute(
          """
          insert into nd_skip
          select distinct s.unit_id
            from nd_version s
            join org_unit_version e on e.kind = s.kind and e.code = s.code
             and daterange(e.valid_from, e.valid_to, '[]') && daterange(s.valid_from, s.valid_to, '[]')
           where s.code is not null and e.unit_id <> s.unit_id
             and not exists (select 1 from org_unit u where u.id = s.unit_id)
          """);
      int skipped = 0;
      try (ResultSet rs = st.executeQuery("select count(*) from nd_skip")) {
        rs.next();
        skipped = rs.getInt(1);
      }
      if (skipped > 0) {
        st.execute(
            """
            insert into nd_skip
            select distinct s.unit_id from nd_version s
             where s.path && (select array_agg(id) from nd_skip)
            on conflict do nothing
            """);
      }
      long t2 = System.nanoTime();
      int units =
          st.executeUpdate(
              """
              insert into org_unit (id, kind, valid_from, valid_to)
              select s.id, s.kind, s.valid_from, s.valid_to from nd_unit s
               where not exists (select 1 from nd_skip k where k.id = s.id)
              on conflict do nothing
              """);
      long t3 = System.nanoTime();
      // Versions already there, and versions that would overlap one their unit already has (a demo
      // unit with the same id), are left out. Found set-based rather than with ON CONFLICT: each
      // speculative insertion probes the GiST exclusion indexes once more, which doubles the cost.
      st.execute(
          """
          insert into nd_skip_version
          select s.id from nd_version s join org_unit_version e on e.id = s.id
          union
          select s.id from nd_version s join org_unit_version e on e.unit_id = s.unit_id
             and daterange(e.valid_from, e.valid_to, '[]') && daterange(s.valid_from, s.valid_to, '[]')
          union
          select s.id from nd_version s join org_unit_version e on e.kind = s.kind and e.code = s.code
             and daterange(e.valid_from, e.valid_to, '[]') && daterange(s.valid_from, s.valid_to, '[]')
          """);
      int versions =
          st.executeUpdate(
              """
              insert into org_unit_version
                (id, unit_id, kind, name, short_name, code, parent_id, path, depth, valid_from, valid_to)
              select s.id, s.unit_id, s.kind, s.name, s.short_name, s.code, s.parent_id, s.path,
                     s.depth, s.valid_from, s.valid_to
                from nd_version s
               where not exists (select 1 from nd_skip k where k.id = s.unit_id)
                 and not exists (select 1 from nd_skip_version k where k.id = s.id)
              """);
      long t4 = System.nanoTime();
      int lineage =
          st.executeUpdate(
              """
              insert into org_unit_lineage (id, predecessor_id, successor_id, kind, effective_date)
              select s.id, s.predecessor_id, s.successor_id, s.kind, s.effective_date
                from nd_lineage s
               where exists (select 1 from org_unit u where u.id = s.predecessor_id)
                 and exists (select 1 from org_unit u where u.id = s.successor_id)
                 and not exists (select 1 from nd_skip k where k.id in (s.predecessor_id, s.successor_id))
              on conflict do nothing
              """);
      long t5 = System.nanoTime();
      // every unit this load created must have a version, or the tree has a hole
      try (ResultSet rs =
          st.executeQuery(
              """
              select count(*) from nd_unit s
               where not exists (select 1 from org_unit_version v where v.unit_id = s.id)
                 and not exists (select 1 from nd_skip k where k.id = s.id)
              """)) {
        rs.next();
        if (rs.getInt(1) > 0) {
          throw new IllegalStateException(
              rs.getInt(1) + " units of the national data set would have no version");
        }
      }
      if (units + versions + lineage > 0) {
        st.execute("analyze org_unit, org_unit_version, org_unit_lineage");
      }
      long t6 = System.nanoTime();
      LOG.debugf(
          "National data set timings (ms): copy %d, conflicts %d, units %d, versions %d,"
              + " lineage %d, check and analyze %d",
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t3 - t2) / 1_000_000,
          (t4 - t3) / 1_000_000,
          (t5 - t4) / 1_000_000,
          (t6 - t5) / 1_000_000);
      if (skipped > 0) {
        LOG.warnf(
            "National data set: %d units (and what lies below them) skipped: their official code"
                + " is held by other units for an overlapping period",
            skipped);
      }
      LOG.debugf(
          "National data set: inserted %d/%d units, %d/%d versions, %d/%d lineage edges",
          units, rows.units.size(), versions, rows.versions.size(), lineage, rows.lineage.size());
      recordLoaded(connection, fingerprint);
      return new int[] {units, versions, lineage};
    }
  }

  /** Whether every unit, version and lineage edge of the data set is there already. */
  private static boolean alreadyLoaded(Connection connection, Rows rows) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            """
            select (select count(*) from org_unit where id = any(?)),
                   (select count(*) from org_unit_version where id = any(?)),
                   (select count(*) from org_unit_lineage where id = any(?))
            """)) {
      ps.setArray(1, connection.createArrayOf("uuid", rows.units.stream().map(Unit::id).toArray()));
      ps.setArray(
          2, connection.createArrayOf("uuid", rows.versions.stream().map(Version::id).toArray()));
      ps.setArray(
          3, connection.createArrayOf("uuid", rows.lineage.stream().map(Edge::id).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) == rows.units.size()
            && rs.getLong(2) == rows.versions.size()
            && rs.getLong(3) == rows.lineage.size();
      }
    }
  }

  private static void unitRow(Unit u, StringBuilder out) {
    cells(out, u.id(), u.kind(), u.validFrom(), u.validTo());
  }

  private static void versionRow(Version v, StringBuilder out) {
    StringBuilder path = new StringBuilder("{");
    for (UUID id : v.path()) {
      if (path.length() > 1) {
        path.append(',');
      }
      path.append(id);
    }
    path.append('}');
    cells(
        out,
        v.id(),
        v.unitId(),
        v.kind(),
        v.name(),
        v.shortName(),
        v.code(),
        v.parentId(),
        path,
        v.path().size() - 1,
        v.validFrom(),
        v.validTo());
  }

  private static void edgeRow(Edge e, StringBuilder out) {
    cells(out, e.id(), e.predecessor(), e.successor(), e.kind(), e.date());
  }

  /** One row of COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
  private static void cells(StringBuilder out, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append('\t');
      }
      Object value = values[i];
      if (value == null) {
        out.append("\\N");
        continue;
      }
      String text = value.toString();
      for (int j = 0; j < text.length(); j++) {
        char c = text.charAt(j);
        switch (c) {
          case '\\' -> out.append("\\\\");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          default -> out.append(c);
        }
      }
    }
    out.append('\n');
  }

  /** Streams rows to COPY without building one big string. */
  private static final class TsvReader<T> extends Reader {
    private final Iterator<T> rows;
    private final BiConsumer<T, StringBuilder> format;
    private final StringBuilder buffer = new StringBuilder(1 << 16);
    private int position;

    TsvReader(List<T> rows, BiConsumer<T, StringBuilder> format) {
      this.rows = rows.iterator();
      this.format = format;
    }

    @Override
    public int read(char[] target, int offset, int length) {
      if (position == buffer.length()) {
        buffer.setLength(0);
        position = 0;
        while (buffer.length() < (1 << 15) && rows.hasNext()) {
          format.accept(rows.next(), buffer);
        }
        if (buffer.isEmpty()) {
          return -1;
        }
      }
      int n = Math.min(length, buffer.length() - position);
      buffer.getChars(position, position + n, target, offset);
      position += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
