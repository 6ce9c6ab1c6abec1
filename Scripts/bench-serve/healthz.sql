-- Floor for GET /healthz: the pool's ping.
SELECT 1;
