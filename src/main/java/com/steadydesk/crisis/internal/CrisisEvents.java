package com.steadydesk.crisis.internal;

import com.steadydesk.crisis.CrisisStatus;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.ListCrudRepository;

/** All crisis events (the aggregate). */
public interface CrisisEvents extends ListCrudRepository<CrisisEvent, Long> {

    List<CrisisEvent> findByStatusInOrderByIdDesc(Collection<CrisisStatus> statuses);

    List<CrisisEvent> findByIdLessThanOrderByIdDesc(long beforeId, Limit limit);
}
