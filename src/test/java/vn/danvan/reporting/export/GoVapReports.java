package vn.danvan.reporting.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.danvan.reporting.export.ReportDocumentModel.Consolidation;
import vn.danvan.reporting.export.ReportDocumentModel.IndicatorRow;
import vn.danvan.reporting.export.ReportDocumentModel.InfoLine;
import vn.danvan.reporting.export.ReportDocumentModel.ProvenanceRow;
import vn.danvan.reporting.export.ReportDocumentModel.Section;
import vn.danvan.reporting.export.ReportDocumentModel.Signer;
import vn.danvan.reporting.export.ReportDocumentModel.UnitIssue;
import vn.danvan.reporting.export.ReportDocumentModel.UnitNote;

/**
 * Reports of the Gò Vấp case (Kế hoạch 847/KH-UBND of 10/03/2023): Phường 12's 6-month report to
 * Phòng Nội vụ, and Phòng Nội vụ's consolidation of the district's reports.
 */
final class GoVapReports {

  static final String SUBJECT =
      "Báo cáo kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2023";
  static final String KQ_1 =
      "Thực hiện Kế hoạch số 847/KH-UBND ngày 10 tháng 3 năm 2023 của Ủy ban nhân dân quận Gò Vấp"
          + " về thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở năm 2023, Ủy ban"
          + " nhân dân Phường 12 đã xây dựng kế hoạch và triển khai đến cán bộ, công chức phường.";
  static final String KQ_2 =
      "Công tác tiếp công dân được duy trì thường xuyên; Chủ tịch Ủy ban nhân dân phường tiếp công"
          + " dân định kỳ vào thứ Năm hằng tuần theo đúng quy định.";
  static final String TT =
      "Một số đơn thư khiếu nại về đất đai còn kéo dài; việc cập nhật số liệu chưa kịp thời.";
  static final String PH =
      "Tiếp tục thực hiện nghiêm túc Chỉ thị số 33/CT-TTg; đẩy mạnh phong trào thi đua “Dân vận"
          + " khéo”; tổ chức đối thoại với Nhân dân khu phố.";
  static final String KN = "Đề nghị Ủy ban nhân dân quận tổ chức tập huấn kỹ năng dân vận.";

  private GoVapReports() {}

  static List<InfoLine> info(String status) {
    return List.of(
        new InfoLine("Chế độ báo cáo", "Báo cáo công tác dân vận chính quyền (KH 847/KH-UBND)"),
        new InfoLine("Kỳ báo cáo", "6 tháng đầu năm 2023 (2023S1)"),
        new InfoLine("Thời gian chốt số liệu", "15/12/2022 – 14/4/2023"),
        new InfoLine("Trạng thái", status));
  }

  static List<IndicatorRow> ward12Figures() {
    return List.of(
        new IndicatorRow(
            "TCD_LUOT",
            "Số lượt tiếp công dân",
            "lượt",
            FigureValue.of(126),
            FigureValue.of(124),
            null,
            true,
            "Bổ sung 02 lượt tiếp đột xuất chưa nhập sổ"),
        new IndicatorRow(
            "TCD_NGUOI",
            "Số người được tiếp",
            "người",
            FigureValue.of(143),
            FigureValue.of(143),
            null,
            false,
            null),
        new IndicatorRow(
            "KNTC_DUNG_HAN",
            "Tỷ lệ đơn khiếu nại, tố cáo giải quyết đúng hạn",
            "%",
            FigureValue.of(new BigDecimal("97.5")),
            FigureValue.NONE,
            "≥ 99 %",
            false,
            null),
        new IndicatorRow(
            "DVK_CO_MO_HINH",
            "Có mô hình “Dân vận khéo” được công nhận",
            null,
            FigureValue.of(true),
            null,
            null,
            false,
            null),
        new IndicatorRow(
            "DVK_TEN",
            "Tên mô hình",
            null,
            FigureValue.of("Hẻm sạch, hẻm xanh – khu phố 4"),
            null,
            null,
            false,
            null));
  }

  static ReportDocumentModel ward12() {
    return new ReportDocumentModel(
        "Ủy ban nhân dân quận Gò Vấp",
        "Ủy ban nhân dân Phường 12",
        45,
        "BC-UBND",
        "Gò Vấp",
        LocalDate.of(2023, 4, 28),
        null,
        SUBJECT,
        info("Đã gửi – phiên bản 1"),
        List.of(
            new Section("KQ", "Kết quả đạt được", KQ_1 + "\n\n" + KQ_2, ward12Figures()),
            new Section("TT", "Tồn tại, hạn chế", TT, List.of()),
            new Section("PH", "Phương hướng, nhiệm vụ 6 tháng cuối năm 2023", PH, List.of()),
            new Section("KN", "Đề xuất, kiến nghị", KN, List.of())),
        List.of("Phòng Nội vụ quận Gò Vấp;", "Thường trực Đảng ủy phường", "Lưu: VT."),
        new Signer("TM. Ủy ban nhân dân", "Chủ tịch", "Trần Thị Bích Ngọc"),
        null);
  }

  static ReportDocumentModel district() {
    List<IndicatorRow> figures =
        List.of(
            new IndicatorRow(
                "TCD_LUOT",
                "Số lượt tiếp công dân",
                "lượt",
                FigureValue.of(1847),
                null,
                null,
                false,
                "Tổng của 20 báo cáo"),
            new IndicatorRow(
                "KNTC_DUNG_HAN",
                "Tỷ lệ đơn khiếu nại, tố cáo giải quyết đúng hạn",
                "%",
                FigureValue.of(new BigDecimal("98.25")),
                null,
                "≥ 99 %",
                false,
                "Bình quân gia quyền theo số đơn"));
    return new ReportDocumentModel(
        "Ủy ban nhân dân quận Gò Vấp",
        "Phòng Nội vụ",
        null,
        "BC-PNV",
        "Gò Vấp",
        LocalDate.of(2023, 5, 8),
        "Báo cáo",
        "Tổng hợp kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2023 trên địa bàn"
            + " quận Gò Vấp",
        info("Tổng hợp phiên bản 2 – 17/20 báo cáo đã tiếp nhận"),
        List.of(
            new Section("KQ", "Kết quả đạt được", KQ_2, figures),
            new Section("KN", "Đề xuất, kiến nghị", KN, List.of())),
        List.of("Ủy ban nhân dân quận", "Sở Nội vụ", "Lưu: VT, PNV"),
        new Signer("KT. Trưởng phòng", "Phó Trưởng phòng", "Lê Hoàng Minh"),
        new Consolidation(
            List.of(
                new ProvenanceRow(
                    "TCD_LUOT",
                    "Số lượt tiếp công dân",
                    "Ủy ban nhân dân Phường 12",
                    2,
                    FigureValue.of(126),
                    "Đã tiếp nhận",
                    false),
                new ProvenanceRow(
                    "TCD_LUOT",
                    "Số lượt tiếp công dân",
                    "Thanh tra quận",
                    1,
                    FigureValue.of(412),
                    "Đã tiếp nhận",
                    true),
                new ProvenanceRow(
                    "KNTC_DUNG_HAN",
                    "Tỷ lệ đơn khiếu nại, tố cáo giải quyết đúng hạn",
                    "Ủy ban nhân dân Phường 12",
                    2,
                    FigureValue.of(new BigDecimal("97.5")),
                    "Đã tiếp nhận",
                    false)),
            List.of(
                new UnitNote("Ủy ban nhân dân Phường 5", UnitIssue.MISSING, null),
                new UnitNote("Ủy ban nhân dân Phường 13", UnitIssue.LATE, "Gửi ngày 08/5/2023"),
                new UnitNote(
                    "Ủy ban nhân dân Phường 7",
                    UnitIssue.RETURNED,
                    "Thiếu số liệu tiếp công dân định kỳ"))));
  }

  static CompletenessTableModel completeness(int wards) {
    List<CompletenessTableModel.Row> rows = new ArrayList<>();
    rows.add(
        new CompletenessTableModel.Row(
            "Ủy ban nhân dân quận Gò Vấp", 0, 0, 0, 0, 0, 0, 0, 0, null));
    rows.add(
        new CompletenessTableModel.Row(
            "Thanh tra quận", 1, 1, 1, 0, 1, 0, 0, 1, "Hoàn thành quá hạn"));
    for (int i = 1; i <= wards; i++) {
      boolean missing = i == 5;
      rows.add(
          new CompletenessTableModel.Row(
              "Ủy ban nhân dân Phường " + i,
              1,
              1,
              missing ? 0 : 1,
              missing ? 0 : 1,
              0,
              missing ? 1 : 0,
              0,
              missing ? 0 : 1,
              missing ? "Quá hạn" : "Hoàn thành đúng hạn"));
    }
    int expected = wards + 1;
    return new CompletenessTableModel(
        "TÌNH HÌNH GỬI BÁO CÁO CÔNG TÁC DÂN VẬN CHÍNH QUYỀN 6 THÁNG ĐẦU NĂM 2023",
        List.of(
            new InfoLine("Kỳ báo cáo", "6 tháng đầu năm 2023 (2023S1)"),
            new InfoLine("Hạn gửi", "05/5/2023")),
        rows,
        new CompletenessTableModel.Row(
            null, 0, expected, expected - 1, expected - 2, 1, 1, 0, expected - 1, null));
  }
}
