package vn.danvan.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.CreateOrgUnitRequest;
import vn.danvan.orgunit.LineageKind;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.orgunit.RestructuringKind;
import vn.danvan.orgunit.RestructuringRequest;
import vn.danvan.orgunit.RestructuringService;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.orgunit.atlas.AdministrativeAtlas;
import vn.danvan.orgunit.atlas.AdministrativeAtlas.Commune;
import vn.danvan.orgunit.atlas.AdministrativeAtlas.Mapping;
import vn.danvan.shared.logging.BulkLoad;

/**
 * The demo world of the embedded mode, built from the documents users enter: the central
 * government, Hà Nội with quận Đống Đa, TP Hồ Chí Minh with quận Gò Vấp, An Giang — as they stood
 * until 30/06/2025 — then the 2025 reform applied through the restructuring service itself. Loaded
 * once (the root's presence marks it done); the other demo loaders run after it.
 */
@ApplicationScoped
class DemoWorld implements DemoStep {

  static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
  private static final String DONG_DA = "006";
  private static final String GO_VAP = "764";
  private static final Logger LOG = Logger.getLogger(DemoWorld.class);
  private static final String COMMUNE_REFORM_HCM =
      "Nghị quyết số 1685/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của Thành phố Hồ Chí Minh năm 2025";
  private static final String COMMUNE_REFORM_HN =
      "Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Hà Nội năm 2025";
  private static final String PROVINCE_REFORM =
      "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh";
  private static final String DISTRICTS_END =
      "Luật Tổ chức chính quyền địa phương số 72/2025/QH15: chấm dứt hoạt động của đơn vị hành chính cấp huyện từ ngày 01/7/2025";

  @Inject OrgUnitService units;
  @Inject RestructuringService restructurings;
  @Inject BulkLoad bulkLoad;

  @Override
  public void loadIfAbsent() {
    boolean present = QuarkusTransaction.requiringNew().call(() -> units.exists(UnitIds.ROOT));
    if (!present) {
      bulkLoad.run(LOG, "Demo world", this::build);
    }
  }

  private void build() {
    AdministrativeAtlas atlas = AdministrativeAtlas.get();
    // --- the world until 30/06/2025
    unit(UnitIds.ROOT, OrgUnitKind.CENTRAL, "Chính phủ", "CP", null, null, "1945-09-02");
    unit(
        UnitIds.PRIME_MINISTER,
        OrgUnitKind.CENTRAL,
        "Thủ tướng Chính phủ",
        "TTg",
        null,
        UnitIds.ROOT,
        "1945-09-02");
    unit(
        UnitIds.GOVERNMENT_INSPECTORATE,
        OrgUnitKind.DEPARTMENT,
        "Thanh tra Chính phủ",
        "TTCP",
        null,
        UnitIds.ROOT,
        "1945-11-23");
    unit(
        UnitIds.MINISTRY_OF_HOME_AFFAIRS,
        OrgUnitKind.DEPARTMENT,
        "Bộ Nội vụ",
        "BNV",
        null,
        UnitIds.ROOT,
        "1945-09-02");

    UUID haNoi = province("01", "Thành phố Hà Nội", "TP Hà Nội", "1945-09-02");
    UUID hcm = province("79", "Thành phố Hồ Chí Minh", "TP HCM", "1976-07-02");
    UUID anGiang = province("89", "Tỉnh An Giang", "An Giang", "1976-02-20");
    UUID kienGiang = province("91", "Tỉnh Kiên Giang", "Kiên Giang", "1976-02-20");
    UUID binhDuong = province("74", "Tỉnh Bình Dương", "Bình Dương", "1997-01-01");
    UUID baRia = province("77", "Tỉnh Bà Rịa - Vũng Tàu", "BR-VT", "1991-08-12");

    for (UUID city : List.of(haNoi, hcm)) {
      department(city, "VAN_PHONG", "Văn phòng Ủy ban nhân dân Thành phố", "2008-08-01");
      department(city, "NOI_VU", "Sở Nội vụ", "2008-08-01");
      department(city, "THANH_TRA", "Thanh tra Thành phố", "2008-08-01");
    }
    department(anGiang, "NOI_VU", "Sở Nội vụ tỉnh An Giang", "2008-04-04");

    UUID dongDa = district(DONG_DA, "Quận Đống Đa", haNoi, "1961-05-31");
    UUID goVap = district(GO_VAP, "Quận Gò Vấp", hcm, "1976-07-02");
    department(
        dongDa,
        "VAN_PHONG",
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận Đống Đa",
        "2008-08-01");
    department(dongDa, "NOI_VU", "Phòng Nội vụ quận Đống Đa", "2008-08-01");
    department(dongDa, "THANH_TRA", "Thanh tra quận Đống Đa", "2008-08-01");
    department(
        goVap,
        "VAN_PHONG",
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận Gò Vấp",
        "2008-08-01");
    department(goVap, "NOI_VU", "Phòng Nội vụ quận Gò Vấp", "2008-08-01");
    department(goVap, "THANH_TRA", "Thanh tra quận Gò Vấp", "2008-08-01");
    department(goVap, "TNMT", "Phòng Tài nguyên và Môi trường quận Gò Vấp", "2008-08-01");
    department(goVap, "QLDT", "Phòng Quản lý đô thị quận Gò Vấp", "2008-08-01");
    for (String district : List.of(DONG_DA, GO_VAP)) {
      for (Commune c : atlas.communes2019()) {
        if (district.equals(c.districtCode())) {
          unit(
              UnitIds.oldCommune(c.code()),
              OrgUnitKind.COMMUNE,
              c.name(),
              null,
              c.code(),
              UnitIds.district(district),
              "2008-08-01");
        }
      }
    }

    // --- the reform of 01/07/2025, operation by operation
    merge(List.of(binhDuong, baRia), null, hcm, PROVINCE_REFORM);
    RestructuringRequest.NewUnit newAnGiang =
        new RestructuringRequest.NewUnit(
            UnitIds.newProvince("91"),
            OrgUnitKind.PROVINCE,
            "Tỉnh An Giang",
            "An Giang",
            "91",
            UnitIds.ROOT);
    merge(List.of(anGiang, kienGiang), newAnGiang, null, PROVINCE_REFORM);
    mergeWards(atlas, DONG_DA, haNoi, COMMUNE_REFORM_HN);
    mergeWards(atlas, GO_VAP, hcm, COMMUNE_REFORM_HCM);
    for (String key : List.of("VAN_PHONG", "NOI_VU", "THANH_TRA")) {
      dissolve(UnitIds.department(UnitIds.district(DONG_DA), key), UnitIds.department(haNoi, key));
      dissolve(UnitIds.department(UnitIds.district(GO_VAP), key), UnitIds.department(hcm, key));
    }
    dissolve(UnitIds.department(goVap, "TNMT"), hcm);
    dissolve(UnitIds.department(goVap, "QLDT"), hcm);
    dissolve(dongDa, haNoi);
    dissolve(goVap, hcm);
  }

  /** The wards of one old district merged into their real successors (from the 2025 mapping). */
  private void mergeWards(
      AdministrativeAtlas atlas, String district, UUID province, String legalBasis) {
    Map<String, List<Mapping>> byNewWard = new LinkedHashMap<>();
    for (Mapping m : atlas.mappings()) {
      atlas
          .commune2019(m.oldCommuneCode())
          .filter(c -> district.equals(c.districtCode()))
          .ifPresent(
              c -> byNewWard.computeIfAbsent(m.newCommuneCode(), k -> new ArrayList<>()).add(m));
    }
    for (Map.Entry<String, List<Mapping>> e : byNewWard.entrySet()) {
      Commune ward = atlas.commune2025(e.getKey()).orElseThrow();
      List<RestructuringRequest.Source> sources =
          e.getValue().stream()
              .map(
                  m ->
                      new RestructuringRequest.Source(
                          UnitIds.oldCommune(m.oldCommuneCode()),
                          m.full() ? LineageKind.FULL : LineageKind.PART))
              .toList();
      RestructuringRequest.NewUnit target =
          new RestructuringRequest.NewUnit(
              UnitIds.newCommune(ward.code()),
              OrgUnitKind.COMMUNE,
              ward.name(),
              null,
              ward.code(),
              province);
      restructurings.restructure(
          new RestructuringRequest(
              RestructuringKind.MERGE,
              REFORM,
              legalBasis,
              null,
              sources,
              null,
              target,
              null,
              null,
              null,
              null,
              null,
              null),
          false);
    }
  }

  private void merge(
      List<UUID> sources, RestructuringRequest.NewUnit newUnit, UUID target, String legalBasis) {
    restructurings.restructure(
        new RestructuringRequest(
            RestructuringKind.MERGE,
            REFORM,
            legalBasis,
            null,
            sources.stream()
                .map(s -> new RestructuringRequest.Source(s, LineageKind.FULL))
                .toList(),
            target,
            newUnit,
            null,
            null,
            null,
            null,
            null,
            null),
        false);
  }

  private void dissolve(UUID unit, UUID successor) {
    restructurings.restructure(
        new RestructuringRequest(
            RestructuringKind.DISSOLVE,
            REFORM,
            DISTRICTS_END,
            null,
            List.of(new RestructuringRequest.Source(unit, null)),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            successor),
        false);
  }

  private UUID province(String code, String name, String shortName, String from) {
    return unit(
        UnitIds.province(code), OrgUnitKind.PROVINCE, name, shortName, code, UnitIds.ROOT, from);
  }

  private UUID district(String code, String name, UUID province, String from) {
    return unit(UnitIds.district(code), OrgUnitKind.DISTRICT, name, null, code, province, from);
  }

  private UUID department(UUID parent, String key, String name, String from) {
    return unit(
        UnitIds.department(parent, key), OrgUnitKind.DEPARTMENT, name, null, null, parent, from);
  }

  private UUID unit(
      UUID id,
      OrgUnitKind kind,
      String name,
      String shortName,
      String code,
      UUID parent,
      String from) {
    units.create(
        new CreateOrgUnitRequest(id, kind, name, shortName, code, parent, LocalDate.parse(from)));
    return id;
  }
}
