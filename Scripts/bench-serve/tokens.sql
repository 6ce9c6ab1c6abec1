-- Floor for POST /api/v1/tokens: the sign-in lookup and the token insert (bcrypt, done in
-- jianyi, has no SQL counterpart; the accounts use cost 4).
SELECT password_hash, role, deputy_code, unit_code, disabled FROM jianyi_sign_in_account((SELECT congress_id FROM congress WHERE code = :congress), :login);
SELECT floor(extract(epoch FROM expires_at))::bigint AS expires_at
FROM jianyi_issue_token(md5(random()::text), (SELECT congress_id FROM congress WHERE code = :congress), :login, 'api', NULL, interval '12 hours');
