-- The queue page filters by ward and by kind of behaviour: both are kept on the queue item (copied
-- from its report when triage takes it in, and moved with the report when the wards are replaced),
-- so a filtered page walks an index in the queue's order, as the unfiltered page walks the worklist,
-- instead of reading every report of the ward or kind through the report's index and sorting them.
-- Ward and kind together have an index of their own: through the ward's alone, a kind seldom (or
-- never) reported in the ward would be looked for among all the ward's open items.
ALTER TABLE queue_item
    ADD COLUMN ward_code     VARCHAR(16) NULL,
    ADD COLUMN category_code VARCHAR(40) NULL;

UPDATE queue_item i JOIN report r ON r.id = i.report_id
SET i.ward_code = r.ward_code, i.category_code = r.category_code;

ALTER TABLE queue_item
    MODIFY COLUMN category_code VARCHAR(40) NOT NULL,
    ADD KEY ix_queue_item_ward_worklist (queue_id, open_item, ward_code, risk_rank DESC, created_at, id),
    ADD KEY ix_queue_item_category_worklist (queue_id, open_item, category_code, risk_rank DESC, created_at, id),
    ADD KEY ix_queue_item_ward_category_worklist (queue_id, open_item, ward_code, category_code, risk_rank DESC, created_at, id);
