package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * A consolidated value becomes a value of the indicator's own type in the consolidator's report.
 */
class ConsolidatedFiguresTest {

  @Test
  void averagesOfWholeNumbersAreRoundedAndCountsOfYesBecomeYes() {
    assertThat(
            ConsolidatedFigures.asType(
                DecimalNode.valueOf(new BigDecimal("2.5")), IndicatorType.INTEGER))
        .isEqualTo(LongNode.valueOf(3));
    assertThat(
            ConsolidatedFigures.asType(
                DecimalNode.valueOf(new BigDecimal("97.25")), IndicatorType.PERCENT))
        .isEqualTo(DecimalNode.valueOf(new BigDecimal("97.25")));
    assertThat(ConsolidatedFigures.asType(LongNode.valueOf(15), IndicatorType.BOOLEAN))
        .isEqualTo(BooleanNode.TRUE);
    assertThat(ConsolidatedFigures.asType(LongNode.valueOf(0), IndicatorType.BOOLEAN))
        .isEqualTo(BooleanNode.FALSE);
    assertThat(ConsolidatedFigures.asType(LongNode.valueOf(3), IndicatorType.TEXT)).isNull();
    assertThat(ConsolidatedFigures.asType(TextNode.valueOf("x"), IndicatorType.INTEGER)).isNull();
    assertThat(ConsolidatedFigures.asType(NullNode.getInstance(), IndicatorType.DECIMAL)).isNull();
    assertThat(ConsolidatedFigures.asType(null, IndicatorType.DECIMAL)).isNull();
  }
}
