package com.steadydesk.scripts.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** The append-only version history: save and read, never update or delete. */
public interface ScriptVersions extends Repository<ScriptVersion, Long> {

    ScriptVersion save(ScriptVersion version);

    Optional<ScriptVersion> findByScriptIdAndVersion(Long scriptId, int version);

    List<ScriptVersion> findByScriptIdOrderByVersionDesc(Long scriptId);
}
