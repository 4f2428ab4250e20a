package com.steadydesk.customers.internal;

import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.customers.VipTier;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of profiles (one query for any number of customers) and the search, plus the race-free claim of a contact
 * point used when intake identifies a customer.
 */
@Repository
public class CustomerQueries {

    private static final String PROFILE_COLUMNS = """
            select c.id, c.name, c.vip_tier, c.account_manager, c.notes, c.created_at,
                   array(select p.value from customer_contacts p where p.customer_id = c.id and p.kind = 'EMAIL' order by p.position) as emails,
                   array(select p.value from customer_contacts p where p.customer_id = c.id and p.kind = 'PHONE' order by p.position) as phones,
                   array(select x.system || ':' || x.value from customer_external_ids x where x.customer_id = c.id order by x.position) as external_ids
            from customers c
            """;

    private final JdbcClient jdbc;

    CustomerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CustomerProfile> profiles(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(PROFILE_COLUMNS + " where c.id in (:ids)")
                .param("ids", List.copyOf(ids))
                .query(CustomerQueries::profile).list();
    }

    public Optional<CustomerProfile> profile(long id) {
        return profiles(List.of(id)).stream().findFirst();
    }

    public Optional<Long> customerWith(ContactPoint.Kind kind, String lookup) {
        return jdbc.sql("select customer_id from customer_contacts where kind = ? and lookup = ?")
                .params(kind.name(), lookup).query(Long.class).optional();
    }

    /** The owners of these contact points of one kind, by lookup key; unknown ones are left out. */
    public java.util.Map<String, Long> customersWith(ContactPoint.Kind kind, Collection<String> lookups) {
        if (lookups.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, Long> owners = new java.util.HashMap<>();
        jdbc.sql("select lookup, customer_id from customer_contacts where kind = :kind and lookup in (:lookups)")
                .param("kind", kind.name()).param("lookups", List.copyOf(lookups))
                .query(rs -> {
                    owners.put(rs.getString(1), rs.getLong(2));
                });
        return owners;
    }

    /**
     * Creates a customer holding only this contact point, unless another transaction holds it already: the insert
     * waits for that transaction and then does nothing, so two concurrent intakes of one address make one customer.
     * Answers the new customer's id, or empty when the point belongs to someone else (then nothing was written).
     */
    public Optional<Long> createWithContact(String name, ContactPoint point, Instant now) {
        long id = jdbc.sql("insert into customers (name, vip_tier, created_at, updated_at) values (?, 'NONE', ?, ?) returning id")
                .params(name, Timestamp.from(now), Timestamp.from(now)).query(Long.class).single();
        Optional<Long> claimed = jdbc.sql("""
                        insert into customer_contacts (customer_id, position, kind, value, lookup) values (?, 0, ?, ?, ?)
                        on conflict (kind, lookup) do nothing returning customer_id""")
                .params(id, point.kind().name(), point.value(), point.lookup()).query(Long.class).optional();
        if (claimed.isEmpty()) {
            jdbc.sql("delete from customers where id = ?").params(id).update();
        }
        return claimed;
    }

    /** Creates a customer owning this external id, or answers empty when another transaction created it first. */
    public Optional<Long> createWithExternalId(String name, ExternalId externalId, Instant now) {
        long id = jdbc.sql("insert into customers (name, vip_tier, created_at, updated_at) values (?, 'NONE', ?, ?) returning id")
                .params(name, Timestamp.from(now), Timestamp.from(now)).query(Long.class).single();
        Optional<Long> claimed = jdbc.sql("""
                        insert into customer_external_ids (customer_id, position, system, value) values (?, 0, ?, ?)
                        on conflict (system, value) do nothing returning customer_id""")
                .params(id, externalId.system(), externalId.value()).query(Long.class).optional();
        if (claimed.isEmpty()) {
            jdbc.sql("delete from customers where id = ?").params(id).update();
        }
        return claimed;
    }

    /** Which of these contact points belong to a customer other than {@code exceptId} (null: any customer). */
    public List<ContactPoint> takenByOthers(Collection<ContactPoint> points, Long exceptId) {
        return points.stream()
                .filter(p -> customerWith(p.kind(), p.lookup()).filter(owner -> !owner.equals(exceptId)).isPresent())
                .toList();
    }

    public Optional<Long> customerWithExternalId(ExternalId externalId) {
        return jdbc.sql("select customer_id from customer_external_ids where system = ? and value = ?")
                .params(externalId.system(), externalId.value()).query(Long.class).optional();
    }

    /**
     * Newest first, keyset-paginated by id. {@code q} matches part of the name, an external id ({@code shop:U10023} or
     * just {@code U10023}), and contact points, whole or in part, when {@code byContacts}; without it (viewers who see
     * contacts masked) contact points are never matched, so that trying candidates cannot confirm a masked number.
     */
    public List<CustomerProfile> search(String q, TierFilter tier, Long afterId, int limit, boolean byContacts) {
        String query = q == null || q.isBlank() ? null : q.strip();
        String lower = query == null ? null : query.toLowerCase(Locale.ROOT);
        String phone = query != null && ContactPoint.isPhone(query) ? ContactPoint.phoneLookup(query) : null;
        String contactKey = !byContacts ? null : phone != null ? phone : lower;
        return jdbc.sql(PROFILE_COLUMNS + """
                         where (cast(:after as bigint) is null or c.id < :after)
                           and (:tier = 'ALL' or (:tier = 'VIP' and c.vip_tier <> 'NONE') or c.vip_tier = :tier)
                           and (cast(:q as varchar) is null
                                or lower(c.name) like :nameLike escape '\\'
                                or c.id in (select p.customer_id from customer_contacts p
                                            where p.lookup = :contactKey or (:partial and p.lookup like :contactLike escape '\\'))
                                or c.id in (select x.customer_id from customer_external_ids x
                                            where lower(x.value) = :lower or lower(x.system || ':' || x.value) = :lower))
                         order by c.id desc
                         limit :limit""")
                .param("after", afterId, java.sql.Types.BIGINT)
                .param("tier", tier.name())
                .param("q", query, java.sql.Types.VARCHAR)
                .param("lower", lower, java.sql.Types.VARCHAR)
                .param("nameLike", lower == null ? null : "%" + escapeLike(lower) + "%", java.sql.Types.VARCHAR)
                .param("contactKey", contactKey, java.sql.Types.VARCHAR)
                .param("contactLike", contactKey == null ? null : "%" + escapeLike(contactKey) + "%", java.sql.Types.VARCHAR)
                .param("partial", byContacts)
                .param("limit", limit)
                .query(CustomerQueries::profile).list();
    }

    /** Every customer, oldest first; for rebuilding the search index (consumed inside a transaction, then closed). */
    public java.util.stream.Stream<CustomerProfile> streamAll() {
        return jdbc.sql(PROFILE_COLUMNS + " order by c.id").withFetchSize(1000).query(CustomerQueries::profile).stream();
    }

    public long count() {
        return jdbc.sql("select count(*) from customers").query(Long.class).single();
    }

    /** Which customers a list shows. */
    public enum TierFilter {
        ALL, VIP, NONE, SILVER, GOLD, PLATINUM
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static CustomerProfile profile(ResultSet rs, int row) throws SQLException {
        return new CustomerProfile(new CustomerId(rs.getLong("id")), rs.getString("name"), strings(rs.getArray("emails")),
                strings(rs.getArray("phones")), strings(rs.getArray("external_ids")), VipTier.valueOf(rs.getString("vip_tier")),
                rs.getString("account_manager"), rs.getString("notes"), rs.getTimestamp("created_at").toInstant(), false);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
