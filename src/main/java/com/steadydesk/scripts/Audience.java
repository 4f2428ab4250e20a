package com.steadydesk.scripts;

/** For whom a script is written: every customer, VIP customers only, or a named segment. */
public enum Audience {
    ALL, VIP, SEGMENT
}
