package com.steadydesk.customers;

/** A profile changed (name, VIP tier, contacts); inbox refreshes its copy of the VIP tier. */
public record CustomerUpdated(CustomerId customerId) {
}
