/**
 * The Hallows hardware abstraction layer: cpu topology, thread pinning, the current cpu, memory
 * locking, a raw monotonic clock, per-thread counters and devices.
 *
 * <p>The {@link io.hallows.hal.api.Hal} service answers every call with an
 * {@link io.hallows.hal.api.Outcome}: the value and how it was obtained ({@link
 * io.hallows.hal.api.Support#NATIVE} through JNR-FFI, {@link io.hallows.hal.api.Support#PORTABLE}
 * through a pure-Java path), or {@link io.hallows.hal.api.Support#UNSUPPORTED} with the reason
 * (another operating system, a container that forbids the call, {@code EPERM}). Nothing is
 * pretended: a call that did not happen never reports success.
 *
 * <p>The service is protected by the kernel under the name {@value io.hallows.hal.api.Hal#SERVICE_NAME}:
 * bundles need the capability {@code service:hal} with CALL to see it.
 */
@Export
@Version("0.1.0")
package io.hallows.hal.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
