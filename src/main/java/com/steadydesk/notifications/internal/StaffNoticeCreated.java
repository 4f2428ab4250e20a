package com.steadydesk.notifications.internal;

/** A staff notice was stored; its email copy is still to be queued. */
public record StaffNoticeCreated(long noticeId) {
}
