package org.asbportal.triage;

import org.jboss.resteasy.reactive.RestQuery;

/**
 * What the queue page confirms after a change made from it (post/redirect/get): a bulk action with how
 * many cases it changed and which it left and why (as codes), or a saved filter kept or deleted. Only
 * what the portal writes is ever shown: anything else in these parameters is ignored.
 */
public class QueueNotices {

    @RestQuery
    public String bulk;

    @RestQuery
    public String changed;

    /** Each case left as it was, as {@code REFERENCE~reason}, comma separated. */
    @RestQuery
    public String skipped;

    @RestQuery
    public String primary;

    /** {@code saved} or {@code deleted}. */
    @RestQuery
    public String filter;
}
