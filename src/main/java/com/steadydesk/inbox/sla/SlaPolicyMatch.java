package com.steadydesk.inbox.sla;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.VipTier;
import com.steadydesk.inbox.TicketPriority;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * What a ticket looks like to the policy chooser. The most specific active policy that matches wins, so a general
 * policy never shadows a VIP or urgent one by accident; among equally specific ones the lower position (the admin's
 * order) wins, e.g. whether an urgent email follows the "urgent" or the "email" policy.
 */
record SlaPolicyMatch(Channel channel, TicketPriority priority, VipTier tier) {

    SlaPolicyMatch {
        if (channel == null || priority == null || tier == null) {
            throw new IllegalArgumentException("Channel, priority and VIP tier are needed to choose an SLA policy");
        }
    }

    boolean matches(SlaPolicy policy) {
        return policy.active()
                && (policy.channel() == null || policy.channel() == channel)
                && (policy.priority() == null || policy.priority() == priority)
                && (policy.vipTier() == null || policy.vipTier().matches(tier));
    }

    Optional<SlaPolicy> bestOf(Collection<SlaPolicy> policies) {
        return policies.stream().filter(this::matches)
                .min(Comparator.comparingInt(SlaPolicy::specificity).reversed()
                        .thenComparingInt(SlaPolicy::position)
                        .thenComparingLong(SlaPolicy::id));
    }
}
