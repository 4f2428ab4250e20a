package com.steadydesk.search.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Searching is limited per user over every search box (here to 3 a minute): 429 problem+json for the API, a page for people. */
@SpringBootTest(properties = "steadydesk.search.searches-per-minute=3")
@AutoConfigureMockMvc
class SearchRateLimitTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theApiAnswers429WithRetryAfterBeyondTheLimit() throws Exception {
        String me = unique();
        for (int i = 0; i < 3; i++) {
            mvc.perform(as(get("/api/v1/search").param("q", "退款 " + i), me)).andExpect(status().isOk());
        }
        mvc.perform(as(get("/api/v1/search").param("q", "退款"), me))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Too many searches"))
                .andExpect(jsonPath("$.detail").value(containsString("At most 3 searches a minute")));
        // another user searches on
        mvc.perform(as(get("/api/v1/search").param("q", "退款"), unique())).andExpect(status().isOk());
    }

    @Test
    void theLimitCountsEverySearchBoxAndAPageSaysHowLongToWait() throws Exception {
        String me = unique();
        mvc.perform(as(get("/search").param("q", "物流"), me)).andExpect(status().isOk());
        mvc.perform(as(get("/customers").param("q", "李"), me)).andExpect(status().isOk());
        mvc.perform(as(get("/api/v1/tickets").param("q", "退款"), me)).andExpect(status().isOk());
        mvc.perform(as(get("/inbox").param("q", "退款"), me))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("搜索太频繁了：每人每分钟最多搜索 3 次")));
        mvc.perform(as(get("/api/v1/customers").param("q", "李"), me)).andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(as(get("/customers").param("q", "李").param("lang", "en"), me)).andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many searches: at most 3 a minute")));
    }

    @Test
    void listsWithoutAQueryAreNoSearches() throws Exception {
        String me = unique();
        for (int i = 0; i < 5; i++) {
            mvc.perform(as(get("/inbox"), me)).andExpect(status().isOk());
            mvc.perform(as(get("/customers").param("q", ""), me)).andExpect(status().isOk());
        }
        mvc.perform(as(get("/search").param("q", "物流"), me)).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String user) {
        return request.with(user(user).roles("TEMP_AGENT"));
    }

    private static String unique() {
        return "searcher-" + UUID.randomUUID();
    }
}
