package io.inkstream.resultstore.repository;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Per-tenant usage counters by day, document type and live/test. */
@ApplicationScoped
public class UsageRepository {

    /** One usage row of a tenant. */
    public record Row(LocalDate day, String type, boolean test, long documents, long pages) {
    }

    public Uni<Void> add(String tenantId, LocalDate day, String type, boolean test, int documents, int pages) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "insert into result_store.usage (tenant_id, day, type, test, documents, pages) "
                        + "values (:t, :d, :ty, :x, :docs, :pages) on conflict (tenant_id, day, type, test) do update "
                        + "set documents = usage.documents + excluded.documents, pages = usage.pages + excluded.pages")
                .setParameter("t", tenantId)
                .setParameter("d", day)
                .setParameter("ty", type)
                .setParameter("x", test)
                .setParameter("docs", (long) documents)
                .setParameter("pages", (long) pages)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<Row>> list(String tenantId, LocalDate from, LocalDate to) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select day, type, test, documents, pages from result_store.usage "
                        + "where tenant_id = :t and day >= :f and day <= :u order by day, type, test", Object[].class)
                .setParameter("t", tenantId)
                .setParameter("f", from)
                .setParameter("u", to)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Row(toDate(r[0]), (String) r[1], (Boolean) r[2],
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList());
    }

    private static LocalDate toDate(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }
}
