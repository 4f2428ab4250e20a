package com.steadydesk.inbox.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.platform.MutableClockConfiguration;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "steadydesk.sla.scan-interval-ms=3600000")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class BusinessCalendarControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    BusinessCalendars calendars;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void recalculationsDone() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void aCalendarGetsWeeklyHoursHolidaysAndMakeUpDays() throws Exception {
        mvc.perform(post("/admin/sla/calendars").with(csrf()).param("name", "客服中心（含午休）").param("timeZone", "Asia/Shanghai")
                        .param("monday", "09:00-12:00, 13:30-18:00").param("tuesday", "09:00-12:00，13:30-18:00")
                        .param("wednesday", "09:00-18:00").param("thursday", "09:00-18:00").param("friday", "09:00-18:00"))
                .andExpect(status().is3xxRedirection());
        long id = calendars.all().stream().filter(c -> c.name().equals("客服中心（含午休）")).findFirst().orElseThrow().id();

        mvc.perform(post("/admin/sla/calendars/{id}/days", id).with(csrf())
                        .param("day", "2026-10-01").param("name", "国庆节").param("kind", "HOLIDAY"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/sla/calendars/{id}/days/paste", id).with(csrf()).param("kind", "WORKDAY")
                        .param("lines", "2026-09-27,国庆调休\n2026/10/10\tMake-up Saturday\n"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/sla/calendars/{id}/days/paste", id).with(csrf()).param("kind", "HOLIDAY")
                        .param("lines", "2026-10-02,国庆节\n10月3日,国庆节"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 2 行无法识别：10月3日,国庆节")));

        var calendar = calendars.get(id);
        assertThat(calendar.holidays()).extracting(BusinessCalendars.Holiday::day).containsExactly(LocalDate.of(2026, 10, 1));
        assertThat(calendar.workdays()).extracting(BusinessCalendars.Workday::day)
                .containsExactly(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 10));
        assertThat(calendar.weekly().get(DayOfWeek.TUESDAY)).hasSize(2);
        // Wed 30 Sep 17:00 + 2 h: 1 h on Wednesday, 1 October is off, Friday 2 October opens 09:00
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant start = LocalDateTime.parse("2026-09-30T17:00").atZone(shanghai).toInstant();
        assertThat(calendar.toCalendar().add(start, Duration.ofHours(2)))
                .isEqualTo(LocalDateTime.parse("2026-10-02T10:00").atZone(shanghai).toInstant());

        mvc.perform(get("/admin/sla/calendars/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("国庆节"), containsString("国庆调休"), containsString("Make-up Saturday"),
                        containsString("09:00-12:00, 13:30-18:00"))));

        mvc.perform(post("/admin/sla/calendars/{id}/days/{day}/delete", id, "2026-10-01").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendars.get(id).holidays()).isEmpty();
        assertThat(audit.recent("lead", "sla.calendar.", null, 20)).extracting(AuditLog.AuditEntry::action)
                .contains("sla.calendar.created", "sla.calendar.day-added", "sla.calendar.days-pasted", "sla.calendar.day-removed");
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void badHoursZonesAndDatesAreExplainedNextToTheirFields() throws Exception {
        long id = calendars.create("校验用日历", ZoneId.of("Asia/Shanghai"), false);
        calendars.update(id, "校验用日历", ZoneId.of("Asia/Shanghai"), false,
                java.util.Map.of(DayOfWeek.MONDAY, java.util.List.of(BusinessCalendar.OpeningHours.parse("09:00-18:00"))));

        mvc.perform(post("/admin/sla/calendars/{id}", id).with(csrf()).param("name", "校验用日历").param("timeZone", "Mars/Olympus")
                        .param("monday", "9点-18点").param("tuesday", "09:00-12:00, 11:00-14:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("未知的时区"), containsString("格式应为 09:00-18:00"),
                        containsString("value=\"9点-18点\""))));
        mvc.perform(post("/admin/sla/calendars/{id}", id).with(csrf()).param("name", "校验用日历").param("timeZone", "Asia/Shanghai"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("至少需要一天有工作时段")));
        mvc.perform(post("/admin/sla/calendars/{id}/days", id).with(csrf()).param("lang", "en").param("day", "tomorrow").param("kind", "HOLIDAY"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Use a date like 2026-10-01")));
        mvc.perform(post("/admin/sla/calendars", id).with(csrf()).param("name", "工作日 9:00-18:00").param("timeZone", "Asia/Shanghai")
                        .param("monday", "09:00-18:00"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已有同名日历")));

        mvc.perform(post("/admin/sla/calendars/{id}", id).with(csrf()).param("name", "校验用日历").param("timeZone", "Asia/Tokyo")
                        .param("alwaysOpen", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(calendars.get(id).toCalendar().isAlwaysOpen()).isTrue();
    }

    @Test
    @WithMockUser(username = "boss", roles = "ADMIN")
    void aCalendarInUseCannotBeDeleted() throws Exception {
        long defaultCalendar = calendars.all().stream().filter(c -> c.name().equals("工作日 9:00-18:00")).findFirst().orElseThrow().id();
        mvc.perform(post("/admin/sla/calendars/{id}/delete", defaultCalendar).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(calendars.find(defaultCalendar)).isPresent();

        long spare = calendars.create("备用日历", ZoneId.of("UTC"), true);
        mvc.perform(post("/admin/sla/calendars/{id}/delete", spare).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(calendars.find(spare)).isEmpty();
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void supervisorsCannotDeleteCalendars() throws Exception {
        long spare = calendars.create("主管不能删", ZoneId.of("UTC"), true);
        mvc.perform(post("/admin/sla/calendars/{id}/delete", spare).with(csrf())).andExpect(status().isForbidden());
        assertThat(calendars.find(spare)).isPresent();
    }
}
