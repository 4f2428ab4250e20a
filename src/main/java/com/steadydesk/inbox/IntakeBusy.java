package com.steadydesk.inbox;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The intake queue is full (or the server is stopping): answered at once as 503 problem+json with Retry-After, so
 * that clients back off instead of piling up requests that would time out anyway.
 */
public class IntakeBusy extends ErrorResponseException {

    public IntakeBusy() {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Ticket intake is at capacity; retry in a second."), null);
        getHeaders().set("Retry-After", "1");
    }
}
