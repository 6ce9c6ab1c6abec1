#!/bin/sh
# Run once by the postgres image when its data volume is first initialised: the role
# `jianyi serve` connects as, with a password, before `jianyi db migrate` grants it what it needs
# (the migration keeps an existing role). Not a superuser, cannot bypass row security, owns nothing.
set -eu
psql -v ON_ERROR_STOP=1 -v pw="${JIANYI_WEB_PASSWORD:?set JIANYI_WEB_PASSWORD}" \
     --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE jianyi_web LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD :'pw';
SQL
