package org.asbportal.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;

import org.asbportal.security.AccessCodes;
import org.asbportal.security.CurrentStaff;
import org.asbportal.trigger.ReviewViews.Review;
import org.asbportal.web.Calendar;

/**
 * An application as the coordinator works on it, for the review's services: found by reference,
 * locked and checked against the version the coordinator saw, its history written as the member of
 * staff signed in, and shown again once saved. Runs in the caller's transaction.
 */
@ApplicationScoped
class ReviewedApplications {

    private final CurrentStaff staff;
    private final Calendar calendar;

    ReviewedApplications(CurrentStaff staff, Calendar calendar) {
        this.staff = staff;
        this.calendar = calendar;
    }

    TriggerApplication find(String reference, LockModeType lock) {
        return TriggerApplication.<TriggerApplication>find("reference", AccessCodes.normaliseReference(reference == null ? "" : reference))
                .withLock(lock).firstResultOptional().orElseThrow(TriggerNotFoundException::new);
    }

    /** The application as last saved, locked until the change commits, when the coordinator saw this version. */
    TriggerApplication current(String reference, Integer version) {
        TriggerApplication application = find(reference, LockModeType.PESSIMISTIC_WRITE);
        if (version != null && version != application.version) {
            throw new TriggerConflictException("Someone else changed this application while you were looking at it. "
                    + "Nothing you did was saved: look at it again and redo your change.");
        }
        return application;
    }

    /** The application as the coordinator sees it today. */
    Review view(TriggerApplication application) {
        return ReviewViews.review(application, calendar.today());
    }

    /** Marks the application changed now, writes it, and shows it as saved. */
    Review saved(TriggerApplication application) {
        application.updatedAt = calendar.now();
        TriggerApplication.flush();
        return view(application);
    }

    /** A history entry by the member of staff signed in. */
    void event(TriggerApplication application, String kind, boolean isPublic, String message) {
        event(application, kind, isPublic, message, staff.username(), calendar.now());
    }

    /** A history entry written at {@code at}, cut to the longest a message may be. */
    static void event(TriggerApplication application, String kind, boolean isPublic, String message, String actor,
            Instant at) {
        TriggerEvent.record(application, kind, isPublic,
                message.length() <= ReviewForms.MAX_TEXT ? message : message.substring(0, ReviewForms.MAX_TEXT - 1) + "…", actor,
                at);
    }
}
