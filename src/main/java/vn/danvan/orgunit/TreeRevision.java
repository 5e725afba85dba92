package vn.danvan.orgunit;

/**
 * A state of the unit tree: the revision number of {@code org_unit_tree_revision} and the
 * transaction that wrote it (its {@code xmin}). Every change to versions or lineage bumps it in the
 * same transaction, so a restructuring or a unit edit committed by any instance gives a pair never
 * seen before (a reset or rolled-back number has another writer). Derived data kept with the pair
 * read before it was computed holds for every statement that reads the same pair.
 */
public record TreeRevision(long revision, long writer) {}
