package com.steadydesk.customers.internal;

import org.springframework.data.repository.ListCrudRepository;

/** All customers, as aggregates for changes; reads for screens go through {@link CustomerQueries}. */
public interface Customers extends ListCrudRepository<Customer, Long> {
}
