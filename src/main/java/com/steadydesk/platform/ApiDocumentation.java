package com.steadydesk.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.context.annotation.Configuration;

/** The conventions every endpoint of /api/v1 follows, shown at the top of the OpenAPI page. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "SteadyDesk API", version = "v1", description = """
        Authenticate with a personal API token (`Authorization: Bearer <token>`, created under 我的账户 / My account); \
        HTTP Basic works too but hashes the password on every call.

        **Lists.** Every endpoint that answers a list answers one shape: `{"items": [...], "nextCursor": "..." }`. \
        `nextCursor` is null on the last page; pass it back as the `cursor` query parameter for the next page \
        (`after` is accepted as an older spelling). Bounded lists (versions, timeline, links) come as a single page.

        **Errors** are RFC 9457 problem details (`application/problem+json`) with `status`, `title`, `detail` and, for \
        invalid bodies or parameters, `errors[]` naming each `field`."""))
class ApiDocumentation {
}
