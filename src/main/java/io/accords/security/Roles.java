package io.accords.security;

/**
 * The roles a token's {@code groups} claim grants. They nest: an editor may do all a reader may, an admin all an
 * editor may ({@link RoleHierarchy}), so each endpoint names the least role it needs.
 */
public final class Roles {

    /** Reads agreements, parties and the history of records that still exist. */
    public static final String READER = "reader";
    /** Also creates, changes and deletes agreements and parties. */
    public static final String EDITOR = "editor";
    /** Also reads the history of deleted records. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
