/** Users, roles, API tokens, login and the audit log. Depends on no business module. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package com.steadydesk.identity;
