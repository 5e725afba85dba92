package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The rules that need no database: the life cycle and the writing of numbers. */
class DirectiveRulesTest {

  @Test
  void onlyDraftsAreIssuedAndOnlyIssuedDocumentsEnd() {
    assertThat(DirectiveStatus.DRAFT.after(DirectiveAction.ISSUE))
        .isEqualTo(DirectiveStatus.ISSUED);
    assertThat(DirectiveStatus.ISSUED.after(DirectiveAction.SUPERSEDE))
        .isEqualTo(DirectiveStatus.SUPERSEDED);
    assertThat(DirectiveStatus.ISSUED.after(DirectiveAction.REVOKE))
        .isEqualTo(DirectiveStatus.REVOKED);
    assertThat(DirectiveStatus.ISSUED.after(DirectiveAction.EXPIRE))
        .isEqualTo(DirectiveStatus.EXPIRED);
    for (DirectiveStatus s : DirectiveStatus.values()) {
      for (DirectiveAction a : DirectiveAction.values()) {
        boolean allowed =
            (s == DirectiveStatus.DRAFT && a == DirectiveAction.ISSUE)
                || (s == DirectiveStatus.ISSUED && a != DirectiveAction.ISSUE);
        assertThat(s.after(a) != null).as(s + " " + a).isEqualTo(allowed);
      }
    }
  }

  @Test
  void numbersBelowTenTakeALeadingZero() {
    assertThat(DirectiveService.fullNumber(2, "CT-UBND", false)).isEqualTo("02/CT-UBND");
    assertThat(DirectiveService.fullNumber(10, "CT-UBND", false)).isEqualTo("10/CT-UBND");
    assertThat(DirectiveService.fullNumber(847, "KH-UBND", false)).isEqualTo("847/KH-UBND");
    assertThat(DirectiveService.fullNumber(756, "UBND-VX", false)).isEqualTo("756/UBND-VX");
  }

  @Test
  void partyDocumentsJoinNumberAndSymbolWithAHyphen() {
    assertThat(DirectiveService.fullNumber(23, "QĐ/TW", true)).isEqualTo("23-QĐ/TW");
    assertThat(DirectiveService.fullNumber(7, "CT/TU", true)).isEqualTo("07-CT/TU");
    // legal documents of outside bodies keep the year in the symbol and the slash
    assertThat(DirectiveService.fullNumber(4, "2015/NĐ-CP", true)).isEqualTo("04/2015/NĐ-CP");
  }

  @Test
  void everyTypeButTheOfficialLetterHasItsOwnAbbreviation() {
    assertThat(DirectiveType.CONG_VAN.abbreviation()).isNull();
    assertThat(DirectiveType.KE_HOACH.abbreviation()).isEqualTo("KH");
    assertThat(DirectiveType.CHUONG_TRINH.abbreviation()).isEqualTo("CTr");
    assertThat(DirectiveType.QUY_DINH.abbreviation()).isEqualTo("QyĐ");
    assertThat(
            Arrays.stream(DirectiveType.values())
                .map(DirectiveType::abbreviation)
                .filter(a -> a != null)
                .distinct()
                .count())
        .isEqualTo(DirectiveType.values().length - 1);
  }
}
