/**
 * The stack's Vert.x: instances whose event loops are a partition's threads and whose blocking
 * work runs through the partition's scheduler. Every network-facing layer (the admin API, the
 * PostgreSQL wire server, the Kafka-compatible log, Basilisk) gets its Vert.x here rather than
 * building one, so that its work is pinned, watched and counted where the stack file says.
 * See {@link io.hallows.vertx.api.PartitionVertx}.
 */
@Export
@Version("0.1.0")
package io.hallows.vertx.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
