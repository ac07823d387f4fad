-- The queue page's search, sort orders and "New since you last looked".

-- Words in the place or description: a full-text index read with MATCH ... AGAINST in boolean mode,
-- each word a required prefix (+word*). Built without InnoDB's stopword list, which would otherwise
-- make a required common word ("the", "about", "near") match nothing at all; the setting is kept
-- with the index, whatever the session asking.
SET SESSION innodb_ft_enable_stopword = 0;
ALTER TABLE report ADD FULLTEXT INDEX ft_report_place_description (location_description, description);
SET SESSION innodb_ft_enable_stopword = 1;

-- Sorting a queue by age (oldest or newest first, one index read either way) or by the date first
-- contact is due, as the worklist index serves the risk order: a page is an index walk, never a sort
-- of the whole queue.
ALTER TABLE queue_item
    ADD KEY ix_queue_item_age (queue_id, open_item, created_at, id),
    ADD KEY ix_queue_item_due (queue_id, open_item, first_contact_due_by, id);

-- When each member of staff last opened the first page of each queue, and the time before that:
-- items received after the earlier one are tagged "New" on every page of that look at the queue.
CREATE TABLE queue_visit (
    account_id        BIGINT      NOT NULL,
    queue_id          BIGINT      NOT NULL,
    last_opened_at    DATETIME(6) NOT NULL,
    previous_opened_at DATETIME(6) NULL,
    PRIMARY KEY (account_id, queue_id),
    CONSTRAINT fk_queue_visit_account FOREIGN KEY (account_id) REFERENCES staff_account (id) ON DELETE CASCADE,
    CONSTRAINT fk_queue_visit_queue FOREIGN KEY (queue_id) REFERENCES triage_queue (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
