package com.steadydesk.crisis;

import java.util.List;

/** What a crisis affects, and the keywords that link new tickets to it. */
public record CrisisScope(List<String> products, List<String> regions, List<String> channels, List<String> keywords) {
}
