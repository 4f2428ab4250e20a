package com.steadydesk.platform;

/** Something asked for by id does not exist (or is not visible to the caller); answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
