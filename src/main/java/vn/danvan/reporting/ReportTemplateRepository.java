package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;
import vn.danvan.shared.persistence.UnitFilter;

/** SQL of the report templates and their versions: keyset pages, versions, the code's owner. */
@ApplicationScoped
class ReportTemplateRepository {

  /** The search text; the same expression backs the trigram index report_template_fold. */
  static final String SEARCH_TEXT = "danvan_fold(t.code || ' ' || t.name)";

  @Inject EntityManager em;

  ReportTemplate find(UUID id) {
    return em.find(ReportTemplate.class, id);
  }

  /** The versions of a template, oldest first. */
  List<ReportTemplateVersion> versions(UUID templateId) {
    return ReportTemplateVersion.list("templateId = ?1 order by number", templateId);
  }

  /** The templates with these ids (missing ones left out). */
  List<ReportTemplate> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return ReportTemplate.list("id in ?1", ids);
  }

  /** The versions of these templates, by template then number. */
  List<ReportTemplateVersion> versionsOf(Collection<UUID> templateIds) {
    if (templateIds.isEmpty()) {
      return List.of();
    }
    return ReportTemplateVersion.list("templateId in ?1 order by templateId, number", templateIds);
  }

  /** One version of a template, or null. */
  ReportTemplateVersion version(UUID templateId, int number) {
    return ReportTemplateVersion.find("templateId = ?1 and number = ?2", templateId, number)
        .firstResult();
  }

  /** Whether another template has this code. */
  boolean codeTaken(String code, UUID exceptId) {
    return ReportTemplate.count("code = ?1 and id <> ?2", code, exceptId) > 0;
  }

  /**
   * One page of the list: the templates matching {@code query}, by code, after {@code afterCode}
   * when given (codes are unique: the code alone is the keyset key).
   */
  @SuppressWarnings("unchecked")
  List<ReportTemplateRow> page(ReportTemplateQuery query, String afterCode, int fetch) {
    SqlWhere where =
        new SqlWhere()
            .addIfPresent(
                SEARCH_TEXT + " like '%' || danvan_fold(:q) || '%' escape '\\'",
                "q",
                query.q() == null ? null : escapeLike(query.q()))
            .addIfPresent(
                "t.status = :status",
                "status",
                query.status() == null ? null : query.status().name());
    UnitFilter.apply(
        where, "t.owner_unit_id", "t.owner_unit_path", query.ownerUnitId(), query.orgUnitMode());
    where.addIfPresent("t.code > :afterCode", "afterCode", afterCode);
    List<Object[]> rows =
        where
            .bind(
                em.createNativeQuery(
                    "select t.id, t.code, v.name, v.name_en, v.description, t.owner_unit_id,"
                        + " t.status, t.latest_number,"
                        + " (select p.number from report_template_version p where p.template_id = t.id"
                        + " and p.status = 'PUBLISHED'), t.created_at, t.updated_at, t.version"
                        + " from report_template t join report_template_version v"
                        + " on v.template_id = t.id and v.number = t.latest_number where "
                        + where.sql()
                        + " order by t.code limit :fetch"))
            .setParameter("fetch", fetch)
            .getResultList();
    return rows.stream().map(ReportTemplateRepository::row).toList();
  }

  private static ReportTemplateRow row(Object[] r) {
    return new ReportTemplateRow(
        PgTypes.uuid(r[0]),
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        PgTypes.uuid(r[5]),
        ReportTemplateStatus.valueOf((String) r[6]),
        PgTypes.intValue(r[7]),
        r[8] == null ? null : PgTypes.intValue(r[8]),
        PgTypes.instant(r[9]),
        PgTypes.instant(r[10]),
        PgTypes.longValue(r[11]));
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
