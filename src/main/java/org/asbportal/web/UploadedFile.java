package org.asbportal.web;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file as a browser's form sent it: the name the sender's device gave it (never trusted for its
 * type), its length, and its bytes to read once its length has been checked. Quarkus REST keeps it
 * in a temporary file for the length of the request only.
 */
public record UploadedFile(String fileName, long size, Content content) {

    /** Opens the file's bytes. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /**
     * The file a form's file input sent, or null when the input was left empty (a browser then sends
     * a part with no name and no bytes).
     */
    public static UploadedFile chosen(String fileName, long size, Content content) {
        if (size == 0 && (fileName == null || fileName.isBlank())) {
            return null;
        }
        return new UploadedFile(fileName == null ? "" : fileName, size, content);
    }

    /** Reads the whole file; a file that cannot be read is refused as unreadable. */
    public byte[] bytes() {
        try (InputStream in = content.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidSubmissionException("file", "The selected file could not be read. Try again");
        }
    }
}
