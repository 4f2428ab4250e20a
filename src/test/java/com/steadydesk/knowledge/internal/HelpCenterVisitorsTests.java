package com.steadydesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.knowledge.internal.HelpCenterVisitors.Action;
import org.junit.jupiter.api.Test;

class HelpCenterVisitorsTests {

    final HelpCenterVisitors visitors = new HelpCenterVisitors(null, 3, 2);

    @Test
    void anAddressVotesOnlyUpToItsHourlyAllowanceAndOthersAreNotAffected() {
        assertThat(visitors.allow(Action.VOTE, "a")).isTrue();
        assertThat(visitors.allow(Action.VOTE, "a")).isTrue();
        assertThat(visitors.allow(Action.VOTE, "a")).isTrue();
        assertThat(visitors.allow(Action.VOTE, "a")).isFalse();
        assertThat(visitors.allow(Action.VOTE, "b")).isTrue();
        // the gap log has its own allowance
        assertThat(visitors.allow(Action.GAP_LOG, "a")).isTrue();
        assertThat(visitors.allow(Action.GAP_LOG, "a")).isTrue();
        assertThat(visitors.allow(Action.GAP_LOG, "a")).isFalse();
    }
}
