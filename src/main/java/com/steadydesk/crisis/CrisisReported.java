package com.steadydesk.crisis;

/** A suspected crisis was reported; the chain's first level is being told. */
public record CrisisReported(CrisisId crisisId) {
}
