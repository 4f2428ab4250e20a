package com.steadydesk.scripts.internal.lint;

/**
 * A checkable statement in a script: a topic (refund, shipping...), a dimension (duration, amount, date) and a
 * normalised value ("3-5wd", "168h", "50CNY", "03-15"), with the sentence it came from.
 */
public record Fact(String topic, String dimension, String value, String excerpt) {

    /** Topic and dimension: facts are only compared within the same key. */
    public String key() {
        return topic + "/" + dimension;
    }
}
