package com.steadydesk.identity.internal;

import com.steadydesk.identity.Role;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Two filter chains: the REST API (stateless, HTTP Basic or Bearer API token, problem+json errors, no CSRF since no
 * cookie authenticates it) and the browser (form login, session, CSRF on every form). Every other module guards its
 * own endpoints with {@code @PreAuthorize}; what is public is listed here and nowhere else.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Pages and assets anyone may open: login, the public contact form, help center and status page. */
    static final String[] PUBLIC_PAGES = {
            "/login", "/error", "/css/**", "/js/**", "/vendor/**", "/images/**", "/favicon.ico",
            "/contact", "/contact/**", "/help", "/help/**", "/status", "/status/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
    };

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.hierarchy());
    }

    /**
     * No Micrometer observation around every security filter and authorization check: on API intake and the status
     * page these wrappers cost more CPU than the checks themselves, and HTTP server metrics already time each request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Declared as a bean for injection, the filter must not also run as a plain servlet filter on every path. */
    @Bean
    FilterRegistrationBean<ApiTokenAuthenticationFilter> apiTokenFilterRegistration(ApiTokenAuthenticationFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * The API and the actuator: stateless, HTTP Basic or an API token. Health (up or down) is public for load balancers;
     * metrics, Prometheus and health details tell an outsider too much (paths, load, versions) and need an admin.
     */
    /** Runs inside the browser chain only, like the token filter in the API chain. */
    @Bean
    FilterRegistrationBean<LiveSessionRoles> liveSessionRolesRegistration(LiveSessionRoles filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenAuthenticationFilter apiTokens) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(problemEntryPoint()))
                .addFilterBefore(apiTokens, org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint()).accessDeniedHandler(problemAccessDenied()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    /**
     * Knows the logged-in sessions of this node so that deactivating a user or changing a password ends them ({@link UserSessions}).
     * In memory: with several nodes sharing sessions through Spring Session, replace it with Spring Session's registry.
     */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when a session ends, so that it does not grow forever. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browserChain(HttpSecurity http, SessionRegistry sessions, LiveSessionRoles liveRoles, LoginThrottle throttle)
            throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES).permitAll().anyRequest().authenticated())
                // RFC 8058 one-click unsubscribe: mail programs POST without a session; the signed token is the proof.
                // Subscribing is anonymous and confirmed by a mailed link, so a forged request gains nothing; without a
                // token the status page needs no session and can be served to a surge of readers from one cached copy.
                .csrf(c -> c.ignoringRequestMatchers("/status/subscriptions/unsubscribe", "/status/subscriptions"))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(loginFailures(throttle)).permitAll())
                .addFilterBefore(liveRoles, AuthorizationFilter.class)
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                // No 'unsafe-eval': htmx needs it only for hx-on / js: values, which no template uses (and htmx-config turns off).
                // The referrer stays on our own origin: ticket and crisis URLs must not leak to sites linked from a message.
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** A login refused by the throttle says how long to wait; any other failure says only that it failed. */
    private static AuthenticationFailureHandler loginFailures(LoginThrottle throttle) {
        var failed = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            if (exception instanceof LockedException) {
                long millis = throttle.waitFor(request.getParameter("username"), LoginThrottle.currentAddress()).toMillis();
                response.sendRedirect(request.getContextPath() + "/login?throttled=" + Math.max(1, (millis + 999) / 1000));
            } else {
                failed.onAuthenticationFailure(request, response, exception);
            }
        };
    }

    private static AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, ex) -> writeProblem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                "Authenticate with an API token (Authorization: Bearer ...) or HTTP Basic.");
    }

    private static AccessDeniedHandler problemAccessDenied() {
        return (request, response, ex) -> writeProblem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "Your role does not allow this.");
    }

    static void writeProblem(HttpServletResponse response, int status, String title, String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"SteadyDesk\"");
        }
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
