package com.steadydesk.channels;

/** Where a conversation came in. SLA targets are set per channel. */
public enum Channel {
    EMAIL, WEB, CHAT, API, PHONE
}
