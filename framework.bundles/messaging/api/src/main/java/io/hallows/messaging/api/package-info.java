/**
 * The messaging log for bundles in the same JVM: topics, publishing, and reactive channels with
 * back-pressure, over the same partitioned, durable log that Kafka's clients reach through the
 * broker's wire protocol, with no network hop and no Kafka types.
 *
 * <p>The broker registers {@link io.hallows.messaging.api.Messaging} as the protected service
 * {@value io.hallows.messaging.api.Messaging#SERVICE_NAME}: a bundle needs
 * {@code service:messaging CALL} granted in the stack file to see it.
 */
@Version("0.1.0")
@Export
package io.hallows.messaging.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
