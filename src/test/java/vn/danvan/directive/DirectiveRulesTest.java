package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.testing.Tables;

/** The rules that need no database: the life cycle and the writing of numbers. */
class DirectiveRulesTest {

  /** Only drafts are issued and only issued documents end: the status reached, empty if refused. */
  static final String LIFE_CYCLE =
      """
      # from,    ISSUE,  SUPERSEDE,  REVOKE,  EXPIRE
      DRAFT,      ISSUED, ,           ,
      ISSUED,     ,       SUPERSEDED, REVOKED, EXPIRED
      SUPERSEDED, ,       ,           ,
      REVOKED,    ,       ,           ,
      EXPIRED,    ,       ,           ,
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = LIFE_CYCLE)
  void theLifeCycle(ArgumentsAccessor row) {
    DirectiveAction[] actions = DirectiveAction.values();
    assertThat(row.size()).as("a column per action").isEqualTo(1 + actions.length);
    DirectiveStatus from = row.get(0, DirectiveStatus.class);
    for (DirectiveAction a : actions) {
      assertThat(from.after(a))
          .as(from + " " + a)
          .isEqualTo(row.get(1 + a.ordinal(), DirectiveStatus.class));
    }
  }

  @Test
  void theLifeCycleHasARowPerStatus() {
    assertThat(Tables.firstColumn(LIFE_CYCLE))
        .containsExactlyInAnyOrder(
            Arrays.stream(DirectiveStatus.values()).map(Enum::name).toArray(String[]::new));
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
