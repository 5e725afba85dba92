package vn.danvan.orgunit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnitIdsTest {

  @Test
  void centralBodiesHaveFixedIds() {
    assertThat(UnitIds.ROOT).hasToString("00000000-0000-4000-8000-000000000000");
    assertThat(UnitIds.PRIME_MINISTER).hasToString("00000000-0000-4000-8000-000000000001");
    assertThat(UnitIds.GOVERNMENT_INSPECTORATE).hasToString("00000000-0000-4000-8000-000000000002");
    assertThat(UnitIds.MINISTRY_OF_HOME_AFFAIRS)
        .hasToString("00000000-0000-4000-8000-000000000003");
  }

  @Test
  void officialCodesAppearInTheIdAsWritten() {
    assertThat(UnitIds.province("79")).hasToString("00000000-0000-4000-8001-000000000079");
    assertThat(UnitIds.province("01")).hasToString("00000000-0000-4000-8001-000000000001");
    assertThat(UnitIds.newProvince("91")).hasToString("00000000-0000-4000-8001-100000000091");
    assertThat(UnitIds.district("764")).hasToString("00000000-0000-4000-8002-000000000764");
    assertThat(UnitIds.oldCommune("26881")).hasToString("00000000-0000-4000-8003-000000026881");
    assertThat(UnitIds.newCommune("00004")).hasToString("00000000-0000-4000-8004-000000000004");
  }

  @Test
  void aReusedCodeGivesDifferentUnitsDifferentIds() {
    // Kiên Giang (91, until 30/6/2025) and merged An Giang (91, from 1/7/2025)
    assertThat(UnitIds.province("91")).isNotEqualTo(UnitIds.newProvince("91"));
    assertThat(UnitIds.oldCommune("26882")).isNotEqualTo(UnitIds.newCommune("26882"));
  }

  @Test
  void departmentIdsAreNameBasedOnParentAndKey() {
    UUID goVap = UnitIds.district("764");
    UUID noiVu = UnitIds.department(goVap, "NOI_VU");
    assertThat(noiVu)
        .isEqualTo(UUID.nameUUIDFromBytes(("dept:" + goVap + ":NOI_VU").getBytes(UTF_8)))
        .isEqualTo(UnitIds.department(goVap, "NOI_VU"))
        .isNotEqualTo(UnitIds.department(goVap, "THANH_TRA"))
        .isNotEqualTo(UnitIds.department(UnitIds.province("79"), "NOI_VU"));
    assertThat(noiVu.version()).isEqualTo(3);
  }

  @Test
  void malformedCodesAndKeysAreRejected() {
    assertThatThrownBy(() -> UnitIds.province("1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitIds.district("76a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitIds.oldCommune(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitIds.newCommune("268820"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitIds.department(UnitIds.ROOT, "noi vu"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
