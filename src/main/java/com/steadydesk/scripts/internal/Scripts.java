package com.steadydesk.scripts.internal;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** All scripts (current state). */
public interface Scripts extends ListCrudRepository<Script, Long> {

    List<Script> findByCrisisId(Long crisisId);
}
