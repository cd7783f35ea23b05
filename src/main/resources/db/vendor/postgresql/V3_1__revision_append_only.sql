-- History is append-only: the database itself refuses to change or remove a revision.
CREATE FUNCTION revision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'revision rows are append-only';
END;
$$;
CREATE TRIGGER revision_append_only BEFORE UPDATE OR DELETE ON revision
    FOR EACH ROW EXECUTE FUNCTION revision_append_only();
CREATE TRIGGER revision_no_truncate BEFORE TRUNCATE ON revision
    FOR EACH STATEMENT EXECUTE FUNCTION revision_append_only();
