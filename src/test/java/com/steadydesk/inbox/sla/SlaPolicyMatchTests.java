package com.steadydesk.inbox.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.VipTier;
import com.steadydesk.inbox.TicketPriority;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SlaPolicyMatchTests {

    /** The policies seeded by V450, in their order. */
    static final List<SlaPolicy> DEFAULTS = List.of(
            policy(1, "chat", Channel.CHAT, null, null, 10),
            policy(2, "phone", Channel.PHONE, null, null, 20),
            policy(3, "urgent", null, TicketPriority.URGENT, null, 30),
            policy(4, "vip", null, null, VipCriterion.VIP, 40),
            policy(5, "default", null, null, null, 50));

    static SlaPolicy policy(long id, String name, Channel channel, TicketPriority priority, VipCriterion tier, int position) {
        return new SlaPolicy(id, name, channel, priority, tier, Duration.ofMinutes(5), Duration.ofHours(8), null, 75, true, position);
    }

    static String chosen(Channel channel, TicketPriority priority, VipTier tier) {
        return new SlaPolicyMatch(channel, priority, tier).bestOf(DEFAULTS).map(SlaPolicy::name).orElse("none");
    }

    @Example
    void chatAndPhoneKeepTheirSecondsEvenForVipsAndUrgentTickets() {
        assertThat(chosen(Channel.CHAT, TicketPriority.NORMAL, VipTier.NONE)).isEqualTo("chat");
        assertThat(chosen(Channel.CHAT, TicketPriority.URGENT, VipTier.GOLD)).isEqualTo("chat");
        assertThat(chosen(Channel.PHONE, TicketPriority.LOW, VipTier.PLATINUM)).isEqualTo("phone");
    }

    @Example
    void emailFollowsUrgentThenVipThenTheDefault() {
        assertThat(chosen(Channel.EMAIL, TicketPriority.URGENT, VipTier.GOLD)).isEqualTo("urgent");
        assertThat(chosen(Channel.EMAIL, TicketPriority.HIGH, VipTier.SILVER)).isEqualTo("vip");
        assertThat(chosen(Channel.WEB, TicketPriority.NORMAL, VipTier.NONE)).isEqualTo("default");
        assertThat(chosen(Channel.API, TicketPriority.LOW, VipTier.NONE)).isEqualTo("default");
    }

    @Example
    void aMoreSpecificPolicyWinsWhereverItStands() {
        var goldEmail = policy(9, "gold email", Channel.EMAIL, null, VipCriterion.GOLD, 99);
        var list = new java.util.ArrayList<>(DEFAULTS);
        list.add(goldEmail);
        assertThat(new SlaPolicyMatch(Channel.EMAIL, TicketPriority.URGENT, VipTier.GOLD).bestOf(list)).contains(goldEmail);
        assertThat(new SlaPolicyMatch(Channel.EMAIL, TicketPriority.URGENT, VipTier.SILVER).bestOf(list).map(SlaPolicy::name))
                .contains("urgent");
    }

    @Example
    void inactivePoliciesAndNonVipCriteria() {
        var nonVipOnly = policy(7, "non-vip", null, null, VipCriterion.NONE, 5);
        var inactiveChat = new SlaPolicy(8, "old chat", Channel.CHAT, null, null, Duration.ofSeconds(10), null, null, 75, false, 1);
        var match = new SlaPolicyMatch(Channel.CHAT, TicketPriority.NORMAL, VipTier.NONE);
        assertThat(match.bestOf(List.of(nonVipOnly, inactiveChat))).contains(nonVipOnly);
        assertThat(new SlaPolicyMatch(Channel.CHAT, TicketPriority.NORMAL, VipTier.GOLD).bestOf(List.of(nonVipOnly, inactiveChat)))
                .isEmpty();
    }

    @Example
    void equallySpecificPoliciesGoByPosition() {
        var urgentFirst = List.of(policy(1, "urgent", null, TicketPriority.URGENT, null, 10), policy(2, "email", Channel.EMAIL, null, null, 20));
        var emailFirst = List.of(policy(1, "urgent", null, TicketPriority.URGENT, null, 20), policy(2, "email", Channel.EMAIL, null, null, 10));
        var match = new SlaPolicyMatch(Channel.EMAIL, TicketPriority.URGENT, VipTier.NONE);
        assertThat(match.bestOf(urgentFirst).map(SlaPolicy::name)).contains("urgent");
        assertThat(match.bestOf(emailFirst).map(SlaPolicy::name)).contains("email");
    }

    @Property
    void theChosenPolicyMatchesAndNoMatchingPolicyIsMoreSpecific(@ForAll("policies") List<SlaPolicy> policies,
            @ForAll Channel channel, @ForAll TicketPriority priority, @ForAll VipTier tier) {
        var match = new SlaPolicyMatch(channel, priority, tier);
        var chosen = match.bestOf(policies);
        assertThat(chosen.isPresent()).isEqualTo(policies.stream().anyMatch(match::matches));
        chosen.ifPresent(best -> {
            assertThat(match.matches(best)).isTrue();
            assertThat(policies.stream().filter(match::matches))
                    .allSatisfy(p -> assertThat(p.specificity() < best.specificity()
                            || p.specificity() == best.specificity() && p.position() >= best.position()).isTrue());
        });
    }

    @Provide
    Arbitrary<List<SlaPolicy>> policies() {
        Arbitrary<SlaPolicy> policy = Combinators.combine(
                Arbitraries.longs().between(1, 1000),
                Arbitraries.of(Channel.class).injectNull(0.5),
                Arbitraries.of(TicketPriority.class).injectNull(0.6),
                Arbitraries.of(VipCriterion.class).injectNull(0.6),
                Arbitraries.integers().between(0, 100),
                Arbitraries.of(true, true, false))
                .as((id, channel, priority, tier, position, active) ->
                        new SlaPolicy(id, "p" + id, channel, priority, tier, Duration.ofMinutes(1), null, null, 75, active, position));
        return policy.list().ofMaxSize(8);
    }
}
