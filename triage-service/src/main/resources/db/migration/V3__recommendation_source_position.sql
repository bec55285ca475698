-- Where the report of each recommendation was read (symptom-reports partition and offset): the same record
-- read again after an aborted Kafka transaction gets its event again; the same report at another position
-- is a duplicate and gets nothing. Null for recommendations made before this column existed.
alter table recommendation add column source_partition int, add column source_offset bigint;

-- Recommendations are about 12 KB of JSON: lz4 compresses them several times faster than the default
-- pglz, which was measured as the pipeline's bottleneck (one PostgreSQL backend at 75 % CPU).
alter table recommendation alter column body set compression lz4;
alter table symptom_report alter column body set compression lz4;
