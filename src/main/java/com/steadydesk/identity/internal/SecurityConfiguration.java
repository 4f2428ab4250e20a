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
import org.springframework.security.web.SecurityFilterChain;
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
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
    };

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

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenAuthenticationFilter apiTokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(problemEntryPoint()))
                .addFilterBefore(apiTokens, org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint()).accessDeniedHandler(problemAccessDenied()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    /**
     * Knows the logged-in sessions of this node so that deactivating a user ends them ({@link DeactivatedUserSessions}).
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
    SecurityFilterChain browserChain(HttpSecurity http, SessionRegistry sessions) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES).permitAll().anyRequest().authenticated())
                // RFC 8058 one-click unsubscribe: mail programs POST without a session; the signed token is the proof.
                // Subscribing is anonymous and confirmed by a mailed link, so a forged request gains nothing; without a
                // token the status page needs no session and can be served to a surge of readers from one cached copy.
                .csrf(c -> c.ignoringRequestMatchers("/status/subscriptions/unsubscribe", "/status/subscriptions"))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-eval'; frame-ancestors 'self'")));
        return http.build();
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
