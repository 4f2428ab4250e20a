package com.steadydesk.knowledge.internal;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

/** Article aggregates. */
public interface Articles extends ListCrudRepository<Article, Long> {

    Optional<Article> findBySlug(String slug);

    boolean existsBySlug(String slug);
}
