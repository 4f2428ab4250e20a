package com.steadydesk.inbox;

import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.platform.NotFoundException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ticket intake under load (the REST API's {@code POST /api/v1/tickets}). Callers hand their ticket to a queue;
 * writer threads take everything queued (up to {@code steadydesk.intake.max-batch}), find or create the requesters
 * and open the tickets in one transaction, then answer each caller. While one batch commits the next one fills, so a
 * crisis surge costs a commit and a dozen statements per batch instead of ~40 statements and a commit per ticket;
 * at low load a batch is one ticket and nothing waits. When a batch fails, its tickets are retried one by one, so one
 * bad request cannot fail its neighbours. A full queue answers at once ({@link IntakeBusy}) instead of letting
 * callers pile up.
 */
@Service
public class TicketIntake {

    private static final Logger log = LoggerFactory.getLogger(TicketIntake.class);

    private final CustomerManagement customers;
    private final TicketManagement tickets;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final List<Thread> writers = new ArrayList<>();
    private final DistributionSummary batchSizes;
    private volatile boolean running = true;

    TicketIntake(CustomerManagement customers, TicketManagement tickets, PlatformTransactionManager transactionManager,
            MeterRegistry meters, @Value("${steadydesk.intake.writers:2}") int writerCount,
            @Value("${steadydesk.intake.max-batch:200}") int maxBatch, @Value("${steadydesk.intake.queue:5000}") int queueCapacity) {
        this.customers = customers;
        this.tickets = tickets;
        this.transactions = new TransactionTemplate(transactionManager);
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = Math.max(1, maxBatch);
        this.batchSizes = DistributionSummary.builder("steadydesk.intake.batch.size").description("tickets opened per intake transaction")
                .register(meters);
        Gauge.builder("steadydesk.intake.queued", this, TicketIntake::queued).description("tickets waiting for an intake writer")
                .register(meters);
        for (int i = 0; i < Math.max(1, writerCount); i++) {
            Thread writer = new Thread(this::write, "ticket-intake-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /**
     * A ticket to open. The requester is {@code customerId}, or else the customer with {@code requesterEmail} (found or
     * created with {@code requesterName}). Who asks is the current user of the thread that submits it.
     */
    public record Request(OpenTicket command, String requesterEmail, String requesterName) {

        public Request {
            Objects.requireNonNull(command, "command");
            if (command.customerId() == null && (requesterEmail == null || requesterEmail.isBlank())) {
                throw new IllegalArgumentException("a ticket needs a requester: a customer id or an email address");
            }
        }
    }

    /** The opened ticket and its requester (unmasked: the caller masks for its viewer). */
    public record Opened(TicketDetails ticket, CustomerProfile requester) {
    }

    /** Queues the ticket; the future completes once it is committed, or with the reason it was not opened. */
    public CompletableFuture<Opened> submit(Request request) {
        Pending pending = new Pending(request, SecurityContextHolder.getContext().getAuthentication(), new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw new IntakeBusy();
        }
        return pending.result();
    }

    /** Tickets waiting for a writer. */
    int queued() {
        return queue.size();
    }

    /** A queued request, who sent it (the writer acts as them: audit, history) and the caller's answer. */
    record Pending(Request request, Authentication sender, CompletableFuture<Opened> result) {
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                open(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Intake writer: unexpected error", e);
                batch.forEach(p -> p.result().completeExceptionally(e)); // no effect on callers answered already
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Opens one batch and answers its callers; package-private for tests that need a batch of their choosing. The
     * batch is split by sender, each part opened as that sender, so audit entries (a customer created) and history
     * name who asked; in a surge one integration's token sends most of a batch.
     */
    void open(List<Pending> batch) {
        batchSizes.record(batch.size());
        Map<String, List<Pending>> bySender = new LinkedHashMap<>();
        batch.forEach(p -> bySender.computeIfAbsent(p.sender() == null ? "" : p.sender().getName(), k -> new ArrayList<>()).add(p));
        bySender.values().forEach(this::openAs);
    }

    private void openAs(List<Pending> sameSender) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(sameSender.get(0).sender());
        SecurityContextHolder.setContext(context);
        try {
            openTogether(sameSender);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void openTogether(List<Pending> batch) {
        try {
            List<Opened> opened = transactions.execute(status -> openAll(batch.stream().map(Pending::request).toList()));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(opened.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            log.info("Intake batch of {} failed ({}); opening its tickets one by one", batch.size(), e.toString());
            for (Pending pending : batch) {
                try {
                    pending.result().complete(transactions.execute(status -> openAll(List.of(pending.request()))).get(0));
                } catch (RuntimeException single) {
                    pending.result().completeExceptionally(single);
                }
            }
        }
    }

    private List<Opened> openAll(List<Request> requests) {
        Map<String, String> namesByEmail = new LinkedHashMap<>();
        List<CustomerId> ids = new ArrayList<>();
        for (Request r : requests) {
            if (r.command().customerId() != null) {
                ids.add(r.command().customerId());
            } else {
                namesByEmail.putIfAbsent(r.requesterEmail().strip(), r.requesterName());
            }
        }
        Map<CustomerId, CustomerProfile> byId = ids.isEmpty() ? Map.of() : customers.findAll(ids);
        Map<String, CustomerProfile> byEmail = namesByEmail.isEmpty() ? Map.of() : customers.identifyAllByEmail(namesByEmail);
        List<CustomerProfile> requesters = new ArrayList<>(requests.size());
        List<TicketOpening> openings = new ArrayList<>(requests.size());
        for (Request r : requests) {
            OpenTicket c = r.command();
            CustomerProfile requester = c.customerId() != null ? byId.get(c.customerId()) : byEmail.get(r.requesterEmail().strip());
            if (requester == null) {
                throw new NotFoundException("customer", c.customerId().value());
            }
            requesters.add(requester);
            openings.add(new TicketOpening(new OpenTicket(c.subject(), c.body(), c.bodyHtml(), requester.id(), c.channel(), c.priority(),
                    c.tags(), c.fields(), c.attachments(), c.assigneeId(), c.groupName()), requester.vipTier()));
        }
        List<TicketDetails> opened = tickets.openAll(openings);
        List<Opened> result = new ArrayList<>(opened.size());
        for (int i = 0; i < opened.size(); i++) {
            result.add(new Opened(opened.get(i), requesters.get(i)));
        }
        return result;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(5_000);
        }
        for (Pending left; (left = queue.poll()) != null; ) {
            left.result().completeExceptionally(new IntakeBusy());
        }
    }
}
