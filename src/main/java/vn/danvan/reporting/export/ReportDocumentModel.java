package vn.danvan.reporting.export;

import java.time.LocalDate;
import java.util.List;

/**
 * What an exported report shows, independent of where it comes from (a submission version or a
 * consolidation version) and of the format (XLSX or DOCX, Decree 30/2020 layout).
 *
 * @param parentBody cơ quan chủ quản, the body above the issuer, e.g. "ỦY BAN NHÂN DÂN QUẬN GÒ
 *     VẤP"; optional
 * @param issuingBody cơ quan ban hành, e.g. "PHÒNG NỘI VỤ"
 * @param number the document number, or null while it has not been numbered ("Số: /BC-PNV")
 * @param symbol the symbol after the number, e.g. "BC-PNV"; optional
 * @param place địa danh, e.g. "Gò Vấp"
 * @param date the date of the document; optional (left blank for the signer to fill in)
 * @param documentType the type written as the title, "BÁO CÁO" when blank
 * @param subject trích yếu, the one-line subject under the title
 * @param info context lines for the spreadsheet (period, regime, status, version); not on paper
 * @param sections the sections in template order
 * @param recipients nơi nhận, one recipient per line without the leading dash
 * @param signer the signature block; optional
 * @param consolidation provenance and missing units of a consolidation; null for a submission
 */
public record ReportDocumentModel(
    String parentBody,
    String issuingBody,
    Integer number,
    String symbol,
    String place,
    LocalDate date,
    String documentType,
    String subject,
    List<InfoLine> info,
    List<Section> sections,
    List<String> recipients,
    Signer signer,
    Consolidation consolidation) {

  public ReportDocumentModel {
    info = info == null ? List.of() : List.copyOf(info);
    sections = sections == null ? List.of() : List.copyOf(sections);
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
  }

  /** One labelled line of context ("Kỳ báo cáo": "6 tháng đầu năm 2023 (2023S1)"). */
  public record InfoLine(String label, String value) {}

  /**
   * One section of the report: a narrative (possibly several paragraphs, separated by line breaks)
   * and the indicators of the section, in order.
   */
  public record Section(
      String code, String title, String narrative, List<IndicatorRow> indicators) {
    public Section {
      indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
  }

  /**
   * One figure: the value reported (or consolidated), the value the system computed for it, the
   * target, and whether the reported value differs from the computed one.
   *
   * @param note free text for the spreadsheet's last column (e.g. the aggregation applied)
   */
  public record IndicatorRow(
      String code,
      String label,
      String measurementUnit,
      FigureValue value,
      FigureValue computed,
      String target,
      boolean differs,
      String note) {
    public IndicatorRow {
      value = value == null ? FigureValue.NONE : value;
      computed = computed == null ? FigureValue.NONE : computed;
    }
  }

  /**
   * The signature block, bottom right.
   *
   * @param authority the line of the signing authority, e.g. "TM. ỦY BAN NHÂN DÂN", "KT. TRƯỞNG
   *     PHÒNG"; optional (a head signing directly)
   * @param title the signer's title, e.g. "CHỦ TỊCH", "PHÓ TRƯỞNG PHÒNG"
   * @param name the signer's full name; optional
   */
  public record Signer(String authority, String title, String name) {}

  /**
   * Where the figures of a consolidation come from.
   *
   * @param provenance one row per indicator and source submission version
   * @param units the expected units that did not send an accepted report on time
   */
  public record Consolidation(List<ProvenanceRow> provenance, List<UnitNote> units) {
    public Consolidation {
      provenance = provenance == null ? List.of() : List.copyOf(provenance);
      units = units == null ? List.of() : List.copyOf(units);
    }
  }

  /**
   * One value that fed a consolidated figure.
   *
   * @param status the submission's status label, e.g. "Đã tiếp nhận"
   */
  public record ProvenanceRow(
      String indicatorCode,
      String indicatorLabel,
      String unitName,
      int submissionVersion,
      FigureValue value,
      String status,
      boolean late) {
    public ProvenanceRow {
      value = value == null ? FigureValue.NONE : value;
    }
  }

  /** An expected unit whose report is missing, late or returned. */
  public record UnitNote(String unitName, UnitIssue issue, String note) {}

  /** Why a unit is listed under a consolidation. */
  public enum UnitIssue {
    MISSING("Chưa báo cáo"),
    LATE("Báo cáo muộn"),
    RETURNED("Bị trả lại");

    private final String labelVi;

    UnitIssue(String labelVi) {
      this.labelVi = labelVi;
    }

    public String labelVi() {
      return labelVi;
    }
  }
}
