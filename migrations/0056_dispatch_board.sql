-- The dispatch board reads a day's tasks of a coop: the day of a task is its window's close, else
-- its opening, else its creation (the same expression as the board's statement).
create index delivery_tasks_day on delivery_tasks (coop_id, (coalesce(window_before, window_after, created_at)));
