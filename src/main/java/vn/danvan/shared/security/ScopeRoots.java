package vn.danvan.shared.security;

import java.util.UUID;

/**
 * The roots of a home unit's scope: the minimal ones, which every {@code path && roots} filter
 * binds, and all of {@code danvan_scope_roots}, which select the same paths.
 */
record ScopeRoots(UUID[] minimal, UUID[] all) {}
