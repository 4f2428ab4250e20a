package com.steadydesk.customers.internal;

import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.customers.CustomerUpdated;
import com.steadydesk.search.SearchDocument;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.SearchSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the "customer" search kind in step with the customers, so that the one search box finds a customer by name,
 * phone, email or external id: after a change commits, on one background thread (intake creates customers and must not
 * wait for the index). A lost update is not replayed: the index is rebuilt from this {@link SearchSource} at any time.
 * What a temporary agent may read of a hit, and what they may search by, is decided by the masking policy in search.
 */
@Component
class CustomerIndexing implements SearchSource, DisposableBean {

    static final String KIND = "customer";
    private static final Logger log = LoggerFactory.getLogger(CustomerIndexing.class);

    private final CustomerQueries queries;
    private final SearchIndex index;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "customer-indexing");
        t.setDaemon(true);
        return t;
    });

    CustomerIndexing(CustomerQueries queries, SearchIndex index) {
        this.queries = queries;
        this.index = index;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CustomerUpdated event) {
        long id = event.customerId().value();
        worker.execute(() -> {
            try {
                queries.profile(id).ifPresentOrElse(p -> index.index(document(p)), () -> index.delete(KIND, String.valueOf(id)));
            } catch (RuntimeException e) {
                log.warn("customer {} not indexed ({}); a rebuild will pick it up", id, e.toString());
            }
        });
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public long count() {
        return queries.count();
    }

    @Override
    public Stream<SearchDocument> all() {
        return queries.streamAll().map(CustomerIndexing::document);
    }

    /**
     * The name is the title; the body holds every contact point and external id, phones also as digits alone and in
     * groups (13800138000 and 138 0013 8000), so that however an agent types a number the analyser's tokens meet.
     */
    static SearchDocument document(CustomerProfile p) {
        List<String> lines = new ArrayList<>(p.emails());
        for (String phone : p.phones()) {
            String digits = phone.replaceAll("\\D", "");
            lines.add(phone);
            lines.add(digits);
            if (digits.length() >= 11) {
                String national = digits.substring(digits.length() - 11);
                lines.add(national + " " + national.substring(0, 3) + " " + national.substring(3, 7) + " " + national.substring(7));
            }
        }
        lines.addAll(p.externalIds());
        if (p.notes() != null && !p.notes().isBlank()) {
            lines.add(p.notes());
        }
        return new SearchDocument(KIND, String.valueOf(p.id().value()), p.name(), String.join("\n", lines), List.of(),
                Map.of("url", "/customers/" + p.id().value()), null, false, p.createdAt());
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }
}
