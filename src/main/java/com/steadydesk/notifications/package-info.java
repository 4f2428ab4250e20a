/**
 * Sending notices to customers, subscribers and staff. For now the staff part: in-app notices (read/unread) and
 * their email copy, queued through channels' outbound mail (which retries).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"identity", "channels", "customers", "platform"})
package com.steadydesk.notifications;
