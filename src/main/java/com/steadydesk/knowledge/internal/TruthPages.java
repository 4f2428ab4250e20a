package com.steadydesk.knowledge.internal;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

/** Source-of-truth page aggregates, one per crisis. */
public interface TruthPages extends ListCrudRepository<TruthPage, Long> {

    Optional<TruthPage> findByCrisisId(long crisisId);
}
