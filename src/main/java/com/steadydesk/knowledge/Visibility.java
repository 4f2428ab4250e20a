package com.steadydesk.knowledge;

/** Who may read an article: staff only, or also the public help center (once published). */
public enum Visibility {
    INTERNAL, PUBLIC
}
