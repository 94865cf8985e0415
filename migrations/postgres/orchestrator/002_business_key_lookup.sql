-- GET /sagas?businessKey=… without a type: the unique index leads with type, and PostgreSQL 15
-- cannot skip through it (SQLite's list query names every type instead), so the lookup by key
-- alone gets its own index.
CREATE INDEX sagas_business_key_any_type ON sagas (business_key);
