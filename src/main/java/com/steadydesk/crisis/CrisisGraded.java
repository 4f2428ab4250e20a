package com.steadydesk.crisis;

/** The crisis's grade changed (computed or overridden); {@code from} is null on the first grade. */
public record CrisisGraded(CrisisId crisisId, CrisisGrade from, CrisisGrade to) {
}
