package com.steadydesk.knowledge.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

/** The append-only history of source-of-truth pages. */
public interface TruthVersions extends ListCrudRepository<TruthVersion, Long> {

    Optional<TruthVersion> findByPageIdAndNumber(long pageId, int number);

    List<TruthVersion> findByPageIdOrderByNumberDesc(long pageId);
}
