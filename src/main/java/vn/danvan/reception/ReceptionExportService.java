package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * The reception book as officials keep it (Sổ tiếp công dân, Mẫu 03 of Circular 04/2021/TT-TTCP):
 * the columns of the paper form, Vietnamese headers, visitors masked according to the caller's
 * rights and denouncers never present.
 */
@ApplicationScoped
public class ReceptionExportService {

  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final int MAX_ROWS = 100_000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  static final List<String> HEADERS =
      List.of(
          "STT",
          "Ngày tiếp",
          "Họ và tên",
          "Số CCCD/CMND/Hộ chiếu",
          "Địa chỉ",
          "Nội dung vụ việc",
          "Phân loại đơn / Số người",
          "Cơ quan đã giải quyết",
          "Hướng xử lý",
          "Theo dõi kết quả",
          "Ghi chú");

  @Inject ReceptionVisitService visits;

  @Transactional(Transactional.TxType.SUPPORTS)
  public byte[] book(UUID orgUnitId, LocalDate from, LocalDate to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.invalid("/query/from", "field.PERIOD_RANGE", 3660);
    }
    List<ReceptionVisit> rows =
        visits.rows(
            new VisitQuery(
                orgUnitId,
                orgUnitId == null ? null : OrgUnitMode.DESCENDANTS,
                from,
                to,
                null,
                null,
                null,
                null),
            MAX_ROWS);
    ReceptionVisitService.View view = visits.callerView();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(out, "DanVan", "1.0");
      Worksheet ws = wb.newWorksheet("Sổ tiếp công dân");
      ws.value(0, 0, "SỔ TIẾP CÔNG DÂN");
      ws.style(0, 0).bold().set();
      for (int c = 0; c < HEADERS.size(); c++) {
        ws.value(2, c, HEADERS.get(c));
        ws.style(2, c).bold().wrapText(true).set();
      }
      int r = 3;
      int n = 1;
      // oldest first, as the paper book is written
      for (int i = rows.size() - 1; i >= 0; i--) {
        VisitResponse v = visits.response(rows.get(i), view);
        ws.value(r, 0, n++);
        ws.value(r, 1, DAY.format(v.receivedDate()));
        if (v.identityProtected()) {
          ws.value(
              r, 2, v.anonymous() ? "Tố cáo nặc danh" : "(Danh tính người tố cáo được giữ bí mật)");
        } else if (v.personalDataErased()) {
          ws.value(r, 2, "(Dữ liệu cá nhân đã xóa hết thời hạn lưu trữ)");
        } else {
          ws.value(
              r, 2, v.visitors().stream().map(Visitor::fullName).collect(Collectors.joining("; ")));
          ws.value(r, 3, join(v.visitors().stream().map(Visitor::idNumber).toList()));
          ws.value(r, 4, join(v.visitors().stream().map(Visitor::address).toList()));
        }
        ws.value(r, 5, v.summary());
        ws.value(
            r,
            6,
            v.contentKind().labelVi()
                + (v.group()
                    ? " – đoàn " + v.groupSize() + " người"
                    : " – " + v.groupSize() + " người"));
        ws.value(r, 7, v.previouslyHandledBy());
        ws.value(r, 8, outcome(v));
        ws.value(r, 9, v.followUp());
        ws.value(r, 10, v.caseId() == null ? null : "Vụ việc " + v.caseId());
        r++;
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String join(List<String> values) {
    return values.stream().filter(s -> s != null).collect(Collectors.joining("; "));
  }

  private static String outcome(VisitResponse v) {
    if (v.outcome() == null) {
      return null;
    }
    String label = v.outcome().labelVi();
    return switch (v.outcome()) {
      case TRANSFERRED -> label + ": " + v.transferTarget();
      case REFUSED -> label + ": " + v.refusalReason();
      default -> label;
    };
  }
}
