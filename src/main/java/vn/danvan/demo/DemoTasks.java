package vn.danvan.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.shared.logging.BulkLoad;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.time.BusinessTime;
import vn.danvan.task.DelegationRequest;
import vn.danvan.task.ExtensionAction;
import vn.danvan.task.ExtensionDecisionRequest;
import vn.danvan.task.ExtensionRequestInput;
import vn.danvan.task.ExtensionResponse;
import vn.danvan.task.ProgressUpdateRequest;
import vn.danvan.task.Recurrence;
import vn.danvan.task.RecurrenceFrequency;
import vn.danvan.task.TaskAction;
import vn.danvan.task.TaskExtensionService;
import vn.danvan.task.TaskPriority;
import vn.danvan.task.TaskProgressService;
import vn.danvan.task.TaskRequest;
import vn.danvan.task.TaskResponse;
import vn.danvan.task.TaskService;
import vn.danvan.task.TaskTransitionRequest;

/**
 * The tasks of two demo documents as they assign them: Kế hoạch 847/KH-UBND of Gò Vấp (10/3/2023,
 * section IV: the 16 wards, the Văn phòng, Phòng Nội vụ, Thanh tra, Phòng TN&amp;MT and Phòng QLĐT,
 * the six-month and annual reports before 05/5 and 05/11) and Chỉ thị 02/CT-UBND of Đống Đa
 * (24/01/2022, to the heads of its units and the 21 wards).
 *
 * <p>Tasks are assigned to the units as they stood then. Gò Vấp, its departments and its wards
 * ended on 30/6/2025: what they finished stays theirs; what was still open passes, as the reform's
 * restructuring does for new work, to the successor named in it (the city's Sở Nội vụ, Văn phòng,
 * Thanh tra, or the city itself). The recurring reports keep producing occurrences, so whatever the
 * day the demo shows the four states: done on time, done late, overdue (reports never sent) and in
 * term (the next report). Loaded once, after the demo documents (a task of Kế hoạch 847 marks it
 * done).
 */
@ApplicationScoped
class DemoTasks implements DemoStep {

  private static final Logger LOG = Logger.getLogger(DemoTasks.class);

  @Inject TaskService tasks;
  @Inject TaskProgressService progress;
  @Inject TaskExtensionService extensions;
  @Inject BulkLoad bulkLoad;
  @Inject Clock clock;

  @Override
  public void loadIfAbsent() {
    boolean present =
        QuarkusTransaction.requiringNew()
            .call(() -> tasks.existsForDirective(DemoDirectives.KH_847_GO_VAP));
    if (!present) {
      bulkLoad.run(LOG, "Demo tasks", this::build);
    }
  }

  private void build() {
    goVap();
    dongDa();
  }

  private void goVap() {
    UUID district = UnitIds.district("764");
    UUID vanPhong = UnitIds.department(district, "VAN_PHONG");
    UUID noiVu = UnitIds.department(district, "NOI_VU");
    UUID thanhTra = UnitIds.department(district, "THANH_TRA");
    UUID tnmt = UnitIds.department(district, "TNMT");
    UUID qldt = UnitIds.department(district, "QLDT");
    UUID hcm = UnitIds.province("79");
    UUID plan = DemoDirectives.KH_847_GO_VAP;
    String on = "2023-03-10";

    // IV.1: every unit of the district and the 16 wards build their 2023 programme
    UUID programme =
        create(
            plan,
            "IV.1",
            "Xây dựng chương trình, kế hoạch công tác dân vận của chính quyền năm 2023",
            "Xây dựng chương trình, kế hoạch và tổ chức thực hiện công tác dân vận của chính quyền năm 2023 gắn với"
                + " nhiệm vụ chuyên môn, thực hiện dân chủ cơ sở; tiếp tục thực hiện Chỉ thị số 03/CT-UBND ngày 17/02/2022"
                + " của Ủy ban nhân dân quận.",
            district,
            "Chủ tịch Ủy ban nhân dân quận",
            "Kế hoạch năm 2023 của các cơ quan, đơn vị và 16 phường",
            on,
            "2023-03-31",
            List.of(noiVu));
    List<TaskResponse> wards =
        tasks.delegate(
            programme,
            new DelegationRequest(
                null,
                OrgUnitKind.COMMUNE,
                LocalDate.parse("2023-03-31"),
                "Chủ tịch Ủy ban nhân dân phường",
                null,
                null,
                "Kế hoạch công tác dân vận của chính quyền năm 2023 của phường"),
            LocalDate.parse(on));
    for (int i = 0; i < wards.size(); i++) {
      // most wards on time, two late
      complete(
          wards.get(i).id(),
          i < wards.size() - 2 ? "2023-03-2" + (i % 9) : "2023-04-0" + (3 + i % 5),
          "Đã ban hành kế hoạch của phường");
    }
    complete(programme, "2023-04-10", "16/16 phường và các cơ quan đã ban hành kế hoạch năm 2023");

    // IV.1: the six-month report before 05/5 and the annual one before 05/11, every year
    UUID sixMonths =
        recurring(
            plan,
            "IV.1",
            "Báo cáo 6 tháng về công tác dân vận của chính quyền, dân chủ cơ sở",
            noiVu,
            on,
            5,
            "Báo cáo 6 tháng gửi Ủy ban nhân dân quận và Sở Nội vụ trước ngày 05/5");
    UUID annual =
        recurring(
            plan,
            "IV.1",
            "Báo cáo năm về công tác dân vận của chính quyền, dân chủ cơ sở",
            noiVu,
            on,
            11,
            "Báo cáo năm gửi Ủy ban nhân dân quận và Sở Nội vụ trước ngày 05/11");
    Map<LocalDate, UUID> six = occurrences(sixMonths);
    Map<LocalDate, UUID> year = occurrences(annual);
    completeIf(six, "2023-05-05", "2023-05-04");
    completeIf(year, "2023-11-05", "2023-11-03");
    completeIf(six, "2024-05-05", "2024-05-10");
    completeIf(year, "2024-11-05", "2024-11-05");
    completeIf(six, "2025-05-05", "2025-05-02");
    // after the reform the city's Sở Nội vụ reports: late in May 2026; November 2025 never came
    completeIf(six, "2026-05-05", "2026-05-12");

    // IV.2.a Văn phòng
    complete(
        create(
            plan,
            "IV.2.a",
            "Theo dõi, quản lý việc thực hiện công tác tiếp công dân",
            "Theo dõi, chịu trách nhiệm quản lý việc thực hiện công tác tiếp công dân theo đúng quy định của pháp luật.",
            vanPhong,
            "Chánh Văn phòng",
            "Báo cáo kết quả tiếp công dân năm 2023",
            on,
            "2023-12-31",
            List.of(thanhTra)),
        "2023-12-28",
        "Đã báo cáo kết quả tiếp công dân năm 2023");
    complete(
        create(
            plan,
            "IV.2.a",
            "Báo cáo tình hình triển khai dịch vụ công trực tuyến mức độ 3, 4",
            "Báo cáo tình hình triển khai dịch vụ công trực tuyến mức độ 3, 4 trên địa bàn quận.",
            vanPhong,
            "Chánh Văn phòng",
            "Báo cáo gửi Phòng Nội vụ tổng hợp",
            on,
            "2023-06-30",
            List.of()),
        "2023-07-10",
        "Đã gửi báo cáo");
    UUID feedback =
        create(
            plan,
            "IV.2.a",
            "Tiếp nhận, xử lý và công khai phản ánh, kiến nghị về thủ tục hành chính",
            "Tiếp nhận phản ánh, kiến nghị về thủ tục hành chính trên địa bàn quận; đánh giá, phân loại; chuyển cơ quan"
                + " có thẩm quyền xử lý và công khai kết quả để người dân, doanh nghiệp biết.",
            vanPhong,
            "Chánh Văn phòng",
            "Kết quả xử lý được công khai trên cổng thông tin của quận",
            on,
            "2023-12-31",
            List.of());
    progress(feedback, 60, "Đã xử lý 142/236 phản ánh, kiến nghị");

    // IV.2.b Phòng Nội vụ: the report on Kế hoạch 246/KH-UBND, extended once, then on time
    UUID report246 =
        create(
            plan,
            "IV.2.b",
            "Báo cáo tình hình thực hiện Kế hoạch số 246/KH-UBND của Ủy ban nhân dân Thành phố",
            "Tham mưu báo cáo tình hình thực hiện Kế hoạch số 246/KH-UBND ngày 21/01/2022 của Ủy ban nhân dân Thành phố"
                + " triển khai Chỉ thị số 33/CT-TTg để trình Ủy ban nhân dân quận báo cáo Sở Nội vụ.",
            noiVu,
            "Trưởng phòng Nội vụ",
            "Báo cáo trình Ủy ban nhân dân quận",
            on,
            "2023-10-31",
            List.of(vanPhong));
    progress(report246, 40, "Đã tổng hợp số liệu của 16 phường");
    ExtensionResponse ext =
        extensions.requestExtension(
            report246,
            new ExtensionRequestInput(
                LocalDate.parse("2023-11-15"), "Chờ số liệu tiếp công dân của Thanh tra quận"));
    extensions.decideExtension(
        report246,
        ext.id(),
        ext.version(),
        new ExtensionDecisionRequest(ExtensionAction.APPROVE, "Đồng ý gia hạn đến 15/11/2023"));
    complete(report246, "2023-11-10", "Báo cáo số 325/BC-UBND đã trình");
    UUID guide =
        create(
            plan,
            "IV.2.b",
            "Hướng dẫn, theo dõi, đôn đốc, kiểm tra, đánh giá việc thực hiện Kế hoạch",
            "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu Ủy ban nhân dân quận hướng dẫn triển khai, theo"
                + " dõi, đôn đốc, kiểm tra, đánh giá việc thực hiện Kế hoạch; đề xuất Chủ tịch chỉ đạo giải quyết vấn đề phát sinh.",
            noiVu,
            "Trưởng phòng Nội vụ",
            "Báo cáo đánh giá kết quả thực hiện Kế hoạch năm 2023",
            on,
            "2023-12-31",
            List.of(vanPhong, thanhTra));
    progress(guide, 30, "Đã ban hành hướng dẫn");
    progress(guide, 70, "Đã kiểm tra 10/16 phường");

    // IV.2.c Thanh tra quận
    complete(
        create(
            plan,
            "IV.2.c",
            "Báo cáo kết quả tiếp công dân, giải quyết kiến nghị, đơn thư khiếu nại, tố cáo",
            "Chủ trì, phối hợp Văn phòng Ủy ban nhân dân quận tham mưu báo cáo kết quả công tác tiếp công dân giải quyết"
                + " kiến nghị, đơn thư khiếu nại, tố cáo.",
            thanhTra,
            "Chánh Thanh tra quận",
            "Báo cáo năm 2023",
            on,
            "2023-11-30",
            List.of(vanPhong)),
        "2023-11-28",
        "Đã báo cáo");
    // IV.2.d Phòng TN&MT, IV.2.đ Phòng QLĐT
    complete(
        create(
            plan,
            "IV.2.d",
            "Báo cáo tình hình thực hiện Chỉ thị số 19-CT/TU về Cuộc vận động không xả rác ra đường, kênh rạch",
            "Tiếp tục tham mưu báo cáo tình hình thực hiện Chỉ thị số 19-CT/TU ngày 19/10/2018 của Ban Thường vụ Thành ủy"
                + " (Nghị quyết số 15-NQ/QU ngày 24/11/2018 của Ban Thường vụ Quận ủy).",
            tnmt,
            "Trưởng phòng Tài nguyên và Môi trường",
            "Báo cáo gửi Phòng Nội vụ tổng hợp",
            on,
            "2023-10-31",
            List.of()),
        "2023-11-06",
        "Đã gửi báo cáo");
    create(
        plan,
        "IV.2.đ",
        "Báo cáo tình hình thực hiện Chỉ thị số 23-CT/TU về quản lý nhà nước về trật tự đô thị",
        "Tiếp tục tham mưu báo cáo tình hình thực hiện Chỉ thị số 23-CT/TU ngày 25/7/2019 của Ban Thường vụ Thành ủy"
            + " (Kế hoạch số 4300/KH-UBND ngày 03/9/2019 của Ủy ban nhân dân quận).",
        qldt,
        "Trưởng phòng Quản lý đô thị",
        "Báo cáo gửi Phòng Nội vụ tổng hợp",
        on,
        "2023-10-31",
        List.of());

    // the reform of 01/7/2025: open work of the closed units passes to their successors
    LocalDate reform = DemoWorld.REFORM;
    tasks.transferOpenTasks(noiVu, UnitIds.department(hcm, "NOI_VU"), reform);
    tasks.transferOpenTasks(vanPhong, UnitIds.department(hcm, "VAN_PHONG"), reform);
    tasks.transferOpenTasks(thanhTra, UnitIds.department(hcm, "THANH_TRA"), reform);
    tasks.transferOpenTasks(tnmt, hcm, reform);
    tasks.transferOpenTasks(qldt, hcm, reform);
    tasks.transferOpenTasks(district, hcm, reform);
  }

  private void dongDa() {
    UUID district = UnitIds.district("006");
    UUID noiVu = UnitIds.department(district, "NOI_VU");
    UUID thanhTra = UnitIds.department(district, "THANH_TRA");
    UUID directive = DemoDirectives.CT_02_DONG_DA;
    String on = "2022-01-24";
    UUID briefing =
        create(
            directive,
            "1",
            "Quán triệt chủ trương của Đảng, chính sách, pháp luật của Nhà nước về công tác dân vận trong tình hình mới",
            "Tổ chức quán triệt và cụ thể hóa chủ trương của Đảng, chính sách, pháp luật của Nhà nước về công tác dân vận"
                + " trong tình hình mới gắn với nhiệm vụ phục hồi và phát triển kinh tế - xã hội.",
            district,
            "Chủ tịch Ủy ban nhân dân quận",
            "Hội nghị quán triệt tại các cơ quan, đơn vị và 21 phường",
            on,
            "2022-03-31",
            List.of(noiVu));
    List<TaskResponse> wards =
        tasks.delegate(
            briefing,
            new DelegationRequest(
                null,
                OrgUnitKind.COMMUNE,
                LocalDate.parse("2022-03-31"),
                "Chủ tịch Ủy ban nhân dân phường",
                null,
                null,
                "Hội nghị quán triệt tại phường"),
            LocalDate.parse(on));
    for (int i = 0; i < wards.size(); i++) {
      complete(
          wards.get(i).id(),
          i < wards.size() - 3 ? "2022-03-1" + (i % 9) : "2022-04-0" + (1 + i % 5),
          "Đã tổ chức hội nghị");
    }
    complete(briefing, "2022-04-08", "21/21 phường đã quán triệt");
    complete(
        create(
            directive,
            "5",
            "Thực hiện nghiêm trách nhiệm tiếp công dân, công khai đối thoại",
            "Tổ chức thực hiện có hiệu quả Luật tiếp cận thông tin; thực hiện nghiêm túc trách nhiệm tiếp công dân, tăng"
                + " cường, công khai đối thoại với Nhân dân.",
            thanhTra,
            "Chánh Thanh tra quận",
            "Báo cáo kết quả tiếp công dân, đối thoại năm 2022",
            on,
            "2022-12-31",
            List.of()),
        "2022-12-20",
        "Đã báo cáo");
    complete(
        create(
            directive,
            "7",
            "Tập huấn, bồi dưỡng kỹ năng làm công tác dân vận cho công chức, viên chức",
            "Tăng cường công tác tập huấn, bồi dưỡng kiến thức, kỹ năng làm công tác dân vận cho đội ngũ công chức, viên"
                + " chức các đơn vị.",
            noiVu,
            "Trưởng phòng Nội vụ",
            "Các lớp tập huấn năm 2022",
            on,
            "2022-12-15",
            List.of()),
        "2023-01-10",
        "Đã tổ chức 03 lớp tập huấn");
  }

  // ------------------------------------------------------------------ helpers

  private UUID create(
      UUID directive,
      String item,
      String title,
      String description,
      UUID lead,
      String person,
      String expected,
      String assignedOn,
      String due,
      List<UUID> coordinating) {
    return tasks
        .create(
            new TaskRequest(
                title,
                description,
                lead,
                person,
                coordinating,
                null,
                LocalDate.parse(assignedOn),
                LocalDate.parse(due),
                null,
                expected,
                directive,
                item,
                TaskPriority.NORMAL,
                null,
                null))
        .id();
  }

  private UUID recurring(
      UUID directive,
      String item,
      String title,
      UUID lead,
      String assignedOn,
      int month,
      String expected) {
    return tasks
        .create(
            new TaskRequest(
                title,
                "Người đứng đầu các cơ quan, đơn vị định kỳ báo cáo tình hình thực hiện công tác dân vận của chính quyền,"
                    + " dân chủ cơ sở và tình hình thực hiện Kế hoạch; Phòng Nội vụ tổng hợp báo cáo Ủy ban nhân dân quận"
                    + " và Sở Nội vụ.",
                lead,
                "Trưởng phòng Nội vụ",
                List.of(),
                null,
                LocalDate.parse(assignedOn),
                null,
                new Recurrence(RecurrenceFrequency.YEARLY, 5, month, null, null),
                expected,
                directive,
                item,
                TaskPriority.HIGH,
                null,
                null))
        .id();
  }

  private Map<LocalDate, UUID> occurrences(UUID series) {
    Map<LocalDate, UUID> out = new java.util.HashMap<>();
    for (TaskResponse t :
        tasks.children(series, null, PageRequest.of(PageRequest.MAX_LIMIT, null)).items()) {
      out.put(t.periodDate(), t.id());
    }
    return out;
  }

  private void completeIf(Map<LocalDate, UUID> occurrences, String period, String on) {
    UUID id = occurrences.get(LocalDate.parse(period));
    if (id != null) {
      complete(id, on, "Đã gửi báo cáo");
    }
  }

  private void complete(UUID id, String on, String note) {
    TaskResponse t = tasks.get(id);
    LocalDate day = LocalDate.parse(on);
    if (day.isAfter(BusinessTime.today(clock))) {
      return;
    }
    tasks.transition(
        id, t.version(), new TaskTransitionRequest(TaskAction.COMPLETE, note, null, day));
  }

  private void progress(UUID id, int percent, String note) {
    progress.addProgress(id, new ProgressUpdateRequest(percent, note));
  }
}
