-- Find User steps use their workflow's built-in Flowyard endpoint: index the ones saved before
-- flow saves did (the flows service writes these rows since), so the endpoint's Usage lists them.
INSERT INTO "endpoint_refs" ("endpoint_id", "flow_id", "node_id", "step_name")
SELECT "endpoints"."id", "flows"."id", "node"->>'id', "node"->'data'->>'name'
FROM "flows"
JOIN "endpoints" ON "endpoints"."workflow_id" = "flows"."workflow_id" AND "endpoints"."auth_type" = 'flowyard'
CROSS JOIN LATERAL json_array_elements("flows"."graph"->'nodes') AS "node"
WHERE "node"->>'type' = 'find-user'
ON CONFLICT DO NOTHING;
