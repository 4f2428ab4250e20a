package com.steadydesk.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * {@code ?lang=en} switches the language and is remembered in a cookie (any other value means Chinese); without either,
 * the browser's Accept-Language decides between Chinese and English (a reader of the public status page never chose a
 * language), else Chinese.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** The languages of our bundles. */
    private static final Set<String> SUPPORTED = Set.of("zh", "en");
    /** The same, as locales an Accept-Language header can be matched against. */
    private static final List<Locale> OFFERED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.CHINESE, Locale.ENGLISH);

    private final Navigation navigation;

    WebConfiguration(Navigation navigation) {
        this.navigation = navigation;
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("steadydesk-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setDefaultLocaleFunction(WebConfiguration::fromAcceptLanguage);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setRejectInvalidCookies(false); // a mangled cookie means the default language, not an error
        return resolver;
    }

    /** The best of our two languages for the request's Accept-Language header; Chinese when there is none or no match. */
    static Locale fromAcceptLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), OFFERED);
            return best == null ? Locale.SIMPLIFIED_CHINESE : best;
        } catch (IllegalArgumentException malformed) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }

    private static boolean offered(String value) {
        try {
            Locale locale = org.springframework.util.StringUtils.parseLocale(value);
            return locale != null && SUPPORTED.contains(locale.getLanguage());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor() {
            /** A language we have no texts for (or no language at all) is ignored: the cookie, the browser or Chinese decide. */
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                String value = request.getParameter(getParamName());
                return value == null || offered(value) ? super.preHandle(request, response, handler) : true;
            }

            @Override
            protected Locale parseLocaleValue(String localeValue) {
                Locale locale = super.parseLocaleValue(localeValue);
                // language and country only: a variant is never ours and would be echoed into the cookie
                return locale != null && SUPPORTED.contains(locale.getLanguage()) ? new Locale(locale.getLanguage(), locale.getCountry()) : null;
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(navigation);
    }

    /**
     * After the modules' own handlers: a page whose parameter could not be understood (a malformed cursor, a number
     * that is not one) answers 400 with the error page, as the API answers 400 problem+json (ApiProblems), not 500.
     */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add((request, response, handler, ex) -> {
            if (!(ex instanceof IllegalArgumentException) || response.isCommitted()) {
                return null;
            }
            try {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, ex.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ModelAndView();
        });
    }
}
