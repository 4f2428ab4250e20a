package com.steadydesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.platform.NavigationItem;
import com.steadydesk.platform.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class StaffNoticesTests {

    @Autowired
    StaffNotices notices;
    @Autowired
    MockMvc mvc;
    @Autowired
    List<NavigationItem> navigation;

    @Test
    void eachRecipientGetsOneUnreadNotice() {
        List<Long> ids = notices.notify(List.of("n-alice", "n-bob", "n-alice"), "事实页已更新", "+ 新决定", "/knowledge/crisis/1");
        assertThat(ids).hasSize(2);
        assertThat(notices.unreadCount("n-alice")).isEqualTo(1);
        assertThat(notices.recent("n-bob", null, 10).rows()).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("事实页已更新");
            assertThat(n.unread()).isTrue();
        });
    }

    @Test
    void onlyTheRecipientMarksANoticeRead() {
        long id = notices.notify(List.of("n-carol"), "s", "b", null).get(0);
        assertThatThrownBy(() -> notices.markRead("n-dave", id)).isInstanceOf(NotFoundException.class);
        notices.markRead("n-carol", id);
        assertThat(notices.unreadCount("n-carol")).isZero();
    }

    @Test
    void pagesThroughNoticesNewestFirst() {
        for (int i = 0; i < 5; i++) {
            notices.notify(List.of("n-erin"), "notice " + i, "", null);
        }
        var first = notices.recent("n-erin", null, 3);
        var second = notices.recent("n-erin", first.nextCursor(), 3);
        assertThat(first.rows()).extracting(StaffNotice::subject).containsExactly("notice 4", "notice 3", "notice 2");
        assertThat(second.rows()).extracting(StaffNotice::subject).containsExactly("notice 1", "notice 0");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void theNoticesPageListsMarksReadAndCountsUnread() throws Exception {
        long id = notices.notify(List.of("n-frank"), "危机事实页更新", "- 旧\n+ 新", "/knowledge/crisis/5").get(0);
        var frank = user("n-frank").roles("TEMP_AGENT");
        mvc.perform(get("/notices/unread-count").with(frank)).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(">1<")));
        assertThat(mvc.perform(get("/notices").with(frank)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("危机事实页更新").contains("+ 新");
        mvc.perform(post("/notices/" + id + "/read").with(frank).with(csrf()).param("open", "1"))
                .andExpect(redirectedUrl("/knowledge/crisis/5"));
        mvc.perform(get("/notices/unread-count").with(frank)).andExpect(content().string(""));
        mvc.perform(post("/notices/" + id + "/read").with(user("n-other").roles("AGENT")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/notices")).andExpect(status().is3xxRedirection());
    }

    @Test
    void addsANavigationEntryForAllStaff() {
        assertThat(navigation).anySatisfy(item -> {
            assertThat(item.messageKey()).isEqualTo("nav.notices");
            assertThat(item.path()).isEqualTo("/notices");
            assertThat(item.order()).isEqualTo(95);
            assertThat(item.roles()).contains("TEMP_AGENT", "CRISIS_LEAD");
        });
    }
}
