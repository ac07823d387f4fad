package org.asbportal.web.journey;

import java.util.List;

import org.asbportal.web.UploadedFile;

/**
 * Where a journey keeps the files a resident adds on its file pages ({@link Page#files}) before
 * sending: a feature implements it and gives it as {@link Journey#files()}. Files belong to the draft
 * until it is sent; the feature attaches them to what it saves, and removes them with the draft when
 * it expires.
 */
public interface DraftFiles {

    /**
     * The draft files belong to: its id, and the SHA-256 of the idempotency key it will be sent with,
     * which the feature's save sees as {@link Submissions.Receipt#keyHash()}.
     */
    record DraftRef(long id, String submissionKeyHash) {
    }

    /** A file kept with a draft, as its page lists it. */
    record Listed(long id, String name, String description) {
    }

    List<Listed> list(DraftRef draft);

    /**
     * Keeps a file with the draft.
     *
     * @throws org.asbportal.web.InvalidSubmissionException with what to tell the resident: too big,
     *     too many, empty, a kind of file not taken
     */
    void add(DraftRef draft, UploadedFile file);

    /** Removes one of the draft's files; a file that is not the draft's is left alone. */
    void remove(DraftRef draft, long fileId);
}
