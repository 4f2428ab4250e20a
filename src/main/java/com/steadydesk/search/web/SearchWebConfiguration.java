package com.steadydesk.search.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link SearchRateLimit} in front of every search box. */
@Configuration(proxyBeanMethods = false)
class SearchWebConfiguration implements WebMvcConfigurer {

    private final SearchRateLimit limit;

    SearchWebConfiguration(SearchRateLimit limit) {
        this.limit = limit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limit).addPathPatterns(SearchRateLimit.SEARCH_PATHS);
    }
}
