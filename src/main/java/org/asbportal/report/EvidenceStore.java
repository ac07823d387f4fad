package org.asbportal.report;

/**
 * Where the bytes of residents' files are kept, never on a replica's own disk. The database
 * ({@link DatabaseEvidenceStore}) is the one store so far; S3-compatible object storage would be a
 * second implementation, chosen by configuration, with an {@link Evidence#storage} name of its own.
 */
public interface EvidenceStore {

    /** The name recorded with each file it keeps. */
    String name();

    /** Keeps the bytes of file {@code evidenceId}, in the caller's transaction where it has one. */
    void put(long evidenceId, byte[] content);

    /** The bytes of file {@code evidenceId}. */
    byte[] read(long evidenceId);

    /** Forgets the bytes of file {@code evidenceId}. */
    void delete(long evidenceId);
}
