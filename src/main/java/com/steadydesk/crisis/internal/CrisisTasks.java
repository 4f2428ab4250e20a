package com.steadydesk.crisis.internal;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** The tasks of all crises. */
public interface CrisisTasks extends ListCrudRepository<CrisisTask, Long> {

    List<CrisisTask> findByCrisisIdOrderByDueAtAscIdAsc(long crisisId);
}
