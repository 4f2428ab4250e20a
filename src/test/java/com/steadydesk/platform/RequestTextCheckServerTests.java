package com.steadydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The same refusals through the real server (Tomcat decodes the address itself): the error page in the visitor's language. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RequestTextCheckServerTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String pathAndQuery, String languageCookie) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept", pathAndQuery.startsWith("/api/") ? "application/json" : "text/html");
        if (languageCookie != null) {
            request.header("Cookie", "steadydesk-lang=" + languageCookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPageAddressThatIsNotUtf8AnswersTheErrorPageInTheVisitorsLanguage() throws Exception {
        for (String address : new String[] {"/help/search?q=%C0%AF", "/help/search?q=%FF", "/help/search?q=a%00b", "/knowledge?q=%C0%AF&lang=en"}) {
            HttpResponse<String> chinese = get(address, null);
            assertThat(chinese.statusCode()).as(address).isEqualTo(400);
            assertThat(chinese.body()).as(address).contains("请求有误");
            HttpResponse<String> english = get(address, "en");
            assertThat(english.statusCode()).as(address).isEqualTo(400);
            assertThat(english.body()).as(address).contains("Bad request");
        }
    }

    @Test
    void anApiAddressThatIsNotUtf8AnswersProblemJson() throws Exception {
        HttpResponse<String> response = get("/api/v1/search?q=%C0%AF", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":400");
    }

    @Test
    void anUnknownLanguageShowsThePageInChinese() throws Exception {
        HttpResponse<String> response = get("/help?lang=xx", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("lang=\"zh-CN\"");
        assertThat(get("/help?lang=en_US_%3Cb%3E", "%%%").statusCode()).isEqualTo(200);
    }
}
