package org.asbportal.report;

/** What the OpenAPI document says about {@code POST /api/v1/reports}, with examples a client can send as they are. */
final class ReportApiDocs {

    static final String SUBMIT_DESCRIPTION = """
            Saves the report first, then screens it for risk and routes it to a partner agency's triage queue. \
            The answer carries the reference and the access code the resident needs to follow the report: show both. \
            Send an Idempotency-Key header (1 to 255 characters) to retry safely: the same key and body give the same \
            report and access code; the same key with another body is refused with 422. occurredAt is an ISO-8601 date, \
            local date and time, or date and time with an offset. When the robot check is on, send captchaToken.""";

    static final String NAMED_EXAMPLE = """
            {
              "categoryCode": "NOISE",
              "description": "Loud music from the flat above until 3am most nights",
              "peopleInvolved": "Two adults at number 14",
              "occurredAt": "2026-11-20T23:30",
              "stillHappening": true,
              "frequency": "WEEKLY",
              "location": {"description": "12 Mill Lane", "town": "Bedford"},
              "anonymous": false,
              "reporter": {"name": "Sam Resident", "email": "sam.resident@example.org", "phone": "01632 960 001",
                           "preferredContact": "EMAIL", "role": "VICTIM"},
              "risk": {"happenedBefore": "YES", "targetedForIdentity": false, "impact": "SOME",
                       "feelsUnsafeAtHome": false, "vulnerablePeopleAffected": false, "youngPeopleInvolved": "NO"},
              "consentToShare": true
            }""";

    static final String ANONYMOUS_EXAMPLE = """
            {
              "categoryCode": "FLY_TIPPING",
              "description": "Mattresses and bags of rubbish dumped by the garages",
              "occurredAt": "2026-11-21",
              "stillHappening": false,
              "frequency": "ONCE",
              "location": {"description": "Garages behind Harpur Street", "town": "Bedford"},
              "anonymous": true,
              "risk": {"happenedBefore": "NOT_SURE", "targetedForIdentity": false, "impact": "NONE",
                       "feelsUnsafeAtHome": false, "vulnerablePeopleAffected": false, "youngPeopleInvolved": "NOT_SURE"},
              "consentToShare": false
            }""";

    static final String SAVED_EXAMPLE = """
            {
              "reference": "ASB-7K3M-Q9TX",
              "accessCode": "R4W8-N2PX-J6HC",
              "riskLevel": "STANDARD",
              "queue": "ENVIRONMENTAL_HEALTH",
              "queueName": "Environmental health",
              "wardCode": "E05011256",
              "firstContactDueBy": "2026-11-27",
              "verified": false,
              "possibleDuplicate": false
            }""";

    private ReportApiDocs() {
    }
}
