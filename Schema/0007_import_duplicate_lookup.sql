-- `import suggestions` refuses (or with --skip-existing skips) a row whose deputy, series
-- (session, or recess year) and title match a registered case. This index makes that
-- lookup one probe per staged row instead of a scan of the deputy's cases.
--
-- Not UNIQUE: databases imported twice before this check may already hold such pairs, and
-- `register` may legitimately record the same title again (a withdrawn or rejected
-- suggestion submitted anew). Titles are stored trimmed, so the column is the key; it is
-- indexed by its md5, because a btree entry is limited to about 8 kB and a title of 200
-- characters, each carrying combining marks, can be longer than that.
CREATE INDEX suggestion_same_title ON suggestion (congress_id, deputy_code, series, md5(title));
