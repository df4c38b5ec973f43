package org.empreinte.activity;

import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.statement.Query;

/**
 * The filters of a list or an export of activities: the organization, a period they overlap
 * ([fromDay, toDay], either end open when null), a type and a tag when given. The SQL refers to
 * the activity table as {@code a}.
 */
record ActivityFilter(long organizationId, Long fromDay, Long toDay, String type, String tag) {

    String where() {
        List<String> conditions = new ArrayList<>(List.of("a.organization_id = :organizationId"));
        if (fromDay != null) {
            conditions.add("a.end_day >= :fromDay");
        }
        if (toDay != null) {
            conditions.add("a.start_day <= :toDay");
        }
        if (type != null) {
            conditions.add("a.type = :type");
        }
        if (tag != null) {
            conditions.add("EXISTS (SELECT 1 FROM activity_tag f WHERE f.activity_id = a.id AND f.tag = :tag)");
        }
        return String.join(" AND ", conditions);
    }

    Query bind(Query query) {
        query.bind("organizationId", organizationId);
        if (fromDay != null) {
            query.bind("fromDay", fromDay);
        }
        if (toDay != null) {
            query.bind("toDay", toDay);
        }
        if (type != null) {
            query.bind("type", type);
        }
        if (tag != null) {
            query.bind("tag", tag);
        }
        return query;
    }
}
