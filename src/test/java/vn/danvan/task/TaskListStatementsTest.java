package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.task.TaskFixtures.BASE;
import static vn.danvan.task.TaskFixtures.body;
import static vn.danvan.task.TaskFixtures.created;
import static vn.danvan.task.TaskFixtures.ids;
import static vn.danvan.testing.Api.json;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.security.DemoAccounts;
import vn.danvan.testing.Api;
import vn.danvan.testing.Statements;
import vn.danvan.testing.TestClock;

/**
 * A page of the task list is one statement (DESIGN §10): the rows with their children's aggregates
 * and coordinating units and the tree's revision, the unit filter and the scope kept per tree
 * revision ({@link TaskFilterCache}); a change to the tree, made by any instance, is seen by the
 * next page.
 */
@QuarkusTest
class TaskListStatementsTest {

  static final String HCM = Api.HO_CHI_MINH;
  static final String AHT = DemoAccounts.AN_HOI_TAY.toString();
  static final String OVERDUE =
      BASE + "?orgUnitId=" + HCM + "&orgUnitMode=DESCENDANTS&state=OVERDUE&sort=dueDate&limit=50";

  // the recorder is Hibernate's statement inspector: it bears the persistence unit's qualifier
  @Inject @PersistenceUnitExtension Statements statements;
  @Inject DataSource dataSource;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void aPageIsOneStatement() {
    TestClock.today(LocalDate.parse("2031-01-10"));
    String tag = UUID.randomUUID().toString();
    String haNoiWard = TaskScopeTest.firstChild(Api.HA_NOI, null);
    Map<String, Object> lead = titled(body(HCM, "2031-01-20"), tag);
    lead.put("coordinatingUnitIds", List.of(haNoiWard));
    String parent = created("admin", lead);
    for (String due : List.of("2031-01-15", "2031-01-18")) {
      Map<String, Object> child = titled(body(AHT, due), tag);
      child.put("parentId", parent);
      created("admin", child);
    }
    TestClock.today(LocalDate.parse("2031-02-01"));

    for (String user : List.of("admin", "hcm-manager")) {
      // the city's overdue tasks: the first page resolves the unit, the next ones do not
      page(user, OVERDUE);
      AtomicReference<JsonPath> overdue = new AtomicReference<>();
      List<String> sql = statements.of(user, () -> overdue.set(page(user, OVERDUE)));
      assertThat(overdue.get().getList("items")).as(user).hasSizeGreaterThan(2);
      assertThat(sql).as(user).hasSize(1);
      assertThat(sql.getFirst()).as(user).contains("from task t");

      // the rows carry their children's aggregates and coordinating units, as one task reads
      String mine = OVERDUE + "&q=" + tag;
      page(user, mine);
      AtomicReference<JsonPath> found = new AtomicReference<>();
      assertThat(statements.of(user, () -> found.set(page(user, mine)))).as(user).hasSize(1);
      JsonPath items = found.get();
      assertThat(items.getList("items.id", String.class)).hasSize(3).contains(parent);
      for (int i = 0; i < 3; i++) {
        String id = items.getString("items[" + i + "].id");
        assertThat(items.getMap("items[" + i + "]"))
            .as(id)
            .isEqualTo(TaskFixtures.get(user, id).jsonPath().getMap(""));
      }
      assertThat(items.getInt("items.find { it.id == '" + parent + "' }.childCount")).isEqualTo(2);

      // an empty page reads the revision on its own
      String none = OVERDUE + "&q=" + UUID.randomUUID();
      page(user, none);
      assertThat(statements.of(user, () -> page(user, none))).as(user).hasSize(2);
    }
  }

  @Test
  void aTreeChangedElsewhereIsReadAgain() throws Exception {
    page("hcm-manager", OVERDUE);
    List<String> cached = statements.of("hcm-manager", () -> page("hcm-manager", OVERDUE));
    // a change to the tree committed by another instance: only the revision tells
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.executeUpdate("update org_unit_tree_revision set revision = revision + 1 where id = 1");
    }
    AtomicReference<JsonPath> after = new AtomicReference<>();
    List<String> again =
        statements.of("hcm-manager", () -> after.set(page("hcm-manager", OVERDUE)));
    assertThat(again.size()).isGreaterThan(cached.size());
    assertThat(again).anyMatch(sql -> sql.contains("org_unit_tree_revision"));
    assertThat(statements.of("hcm-manager", () -> page("hcm-manager", OVERDUE)))
        .hasSameSizeAs(cached);
    assertThat(after.get().getList("items.id"))
        .isEqualTo(page("hcm-manager", OVERDUE).getList("items.id"));
  }

  @Test
  void aUnitMovedOutOfTheScopeTakesItsTasksOutOfTheManagersList() {
    TestClock.today(LocalDate.parse("2030-01-10"));
    String moving = TaskScopeTest.unit("COMMUNE", "Phường Thử Danh sách " + UUID.randomUUID(), HCM);
    String id = created("hcm-manager", body(moving, "2030-03-31"));
    String url = BASE + "?orgUnitId=" + moving + "&orgUnitMode=DESCENDANTS";
    // twice: the unit lies inside the scope, kept so
    assertThat(ids(json("hcm-manager").get(url))).containsExactly(id);
    assertThat(ids(json("hcm-manager").get(url))).containsExactly(id);

    Map<String, Object> move = new LinkedHashMap<>();
    move.put("kind", "MOVE");
    move.put("effectiveDate", "2030-01-10");
    move.put("legalBasis", "Nghị quyết thử");
    move.put("sources", List.of(Map.of("unitId", moving)));
    move.put("newParentId", Api.HA_NOI);
    Response moved = json("admin").body(move).post(Api.ORG_UNITS + "/restructurings");
    assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(201);

    // the unit was in the city: it is still a filter of the manager's, its task is Hà Nội's now
    assertThat(ids(json("hcm-manager").get(url))).isEmpty();
    assertThat(ids(json("admin").get(url))).containsExactly(id);
  }

  private static Map<String, Object> titled(Map<String, Object> body, String tag) {
    body.put("title", "Nhiệm vụ thử danh sách " + tag);
    return body;
  }

  private static JsonPath page(String user, String url) {
    Response r = json(user).get(url);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath();
  }
}
