-- Rate-limit counters are checked on every API request. Unlogged, their one-statement upsert commits without
-- waiting for a WAL flush (~4 ms on a busy disk, more than the rest of a request); a crash or a failover
-- forgets the counts, which only gives every caller a fresh window.
ALTER TABLE "rate_limits" SET UNLOGGED;
