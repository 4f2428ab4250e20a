package com.steadydesk.crisis;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixtures shared by the crisis tests: users with roles, customers and tickets with unique names. */
final class CrisisTestSupport {

    private static final AtomicInteger counter = new AtomicInteger();

    private CrisisTestSupport() {
    }

    static String user(UserManagement users, String prefix, Role role) {
        String name = prefix + "-" + System.nanoTime() % 1_000_000 + "-" + counter.incrementAndGet();
        users.create(new UserManagement.NewUser(name, name, null, "password-123", Set.of(role)));
        return name;
    }

    static TicketId ticket(CustomerManagement customers, TicketManagement tickets, String subject, String body) {
        CustomerProfile customer = customers.identifyByEmail("c" + counter.incrementAndGet() + "-" + System.nanoTime() + "@example.com",
                "客户" + counter.get());
        return tickets.open(OpenTicket.of(subject, body, customer.id(), Channel.WEB), customer.vipTier());
    }
}
