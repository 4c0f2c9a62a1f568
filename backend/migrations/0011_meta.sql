-- Facts about the database itself, one row each. `demo_seeded`: the demo seed (`--demo`)
-- filled this database; only then does `--demo` turn on the public demo tokens and console.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Databases the demo seeded before the mark existed keep working with `--demo`: they are
-- recognised by the demo's Northwind system administrator, a contract-named account at a
-- reserved `.example` domain (RFC 2606) that no real customer has. This runs once, at this
-- upgrade: a database created later gets the mark from the demo seed only.
INSERT INTO meta (key, value)
SELECT 'demo_seeded', 'before 0011_meta'
 WHERE EXISTS (SELECT 1 FROM users u JOIN organisations o ON o.id = u.organisation_id
                WHERE u.email = 'sysadmin@northwind.example'
                  AND u.source = 'purchase_contract'
                  AND o.name = 'Northwind Traders');
