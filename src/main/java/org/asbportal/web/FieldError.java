package org.asbportal.web;

/** A problem with one field of a submission, in words for the person who filled it in. */
public record FieldError(String field, String message) {
}
