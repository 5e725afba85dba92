package vn.danvan.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.models.GoodPracticeAction;
import vn.danvan.models.GoodPracticeField;
import vn.danvan.models.GoodPracticeModelRequest;
import vn.danvan.models.GoodPracticeModelRequest.FigureInput;
import vn.danvan.models.GoodPracticeModelRequest.ReplicationInput;
import vn.danvan.models.GoodPracticeModelResponse;
import vn.danvan.models.GoodPracticeModelService;
import vn.danvan.models.GoodPracticeTransitionRequest;
import vn.danvan.models.GoodPracticeTransitionRequest.RecognitionInput;
import vn.danvan.models.RecognitionLevel;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.shared.logging.BulkLoad;

/**
 * A dozen "Dân vận khéo" models across the demo wards and provinces, in the fields the plans of Gò
 * Vấp (KH 847/KH-UBND), Đống Đa (CT 02/CT-UBND) and An Giang (KH 814/KH-UBND) name: some recognised
 * by the city or province (the deciding document one of the demo documents), one by quận Gò Vấp in
 * 2023 (district level, before the reform), one replicated by another ward, one discontinued.
 * Loaded once, after the documents (the first model's presence marks it done).
 */
@ApplicationScoped
public class DemoGoodPracticeModels implements DemoStep {

  /** The one-stop-shop model of phường An Hội Tây, recognised by TP HCM and replicated. */
  public static final UUID MOT_CUA_AN_HOI_TAY = id("079000000001");

  private static final Logger LOG = Logger.getLogger(DemoGoodPracticeModels.class);

  @Inject GoodPracticeModelService models;
  @Inject BulkLoad bulkLoad;

  @Override
  public void loadIfAbsent() {
    boolean present =
        QuarkusTransaction.requiringNew().call(() -> models.exists(MOT_CUA_AN_HOI_TAY));
    if (!present) {
      bulkLoad.run(LOG, "Demo good practice models", this::build);
    }
  }

  private void build() {
    UUID anHoiTay = UnitIds.newCommune("26882");
    UUID hcm1 = UnitIds.newCommune("26876");
    UUID hcm2 = UnitIds.newCommune("26878");
    UUID hcm3 = UnitIds.newCommune("26884");
    UUID hcm4 = UnitIds.newCommune("26890");
    UUID hcm5 = UnitIds.newCommune("26898");
    UUID hn1 = UnitIds.newCommune("00190");
    UUID hn2 = UnitIds.newCommune("00199");
    UUID hn3 = UnitIds.newCommune("00226");
    UUID hn4 = UnitIds.newCommune("00229");
    UUID noiVuGoVap = UnitIds.department(UnitIds.district("764"), "NOI_VU");
    UUID noiVuAnGiang = UnitIds.department(UnitIds.province("89"), "NOI_VU");
    UUID anGiang = UnitIds.newProvince("91");

    // --- TP Hồ Chí Minh
    UUID motCua =
        model(
            MOT_CUA_AN_HOI_TAY,
            anHoiTay,
            List.of(),
            GoodPracticeField.ADMINISTRATIVE_REFORM,
            "Dân vận khéo trong giải quyết thủ tục hành chính tại Bộ phận Một cửa",
            "Công chức Bộ phận Một cửa hướng dẫn tận nơi, nhắn tin báo kết quả, hỗ trợ người cao tuổi và"
                + " người khuyết tật nộp hồ sơ trực tuyến; lấy ý kiến hài lòng của người dân sau mỗi hồ sơ.",
            "2025-08-01",
            "2025-08-15",
            5200,
            1900,
            "100% hồ sơ giải quyết đúng và trước hạn; không có phản ánh, kiến nghị về thái độ phục vụ.",
            List.of(
                figure("Hồ sơ giải quyết trước hạn", "4120", "hồ sơ"),
                figure("Tỷ lệ hồ sơ nộp trực tuyến", "72.5", "%")),
            List.of(
                new ReplicationInput(
                    hcm3, LocalDate.parse("2026-07-01"), "Áp dụng tại Bộ phận Một cửa phường")));
    start(motCua, "2025-09-01");
    recognise(motCua, RecognitionLevel.PROVINCE, DemoDirectives.KH_246_HCM, "2026-05-19");

    UUID camera =
        model(
            id("079000000002"),
            hcm1,
            List.of(),
            GoodPracticeField.DEFENCE_SECURITY,
            "Camera an ninh kết nối cộng đồng, khu phố an toàn",
            "Vận động các hộ dân, doanh nghiệp lắp đặt và kết nối camera giám sát tại các hẻm, giao lộ.",
            "2025-09-10",
            "2025-09-20",
            8000,
            2600,
            "Giảm 35% số vụ trộm cắp tài sản so với cùng kỳ.",
            List.of(figure("Camera được lắp đặt, kết nối", "146", "camera")),
            List.of());
    start(camera, "2025-10-01");

    UUID hemXanh =
        model(
            id("079000000003"),
            hcm2,
            List.of(hcm4),
            GoodPracticeField.CULTURE_SOCIETY,
            "Hẻm xanh, sạch, đẹp, không rác thải nhựa",
            "Các tổ dân phố hai phường cùng vận động người dân phân loại rác tại nguồn, trồng cây xanh"
                + " và tổ chức ngày chủ nhật xanh hằng tháng.",
            "2025-10-01",
            "2025-10-05",
            3100,
            950,
            null,
            List.of(),
            List.of());
    start(hemXanh, "2025-11-01");

    model(
        id("079000000004"),
        hcm4,
        List.of(),
        GoodPracticeField.ADMINISTRATIVE_REFORM,
        "Tổ công nghệ số cộng đồng hướng dẫn người dân sử dụng dịch vụ công trực tuyến",
        "Đoàn viên thanh niên đến từng khu phố hướng dẫn cài đặt ứng dụng VNeID và nộp hồ sơ trực tuyến.",
        "2026-03-01",
        "2026-02-20",
        null,
        null,
        null,
        List.of(),
        List.of());

    UUID sinhKe =
        model(
            id("079000000005"),
            hcm5,
            List.of(),
            GoodPracticeField.ECONOMY,
            "Hỗ trợ sinh kế, tạo việc làm cho hộ nghèo, hộ cận nghèo",
            "Kết nối doanh nghiệp, nhà hảo tâm hỗ trợ vốn, phương tiện và đào tạo nghề cho hộ nghèo.",
            "2025-08-20",
            "2025-09-01",
            420,
            140,
            null,
            List.of(figure("Hộ thoát nghèo", "38", "hộ")),
            List.of());
    start(sinhKe, "2025-09-15");

    UUID tuQuan =
        model(
            id("079000000006"),
            hcm3,
            List.of(),
            GoodPracticeField.DEFENCE_SECURITY,
            "Tổ tự quản giữ gìn trật tự, mỹ quan hẻm",
            null,
            "2025-09-01",
            "2025-09-05",
            null,
            null,
            null,
            List.of(),
            List.of());
    transition(tuQuan, GoodPracticeAction.DISCONTINUE, "2026-03-31", null);

    // --- quận Gò Vấp, before the reform: recognised by the district under KH 847/KH-UBND
    UUID thamMuu =
        model(
            id("079000000007"),
            noiVuGoVap,
            List.of(),
            GoodPracticeField.POLITICAL_SYSTEM,
            "Cán bộ, công chức \"Tham mưu tốt, dân vận khéo\"",
            "Công chức Phòng Nội vụ tham mưu Ủy ban nhân dân quận thực hiện công tác dân vận chính quyền,"
                + " gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
            "2023-03-15",
            "2023-03-20",
            null,
            null,
            "Tham mưu ban hành kịp thời các kế hoạch; 16/16 phường xây dựng kế hoạch năm 2023.",
            List.of(),
            List.of());
    start(thamMuu, "2023-04-01");
    recognise(thamMuu, RecognitionLevel.DISTRICT, DemoDirectives.KH_847_GO_VAP, "2023-12-15");

    // --- Hà Nội (the wards of former quận Đống Đa)
    UUID gpmb =
        model(
            id("001000000001"),
            hn1,
            List.of(hn2),
            GoodPracticeField.ECONOMY,
            "Dân vận khéo trong vận động giải phóng mặt bằng, chỉnh trang đô thị",
            "Đối thoại trực tiếp với từng hộ dân, công khai phương án bồi thường, hỗ trợ tái định cư.",
            "2025-08-01",
            "2025-08-10",
            1500,
            420,
            "Bàn giao mặt bằng đúng tiến độ, không có khiếu nại đông người.",
            List.of(figure("Hộ bàn giao mặt bằng", "412", "hộ")),
            List.of());
    start(gpmb, "2025-08-15");
    recognise(gpmb, RecognitionLevel.PROVINCE, DemoDirectives.CT_02_HA_NOI, "2026-04-20");

    UUID doiThoai =
        model(
            id("001000000002"),
            hn2,
            List.of(),
            GoodPracticeField.POLITICAL_SYSTEM,
            "Đối thoại với Nhân dân tại tổ dân phố vào ngày thứ bảy cuối tháng",
            null,
            "2025-10-01",
            "2025-10-01",
            900,
            null,
            null,
            List.of(),
            List.of());
    start(doiThoai, "2025-10-25");

    model(
        id("001000000003"),
        hn3,
        List.of(hn4),
        GoodPracticeField.CULTURE_SOCIETY,
        "Khu phố văn minh, nói không với vi phạm trật tự đô thị",
        null,
        "2026-04-01",
        "2026-03-25",
        null,
        null,
        null,
        List.of(),
        List.of());

    // --- An Giang: the old province (recognised under KH 814/KH-UBND), then the merged one
    UUID nongThon =
        model(
            id("089000000001"),
            noiVuAnGiang,
            List.of(),
            GoodPracticeField.ECONOMY,
            "Dân vận khéo trong xây dựng nông thôn mới",
            "Vận động Nhân dân hiến đất, góp công làm đường giao thông nông thôn, cầu bê tông.",
            "2022-03-01",
            "2022-03-10",
            12000,
            3400,
            null,
            List.of(figure("Đường giao thông nông thôn", "18.6", "km")),
            List.of());
    start(nongThon, "2022-04-01");
    recognise(nongThon, RecognitionLevel.PROVINCE, DemoDirectives.KH_814_AN_GIANG, "2023-05-12");

    UUID nongSan =
        model(
            id("091000000001"),
            anGiang,
            List.of(),
            GoodPracticeField.ECONOMY,
            "Đồng hành cùng nông dân chuyển đổi số trong tiêu thụ nông sản",
            null,
            "2025-09-01",
            "2025-09-10",
            2500,
            800,
            null,
            List.of(),
            List.of());
    start(nongSan, "2025-10-01");
  }

  private UUID model(
      UUID id,
      UUID lead,
      List<UUID> co,
      GoodPracticeField field,
      String title,
      String description,
      String start,
      String registered,
      Integer people,
      Integer households,
      String results,
      List<FigureInput> figures,
      List<ReplicationInput> replications) {
    models.create(
        id,
        new GoodPracticeModelRequest(
            lead,
            co,
            field,
            title,
            description,
            LocalDate.parse(start),
            LocalDate.parse(registered),
            people,
            households,
            results,
            new ArrayList<>(figures),
            new ArrayList<>(replications)));
    return id;
  }

  private void start(UUID id, String day) {
    transition(id, GoodPracticeAction.START_IMPLEMENTATION, day, null);
  }

  private void recognise(UUID id, RecognitionLevel level, UUID document, String day) {
    transition(
        id,
        GoodPracticeAction.RECOGNISE,
        null,
        new RecognitionInput(level, document, LocalDate.parse(day)));
  }

  private void transition(
      UUID id, GoodPracticeAction action, String day, RecognitionInput recognition) {
    GoodPracticeModelResponse current = models.get(id);
    models.transition(
        id,
        current.version(),
        new GoodPracticeTransitionRequest(
            action, day == null ? null : LocalDate.parse(day), recognition, null));
  }

  private static FigureInput figure(String label, String value, String unit) {
    return new FigureInput(label, new BigDecimal(value), unit);
  }

  private static UUID id(String tail) {
    return UUID.fromString("00000000-0000-4e0d-9030-" + tail);
  }
}
