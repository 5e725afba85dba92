package vn.danvan.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.reception.CaseAction;
import vn.danvan.reception.CaseInstance;
import vn.danvan.reception.CaseRequest;
import vn.danvan.reception.CaseResponse;
import vn.danvan.reception.CaseTransitionRequest;
import vn.danvan.reception.ContentKind;
import vn.danvan.reception.HostRole;
import vn.danvan.reception.IdentityDocumentType;
import vn.danvan.reception.ReceptionCaseService;
import vn.danvan.reception.ReceptionSessionService;
import vn.danvan.reception.ReceptionVisitService;
import vn.danvan.reception.SessionKind;
import vn.danvan.reception.SessionRequest;
import vn.danvan.reception.SessionResponse;
import vn.danvan.reception.VisitField;
import vn.danvan.reception.VisitOutcome;
import vn.danvan.reception.VisitRequest;
import vn.danvan.reception.Visitor;
import vn.danvan.shared.logging.BulkLoad;
import vn.danvan.shared.time.BusinessTime;

/**
 * The demo reception book: a few hundred visits by synthetic people over the demo wards in the last
 * four months — groups, denunciations (some anonymous), complaints past their deadlines, repeat
 * visits on the same case — and head-of-unit reception days with some weeks missed. ID numbers are
 * fictional by construction: CCCD numbers with century digit 9 (born in the 2300s). Loaded once
 * after the demo units (a marker session's presence means done).
 */
@ApplicationScoped
class ReceptionDemoData implements DemoStep {

  static final UUID MARKER = UUID.fromString("5e551011-0000-4000-8000-000000000001");
  private static final Logger LOG = Logger.getLogger(ReceptionDemoData.class);
  private static final ZoneOffset VN = ZoneOffset.ofHours(7);

  private static final String[] FAMILY = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương", "Lý"
  };
  private static final String[] MIDDLE_M = {"Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công"};
  private static final String[] MIDDLE_F = {"Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Hồng"};
  private static final String[] GIVEN_M = {
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Long", "Nam", "Phúc", "Quang", "Sơn",
    "Tài", "Thắng", "Tuấn", "Vinh"
  };
  private static final String[] GIVEN_F = {
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Lan", "Linh", "Mai", "Nga", "Phương",
    "Thảo", "Trang", "Vân", "Yến"
  };
  private static final String[] STREETS = {
    "Quang Trung",
    "Lê Đức Thọ",
    "Nguyễn Văn Lượng",
    "Phan Văn Trị",
    "Thống Nhất",
    "Nguyễn Oanh",
    "Phạm Văn Chiêu",
    "Lê Văn Thọ"
  };
  private static final String[][] SUMMARIES = {
    {
      "COMPLAINT",
      "LAND",
      "Khiếu nại quyết định thu hồi đất đối với thửa đất số %d, tờ bản đồ số %d"
    },
    {
      "COMPLAINT",
      "COMPENSATION_RESETTLEMENT",
      "Khiếu nại mức bồi thường, hỗ trợ khi giải phóng mặt bằng dự án mở rộng đường %s"
    },
    {
      "COMPLAINT",
      "SOCIAL_POLICY",
      "Khiếu nại việc không được xét hưởng trợ cấp xã hội hằng tháng của hộ gia đình"
    },
    {
      "DENUNCIATION",
      "CORRUPTION",
      "Tố cáo cán bộ địa chính phường có dấu hiệu nhận tiền khi giải quyết hồ sơ cấp giấy chứng nhận"
    },
    {
      "DENUNCIATION",
      "PUBLIC_SERVICE_ATTITUDE",
      "Tố cáo hành vi sách nhiễu của công chức bộ phận một cửa khi nộp hồ sơ"
    },
    {"DENUNCIATION", "LAND", "Tố cáo việc xây dựng trái phép trên đất nông nghiệp tại khu phố %d"},
    {"PETITION", "LAND", "Kiến nghị đẩy nhanh tiến độ cấp giấy chứng nhận quyền sử dụng đất"},
    {"PETITION", "OTHER", "Kiến nghị sửa chữa hệ thống thoát nước hẻm %d đường %s bị ngập khi mưa"},
    {"PETITION", "JUSTICE", "Kiến nghị hướng dẫn thủ tục chứng thực hợp đồng chuyển nhượng"},
    {
      "FEEDBACK",
      "PUBLIC_SERVICE_ATTITUDE",
      "Phản ánh thái độ phục vụ chưa đúng mực của cán bộ tiếp nhận hồ sơ"
    },
    {"FEEDBACK", "OTHER", "Phản ánh tình trạng lấn chiếm vỉa hè trên đường %s"},
    {"FEEDBACK", "SOCIAL_POLICY", "Phản ánh việc chi trả chế độ người có công chậm so với quy định"}
  };

  @Inject ReceptionSessionService sessions;
  @Inject BulkLoad bulkLoad;
  @Inject ReceptionVisitService visits;
  @Inject ReceptionCaseService cases;
  @Inject Clock clock;

  @Override
  public void loadIfAbsent() {
    boolean present = QuarkusTransaction.requiringNew().call(() -> sessions.exists(MARKER));
    if (present) {
      return;
    }
    bulkLoad.run(LOG, "Demo reception book", this::build);
  }

  private void build() {
    Random rnd = new Random(20260305L);
    LocalDate today = BusinessTime.today(clock);
    LocalDate start = today.minusWeeks(16).with(DayOfWeek.MONDAY);
    List<String> hcmWards = List.of("26876", "26878", "26882", "26884", "26890", "26898");
    List<String> hnWards = List.of("00190", "00199", "00226", "00229", "00235");
    List<UUID> wards = new ArrayList<>();
    hcmWards.forEach(c -> wards.add(UnitIds.newCommune(c)));
    hnWards.forEach(c -> wards.add(UnitIds.newCommune(c)));

    // head-of-unit reception days: Thursdays, some weeks missed or left to a deputy
    boolean marker = true;
    for (UUID ward : wards) {
      for (LocalDate week = start; week.isBefore(today); week = week.plusWeeks(1)) {
        LocalDate day = week.with(DayOfWeek.THURSDAY);
        if (!day.isBefore(today)) {
          break;
        }
        double roll = rnd.nextDouble();
        HostRole role =
            roll < 0.12 ? null : roll < 0.22 ? HostRole.DEPUTY_DELEGATED : HostRole.HEAD;
        if (role != null) {
          SessionResponse s =
              sessions.create(
                  new SessionRequest(
                      ward,
                      SessionKind.PERIODIC_HEAD,
                      day,
                      "Trụ sở tiếp công dân phường",
                      role == HostRole.HEAD ? person(rnd) : person(rnd),
                      role == HostRole.HEAD ? "Chủ tịch UBND phường" : "Phó Chủ tịch UBND phường",
                      role,
                      List.of("Công chức Tư pháp - Hộ tịch", "Công chức Địa chính"),
                      null));
          if (marker) {
            marker = false;
            markerSession(s);
          }
        }
      }
    }
    for (String province : List.of("79", "01")) {
      UUID unit = UnitIds.province(province);
      for (LocalDate month = start.withDayOfMonth(1);
          month.isBefore(today);
          month = month.plusMonths(1)) {
        LocalDate day = month.withDayOfMonth(15);
        if (day.isBefore(today) && rnd.nextDouble() > 0.25) {
          sessions.create(
              new SessionRequest(
                  unit,
                  SessionKind.PERIODIC_HEAD,
                  day,
                  "Trụ sở Tiếp công dân Thành phố",
                  person(rnd),
                  "Chủ tịch UBND Thành phố",
                  HostRole.HEAD,
                  List.of(),
                  null));
        }
      }
    }

    // the book
    List<Object[]> repeaters = new ArrayList<>();
    for (int i = 0; i < 260; i++) {
      UUID ward = wards.get(rnd.nextInt(wards.size()));
      boolean hcm = hcmWards.stream().anyMatch(c -> UnitIds.newCommune(c).equals(ward));
      LocalDate day = start.plusDays(rnd.nextInt((int) (today.toEpochDay() - start.toEpochDay())));
      if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        day = day.minusDays(2);
      }
      OffsetDateTime at =
          day.atTime(LocalTime.of(7 + rnd.nextInt(9), rnd.nextInt(4) * 15)).atOffset(VN);
      String[] s = SUMMARIES[rnd.nextInt(SUMMARIES.length)];
      ContentKind kind = ContentKind.valueOf(s[0]);
      String summary =
          s[2].replace("%d", String.valueOf(1 + rnd.nextInt(300)))
              .replace("%s", STREETS[rnd.nextInt(STREETS.length)]);
      boolean repeat = !repeaters.isEmpty() && rnd.nextDouble() < 0.12;
      Object[] rep = repeat ? repeaters.get(rnd.nextInt(repeaters.size())) : null;
      if (rep != null) {
        kind = (ContentKind) rep[2];
        summary = (String) rep[3];
        s = new String[] {kind.name(), (String) rep[4], summary};
      }
      boolean anonymous = kind == ContentKind.DENUNCIATION && rep == null && rnd.nextDouble() < 0.2;
      int groupSize =
          rep == null && !anonymous && rnd.nextDouble() < 0.06 ? 5 + rnd.nextInt(25) : 1;
      List<Visitor> people = new ArrayList<>();
      if (!anonymous) {
        if (rep != null) {
          people.add((Visitor) rep[0]);
        } else if (groupSize >= 5) {
          int reps = 1 + rnd.nextInt(groupSize <= 10 ? 2 : 5);
          for (int r = 0; r < reps; r++) {
            people.add(visitor(rnd, hcm, true));
          }
        } else {
          people.add(visitor(rnd, hcm, false));
        }
      }
      UUID caseId = rep == null ? null : (UUID) rep[1];
      if (caseId == null
          && (kind == ContentKind.COMPLAINT || kind == ContentKind.DENUNCIATION)
          && !anonymous
          && rnd.nextDouble() < 0.5) {
        caseId =
            demoCase(
                rnd, ward, kind, VisitField.valueOf(s[1]), summary, day, today, groupSize >= 5);
        repeaters.add(new Object[] {people.get(0), caseId, kind, summary, s[1]});
      }
      VisitOutcome outcome =
          caseId != null
              ? VisitOutcome.ACCEPTED_FOR_RESOLUTION
              : switch (rnd.nextInt(4)) {
                case 0 -> VisitOutcome.RETURNED_WITH_GUIDANCE;
                case 1 -> VisitOutcome.TRANSFERRED;
                case 2 -> VisitOutcome.ANSWERED_DIRECTLY;
                default -> VisitOutcome.ACCEPTED_FOR_RESOLUTION;
              };
      visits.create(
          new VisitRequest(
              null,
              ward,
              at,
              people,
              anonymous,
              groupSize,
              kind,
              VisitField.valueOf(s[1]),
              summary,
              rep != null ? "UBND phường" : null,
              outcome,
              outcome == VisitOutcome.TRANSFERRED ? "Thanh tra Thành phố" : null,
              null,
              rep != null ? "Công dân đến lần " + (2 + rnd.nextInt(3)) : null,
              caseId));
    }
  }

  /** A regular session beside the first one, under the well-known id that marks the book loaded. */
  private void markerSession(SessionResponse first) {
    sessions.create(
        MARKER,
        new SessionRequest(
            first.orgUnitId(),
            SessionKind.REGULAR,
            first.sessionDate(),
            "Trụ sở tiếp công dân phường",
            "Cán bộ tiếp công dân",
            null,
            HostRole.OFFICER,
            List.of(),
            null));
  }

  /** A case; older ones resolved, some complaints left past their deadlines. */
  private UUID demoCase(
      Random rnd,
      UUID ward,
      ContentKind kind,
      VisitField field,
      String title,
      LocalDate day,
      LocalDate today,
      boolean group) {
    CaseResponse c =
        cases.create(
            new CaseRequest(
                ward,
                kind,
                field,
                title.length() > 500 ? title.substring(0, 500) : title,
                CaseInstance.FIRST,
                day,
                rnd.nextDouble() < 0.2,
                false,
                false,
                rnd.nextDouble() < 0.1,
                rnd.nextDouble() < 0.1,
                group));
    long age = today.toEpochDay() - day.toEpochDay();
    double roll = rnd.nextDouble();
    if (roll < 0.15) {
      return c.id(); // never accepted: past its acceptance deadline if old enough
    }
    LocalDate accepted = day.plusDays(3 + rnd.nextInt(5));
    if (!accepted.isBefore(today)) {
      return c.id();
    }
    c =
        cases.transition(
            c.id(),
            c.version(),
            new CaseTransitionRequest(CaseAction.ACCEPT, accepted, null, null, null));
    if (age > 50 && roll < 0.75) {
      LocalDate resolved = accepted.plusDays(20 + rnd.nextInt(30));
      if (resolved.isBefore(today)) {
        c =
            cases.transition(
                c.id(),
                c.version(),
                new CaseTransitionRequest(
                    CaseAction.RESOLVE, resolved, (10 + rnd.nextInt(80)) + "/QĐ-UBND", null, null));
        if (rnd.nextBoolean()) {
          cases.transition(
              c.id(),
              c.version(),
              new CaseTransitionRequest(
                  CaseAction.CLOSE,
                  resolved.plusDays(5).isBefore(today) ? resolved.plusDays(5) : resolved,
                  null,
                  null,
                  null));
        }
      }
    }
    return c.id();
  }

  private static Visitor visitor(Random rnd, boolean hcm, boolean representative) {
    String id = (hcm ? "0799" : "0019") + String.format("%08d", rnd.nextInt(100_000_000));
    String address =
        "Số "
            + (1 + rnd.nextInt(200))
            + " đường "
            + STREETS[rnd.nextInt(STREETS.length)]
            + (hcm ? ", Gò Vấp, TP Hồ Chí Minh" : ", Đống Đa, Hà Nội");
    return new Visitor(
        person(rnd),
        IdentityDocumentType.CCCD,
        id,
        address,
        "0900" + String.format("%06d", rnd.nextInt(1_000_000)),
        representative);
  }

  private static String person(Random rnd) {
    boolean male = rnd.nextBoolean();
    return FAMILY[rnd.nextInt(FAMILY.length)]
        + " "
        + (male ? MIDDLE_M[rnd.nextInt(MIDDLE_M.length)] : MIDDLE_F[rnd.nextInt(MIDDLE_F.length)])
        + " "
        + (male ? GIVEN_M[rnd.nextInt(GIVEN_M.length)] : GIVEN_F[rnd.nextInt(GIVEN_F.length)]);
  }
}
