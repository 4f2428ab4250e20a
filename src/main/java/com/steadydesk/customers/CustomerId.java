package com.steadydesk.customers;

/** Typed id of a customer. */
public record CustomerId(long value) {
}
