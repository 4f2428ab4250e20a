package com.steadydesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the running server sends, over real HTTP (the session cookie's SameSite is the servlet container's doing, which
 * MockMvc does not show): the browser headers, the session cookie, and who may read the actuator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTests {

    @LocalServerPort
    int port;
    @Autowired
    UserManagement users;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesSendAStrictContentSecurityPolicyAReferrerPolicyAndALaxHttpOnlySessionCookie() throws Exception {
        HttpResponse<String> login = get("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-eval").contains("object-src 'none'");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
        assertThat(get("/contact", null).body()).as("htmx may not eval either")
                .contains("<meta name=\"htmx-config\" content='{\"allowEval\":false}'>");
    }

    @Test
    void metricsAndHealthDetailsAreForAdminsOnly() throws Exception {
        users.create(new UserManagement.NewUser("metrics-agent", "Agent", null, "agent-password-77", Set.of(Role.SUPERVISOR)));
        String admin = basic("admin", "test-admin-password");
        String supervisor = basic("metrics-agent", "agent-password-77");

        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", supervisor).statusCode()).isEqualTo(403);
        HttpResponse<String> scrape = get("/actuator/prometheus", admin);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_");

        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\"").doesNotContain("components");
        assertThat(get("/actuator/health", admin).body()).contains("components");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
