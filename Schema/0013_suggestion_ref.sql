-- `import suggestions` may carry the old platform's id of each case (the file's optional
-- `ref` column). It is kept with the case, at most once per congress, so that a file
-- imported again with --skip-existing skips exactly the cases it already brought.
ALTER TABLE suggestion ADD COLUMN ref text CHECK (ref IS NULL OR btrim(ref) <> '');
CREATE UNIQUE INDEX suggestion_ref ON suggestion (congress_id, ref) WHERE ref IS NOT NULL;
