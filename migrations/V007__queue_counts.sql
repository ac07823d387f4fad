-- The counts every queue is shown with (open, unassigned, overdue) read from an index alone, so a
-- queue with 100,000 open items still answers quickly.
ALTER TABLE queue_item
    ADD KEY ix_queue_item_open_assignee (queue_id, open_item, assigned_to),
    ADD KEY ix_queue_item_first_contact (queue_id, status, first_contact_due_by);
