package com.steadydesk.crisis;

import java.util.List;

/**
 * One level of the reporting chain of a grade: the on-duty person, named people and roles told, over which channels
 * (IN_APP, EMAIL), and how many minutes they have to acknowledge before the next level is told.
 */
public record ChainLevel(long id, CrisisGrade grade, int level, String onDuty, List<String> usernames, List<String> roles,
        List<String> channels, int ackWithinMinutes) {
}
