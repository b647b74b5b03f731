/**
 * The checksum database in {@code goferry serve}: the {@code /sumdb/<name>/} endpoints the go
 * command uses when it reaches its database through a GOPROXY ({@link SumDbHandler}), fetched
 * from the database by {@link SumDbRemote} with full tiles cached on disk, and
 * {@link SumDbVerifier}, which checks every fetched .mod and .zip against the database before it is
 * stored.
 */
package dev.goferry.proxy.sumdb;
