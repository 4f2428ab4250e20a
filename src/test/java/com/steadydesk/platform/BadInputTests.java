package com.steadydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A sweep of bad input over the public and internal search, knowledge and help pages and the API lists: each answers
 * 400 or 404 with a message (problem+json on the API, the error page in the visitor's language on pages), never 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BadInputTests {

    static final List<String> PUBLIC_PAGES = List.of("/help", "/help/search", "/help/articles/no-such-article", "/status", "/contact", "/login");
    static final List<String> STAFF_PAGES = List.of("/knowledge", "/knowledge/review", "/search", "/scripts", "/admin/search/gaps");
    static final List<String> API_LISTS = List.of("/api/v1/search", "/api/v1/articles", "/api/v1/scripts");
    /** NUL, an overlong encoding of '/', a byte that is never UTF-8 (a broken escape: {@code RequestTextCheckTests}). */
    static final List<String> UNREADABLE = List.of("q=%00", "q=%C0%AF", "q=%FF", "cursor=%00abc", "after=x%FFy", "lang=%00");

    @Autowired
    MockMvc mvc;

    static Stream<Arguments> unreadableAddresses() {
        var all = new ArrayList<Arguments>();
        for (String bad : UNREADABLE) {
            PUBLIC_PAGES.forEach(p -> all.add(Arguments.of(p, bad)));
            STAFF_PAGES.forEach(p -> all.add(Arguments.of(p, bad)));
            API_LISTS.forEach(p -> all.add(Arguments.of(p, bad)));
        }
        all.add(Arguments.of("/help/articles/a%00b", ""));
        all.add(Arguments.of("/help/articles/%C0%AF", ""));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}?{1}")
    @MethodSource("unreadableAddresses")
    void anAddressWithANulOrBytesThatAreNotUtf8Answers400(String path, String query) throws Exception {
        MockHttpServletResponse response = perform(path, query, null);
        assertThat(response.getStatus()).isEqualTo(400);
        if (path.startsWith("/api/")) {
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).contains("not UTF-8");
        } else {
            assertThat(response.getForwardedUrl()).isEqualTo("/error"); // the error page, without the unreadable parameters
        }
    }

    static Stream<String> pages() {
        return Stream.concat(Stream.concat(PUBLIC_PAGES.stream().filter(p -> !p.contains("no-such")), STAFF_PAGES.stream()),
                Stream.of("/help/search?q=退款"));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void anUnknownOrMangledLanguageFallsBackToChinese(String page) throws Exception {
        for (String lang : List.of("xx", "zz_ZZ_x!x", "xx_US_%3Cscript%3E", "%E4%B8%AD", "-")) {
            MockHttpServletResponse response = perform(page, "lang=" + lang, null);
            assertThat(response.getStatus()).as(page + "?lang=" + lang).isEqualTo(200);
            assertThat(response.getContentAsString()).contains("lang=\"zh-CN\"");
        }
        // a mangled language cookie, too
        MockHttpServletResponse response = perform(page, "", new Cookie("steadydesk-lang", "%%%"));
        assertThat(response.getStatus()).isEqualTo(200);
    }

    static Stream<Arguments> unknownThings() {
        return Stream.of(
                Arguments.of("/help/articles/no-such-article", 404), Arguments.of("/help/categories/no-such-category", 404),
                Arguments.of("/knowledge/articles/987654321", 404), Arguments.of("/knowledge/articles/not-a-number", 400),
                Arguments.of("/knowledge/articles/987654321/versions", 404), Arguments.of("/scripts/987654321", 404),
                Arguments.of("/knowledge?cursor=not-a-cursor", 400), Arguments.of("/knowledge?cursor=123", 400),
                Arguments.of("/api/v1/articles?cursor=123", 400), Arguments.of("/scripts?cursor=not-a-cursor", 400),
                Arguments.of("/admin/search/gaps?cursor=not-a-cursor", 400), Arguments.of("/admin/search/gaps?order=sideways", 200),
                Arguments.of("/api/v1/articles?cursor=not-a-cursor", 400), Arguments.of("/api/v1/scripts?cursor=not-a-cursor", 400),
                Arguments.of("/api/v1/articles/987654321", 404), Arguments.of("/api/v1/articles/not-a-number", 400),
                Arguments.of("/api/v1/search?q=x&limit=many", 400), Arguments.of("/api/v1/search", 400));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("unknownThings")
    void aMissingThingOrAMalformedCursorAnswers404Or400(String address, int expected) throws Exception {
        String[] parts = address.split("\\?", 2);
        MockHttpServletResponse response = perform(parts[0], parts.length > 1 ? parts[1] : "", null);
        assertThat(response.getStatus()).as(address).isEqualTo(expected);
        if (address.startsWith("/api/")) {
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
    }

    private MockHttpServletResponse perform(String path, String query, Cookie cookie) throws Exception {
        // the URI as sent: MockMvc must not re-encode the escapes under test
        String joiner = path.contains("?") ? "&" : "?";
        MockHttpServletRequestBuilder request = get(URI.create(path + (query.isEmpty() ? "" : joiner + query))).with(user("sweep").roles("ADMIN"));
        if (cookie != null) {
            request = request.cookie(cookie);
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
