package org.asbportal.web.journey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A resident's unsent answers to one journey, found by the hash of the token in their cookie (the
 * token itself is never stored). Deleted when it expires; kept, marked submitted, after sending so
 * the confirmation can be shown again and Back never sends twice.
 */
@Entity
@Table(name = "journey_draft")
public class JourneyDraft extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "token_hash")
    public String tokenHash;

    public String journey;

    /** The answers as typed, JSON. */
    public String answers;

    /** Pages saved without errors, comma separated. */
    @Column(name = "pages_done")
    public String pagesDone;

    /** The idempotency key the draft is sent with: sending it again saves nothing more. */
    @Column(name = "submission_key")
    public String submissionKey;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The SHA-256 of the token of the "save and come back later" link last emailed for it, or null. */
    @Column(name = "resume_token_hash")
    public String resumeTokenHash;

    /** When that link stops working; the draft is kept at least until then. */
    @Column(name = "resume_expires_at")
    public Instant resumeExpiresAt;

    public static Optional<JourneyDraft> findByResumeToken(String resumeTokenHash, String journey) {
        return find("resumeTokenHash = ?1 and journey = ?2", resumeTokenHash, journey).firstResultOptional();
    }

    public static Optional<JourneyDraft> find(String tokenHash, String journey) {
        return find("tokenHash = ?1 and journey = ?2", tokenHash, journey).firstResultOptional();
    }
}
