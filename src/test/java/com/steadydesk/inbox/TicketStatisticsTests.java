package com.steadydesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Service figures on a constructed data set (tickets written with known timestamps in 2037, a year no other test
 * uses); every expected figure below was computed by hand.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "rater", roles = "AGENT")
class TicketStatisticsTests {

    static final Instant WEEK = Instant.parse("2037-03-01T00:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TicketStatistics statistics;
    @Autowired
    TicketSatisfaction satisfaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    TicketManagement tickets;

    TicketId t1, t2, t3, t4, t5, merged;

    @BeforeEach
    void constructedTickets() {
        if (jdbc.sql("select count(*) from tickets where created_at >= ? and created_at < ?")
                .params(Timestamp.from(WEEK.minus(Duration.ofDays(1))), Timestamp.from(WEEK.plus(Duration.ofDays(8)))).query(Long.class).single() > 0) {
            jdbc.sql("delete from ticket_satisfaction where ticket_id in (select id from tickets where created_at >= ? and created_at < ?)")
                    .params(Timestamp.from(WEEK.minus(Duration.ofDays(1))), Timestamp.from(WEEK.plus(Duration.ofDays(8)))).update();
            jdbc.sql("update tickets set merged_into_id = null where created_at >= ? and created_at < ?")
                    .params(Timestamp.from(WEEK.minus(Duration.ofDays(1))), Timestamp.from(WEEK.plus(Duration.ofDays(8)))).update();
            jdbc.sql("delete from tickets where created_at >= ? and created_at < ?")
                    .params(Timestamp.from(WEEK.minus(Duration.ofDays(1))), Timestamp.from(WEEK.plus(Duration.ofDays(8)))).update();
        }
        // opened (UTC), first answer, solved, closed — minutes/hours after opening
        t1 = ticket("2037-03-01T01:00:00Z", Duration.ofMinutes(10), Duration.ofHours(2), null);
        t2 = ticket("2037-03-01T02:00:00Z", Duration.ofMinutes(20), Duration.ofHours(4), null);
        t3 = ticket("2037-03-02T03:00:00Z", Duration.ofMinutes(30), null, Duration.ofHours(6)); // closed without "solved"
        t4 = ticket("2037-03-02T17:00:00Z", Duration.ofMinutes(40), null, null); // 01:00 on 3 March in Shanghai
        t5 = ticket("2037-03-03T05:00:00Z", null, null, null); // never answered
        merged = ticket("2037-03-03T06:00:00Z", Duration.ofMinutes(1), null, Duration.ofMinutes(2));
        jdbc.sql("update tickets set merged_into_id = ? where id = ?").params(t1.value(), merged.value()).update();
        ticket("2037-03-08T00:00:00Z", Duration.ofMinutes(1), null, null); // the window's end is not part of it
        ticket("2037-02-28T23:59:00Z", Duration.ofMinutes(1), null, null); // before the window
        satisfaction.rate(t1, 5, "很快");
        satisfaction.rate(t2, 4, null);
        satisfaction.rate(t3, 1, "等太久");
        satisfaction.rate(t3, 2, "等太久了"); // the second answer replaces the first
        satisfaction.rate(merged, 1, null);
    }

    TicketId ticket(String opened, Duration firstResponse, Duration solved, Duration closed) {
        Instant at = Instant.parse(opened);
        return new TicketId(jdbc.sql("""
                        insert into tickets (subject, status, priority, channel, customer_id, created_at, updated_at, first_responded_at, solved_at, closed_at)
                        values ('统计', ?, 'NORMAL', 'EMAIL', 1, ?, ?, ?, ?, ?) returning id""")
                .params(closed != null ? "CLOSED" : solved != null ? "SOLVED" : "OPEN", Timestamp.from(at), Timestamp.from(at), plus(at, firstResponse),
                        plus(at, solved), plus(at, closed))
                .query(Long.class).single());
    }

    static Timestamp plus(Instant at, Duration d) {
        return d == null ? null : Timestamp.from(at.plus(d));
    }

    @Test
    void countsTicketsOpenedPerDayInTheGivenZoneLeavingOutDuplicatesAndTheWindowsEnd() {
        TicketScope week = TicketScope.opened(WEEK, WEEK.plus(Duration.ofDays(7)));
        assertThat(statistics.openedPerDay(week, SHANGHAI)).containsExactly(
                Map.entry(LocalDate.of(2037, 3, 1), 2L), Map.entry(LocalDate.of(2037, 3, 2), 1L), Map.entry(LocalDate.of(2037, 3, 3), 2L));
        assertThat(statistics.openedPerDay(week, ZoneOffset.UTC)).containsExactly(
                Map.entry(LocalDate.of(2037, 3, 1), 2L), Map.entry(LocalDate.of(2037, 3, 2), 2L), Map.entry(LocalDate.of(2037, 3, 3), 1L));
    }

    @Test
    void computesMediansPercentilesAndCsatOfAllTicketsInTheWindow() {
        ServiceFigures f = statistics.figures(TicketScope.opened(WEEK, WEEK.plus(Duration.ofDays(7))));

        assertThat(f.tickets()).isEqualTo(5);
        // first responses 10, 20, 30, 40 min: median 25; p90 at position 0.9 * 3 = 2.7 → 30 + 0.7 * 10 = 37 min
        assertThat(f.responded()).isEqualTo(4);
        assertThat(f.firstResponseMedian()).isEqualTo(Duration.ofMinutes(25));
        assertThat(f.firstResponseP90()).isEqualTo(Duration.ofMinutes(37));
        // resolutions 2, 4, 6 h (the closed one counts): median 4 h; p90 at 0.9 * 2 = 1.8 → 4 + 0.8 * 2 = 5.6 h
        assertThat(f.resolved()).isEqualTo(3);
        assertThat(f.resolutionMedian()).isEqualTo(Duration.ofHours(4));
        assertThat(f.resolutionP90()).isEqualTo(Duration.ofMinutes(336));
        // ratings 5, 4, 2 (the merged duplicate's 1 does not count): 2 good of 3
        assertThat(f.ratings()).isEqualTo(3);
        assertThat(f.goodRatings()).isEqualTo(2);
        assertThat(f.csat()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void limitsTheFiguresToTheGivenTickets() {
        ServiceFigures f = statistics.figures(TicketScope.openedAmong(WEEK, WEEK.plus(Duration.ofDays(7)), Set.of(t1, t3, t5, merged)));

        assertThat(f.tickets()).isEqualTo(3);
        // 10 and 30 min: median 20, p90 10 + 0.9 * 20 = 28 min; 2 and 6 h: median 4 h, p90 2 + 0.9 * 4 = 5.6 h
        assertThat(f.firstResponseMedian()).isEqualTo(Duration.ofMinutes(20));
        assertThat(f.firstResponseP90()).isEqualTo(Duration.ofMinutes(28));
        assertThat(f.resolutionP90()).isEqualTo(Duration.ofMinutes(336));
        assertThat(f.csat()).isEqualTo(0.5);
        assertThat(statistics.openedPerDay(TicketScope.openedAmong(WEEK, WEEK.plus(Duration.ofDays(7)), Set.of(t4)), SHANGHAI))
                .containsExactly(Map.entry(LocalDate.of(2037, 3, 3), 1L));
    }

    @Test
    void aWindowWithoutTicketsHasNoFiguresRatherThanZeros() {
        ServiceFigures f = statistics.figures(TicketScope.opened(WEEK.plus(Duration.ofDays(100)), WEEK.plus(Duration.ofDays(101))));
        assertThat(f.tickets()).isZero();
        assertThat(f.firstResponseMedian()).isNull();
        assertThat(f.resolutionP90()).isNull();
        assertThat(f.csat()).isNull();
        assertThat(statistics.figures(TicketScope.openedAmong(WEEK, WEEK.plus(Duration.ofDays(7)), Set.of(t5))).csat()).isNull();
    }

    @Test
    void keepsOneRatingPerTicketAndRefusesScoresOutsideOneToFive() {
        assertThat(satisfaction.of(t3)).get().satisfies(r -> {
            assertThat(r.score()).isEqualTo(2);
            assertThat(r.comment()).isEqualTo("等太久了");
            assertThat(r.good()).isFalse();
            assertThat(r.recordedBy()).isEqualTo("rater");
        });
        assertThat(satisfaction.of(t4)).isEmpty();
        assertThatThrownBy(() -> satisfaction.rate(t4, 6, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theApiRecordsARatingAndAnswersBadInputWithProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/tickets/{id}/satisfaction", t4.value()).with(user("agent7").roles("AGENT"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"score\":5,\"comment\":\"谢谢\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.score").value(5)).andExpect(jsonPath("$.recordedBy").value("agent7"));
        assertThat(satisfaction.of(t4)).get().extracting(SatisfactionRating::score).isEqualTo(5);

        mvc.perform(post("/api/v1/tickets/{id}/satisfaction", t4.value()).with(user("agent7").roles("AGENT"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"score\":0}"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("score"));
        mvc.perform(post("/api/v1/tickets/{id}/satisfaction", 987_654_321L).with(user("agent7").roles("AGENT"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"score\":3}"))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/tickets/{id}/satisfaction", t4.value()).with(user("temp7").roles("TEMP_AGENT"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"score\":3}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTicketPageShowsTheRatingAndAnAgentRecordsOne() throws Exception {
        TicketId ticket = tickets.open(OpenTicket.of("页面评价", "你好", new com.steadydesk.customers.CustomerId(3_100_001),
                com.steadydesk.channels.Channel.WEB), com.steadydesk.customers.VipTier.NONE);
        String before = mvc.perform(get("/inbox/tickets/{id}", ticket.value())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(before).contains("客户尚未评价");

        mvc.perform(post("/inbox/tickets/{id}/satisfaction", ticket.value()).with(csrf()).param("score", "9"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("satisfactionError", "请选择 1 到 5 分"));
        mvc.perform(post("/inbox/tickets/{id}/satisfaction", ticket.value()).with(csrf()).param("score", "4").param("comment", "电话里说还可以"))
                .andExpect(status().is3xxRedirection());
        String after = mvc.perform(get("/inbox/tickets/{id}", ticket.value())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("4 / 5 分").contains("电话里说还可以").contains("rater");
    }
}
