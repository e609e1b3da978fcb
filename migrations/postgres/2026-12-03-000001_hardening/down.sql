DROP INDEX import_batches_uncommitted;
DROP TABLE anonymous_refusals;
