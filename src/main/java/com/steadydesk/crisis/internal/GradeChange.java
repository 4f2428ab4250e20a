package com.steadydesk.crisis.internal;

import com.steadydesk.crisis.CrisisGrade;
import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/** One entry of a crisis's grade history: computed from the matrix, or overridden by the lead with a reason. */
@Table("crisis_grade_changes")
public record GradeChange(CrisisGrade grade, Integer score, boolean overridden, String reason, String changedBy, Instant changedAt) {
}
