-- Community Trigger applications a coordinator took down by phone, on paper or in person: who
-- entered each (the channel, PHONE, PAPER or IN_PERSON, says how it came).
ALTER TABLE trigger_application
    ADD COLUMN entered_by VARCHAR(80) NULL;
