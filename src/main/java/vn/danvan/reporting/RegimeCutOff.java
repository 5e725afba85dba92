package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A regime's data window as given in a body and shown in answers: the four offsets of {@link
 * CutOffRule}. Absent from a body: Decree 09/2019.
 */
@Schema(
    name = "ReportingCutOff",
    description =
        "Thời gian chốt số liệu của mỗi kỳ: từ ngày startDay của tháng cách tháng đầu kỳ startMonths tháng đến"
            + " ngày endDay của tháng cách tháng cuối kỳ endMonths tháng (ngày quá cuối tháng là ngày cuối tháng)."
            + " Không gửi: theo Nghị định 09/2019/NĐ-CP (từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ:"
            + " startMonths -1, startDay 15, endMonths 0, endDay 14).")
public record RegimeCutOff(
    @Schema(
            description =
                "Số tháng tính từ tháng đầu kỳ đến tháng bắt đầu chốt số liệu (−12 đến 12).",
            examples = "-1",
            minimum = "-" + CutOffRule.MAX_MONTHS,
            maximum = "" + CutOffRule.MAX_MONTHS,
            required = true)
        Integer startMonths,
    @Schema(
            description = "Ngày bắt đầu trong tháng đó (1–31).",
            examples = "15",
            minimum = "1",
            maximum = "" + CutOffRule.MAX_DAY,
            required = true)
        Integer startDay,
    @Schema(
            description =
                "Số tháng tính từ tháng cuối kỳ đến tháng kết thúc chốt số liệu (−12 đến 12; KH 847/KH-UBND"
                    + " quận Gò Vấp: −2, chốt ngày 14/4 cho báo cáo 6 tháng).",
            examples = "-2",
            minimum = "-" + CutOffRule.MAX_MONTHS,
            maximum = "" + CutOffRule.MAX_MONTHS,
            required = true)
        Integer endMonths,
    @Schema(
            description = "Ngày chốt số liệu trong tháng đó (1–31).",
            examples = "14",
            minimum = "1",
            maximum = "" + CutOffRule.MAX_DAY,
            required = true)
        Integer endDay,
    @Schema(
            description =
                "Chỉ có trong câu trả lời: true khi thời gian chốt số liệu là của Nghị định 09/2019/NĐ-CP.",
            examples = "false",
            readOnly = true)
        Boolean decree09) {

  static RegimeCutOff of(CutOffRule rule) {
    return new RegimeCutOff(
        rule.startMonths(), rule.startDay(), rule.endMonths(), rule.endDay(), rule.isDecree09());
  }
}
