package dev.courseline.website.api;

import java.util.List;

/** The parts of an RFC 9457 problem body the pages use. */
record Problem(String title, String detail, List<FieldMessage> errors) {

    List<FieldMessage> fieldErrors() {
        return errors == null ? List.of() : errors;
    }
}
