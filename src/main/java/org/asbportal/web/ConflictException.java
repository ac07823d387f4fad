package org.asbportal.web;

/**
 * Someone else changed the record first, or the change cannot be made in its present state: nothing
 * was saved. Answered as 409 with the title and message, on pages and over JSON.
 */
public class ConflictException extends RuntimeException {

    private final String title;

    public ConflictException(String title, String message) {
        super(message);
        this.title = title;
    }

    /** What the problem is called, in a heading: "This case has changed". */
    public String title() {
        return title;
    }
}
