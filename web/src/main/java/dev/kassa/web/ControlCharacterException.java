package dev.kassa.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A JSON string of a request body holds a control character; Jackson adds the field's path on the way out. */
public class ControlCharacterException extends MismatchedInputException {

    static final String REASON = "must not contain control characters";

    ControlCharacterException(JsonParser parser) {
        super(parser, "string " + REASON, String.class);
    }
}
