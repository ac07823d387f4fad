-- How and when a resident says it is safe to contact them ("Your contact details" in the report):
-- the ways (a comma-separated set of SafeContact codes: CALL, VOICEMAIL, TEXT, EMAIL) and the times,
-- in their own words. Staff see them first, before they call someone who may be overheard.
ALTER TABLE report
    ADD COLUMN safe_contact       VARCHAR(60)  NULL,
    ADD COLUMN safe_contact_times VARCHAR(200) NULL;
