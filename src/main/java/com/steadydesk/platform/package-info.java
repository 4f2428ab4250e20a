/**
 * Technical ground shared by every module: the zero-set-up database, the clock, web layout support,
 * problem details and keyset pagination. It knows no business concept; see docs/decisions/0001.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.steadydesk.platform;
