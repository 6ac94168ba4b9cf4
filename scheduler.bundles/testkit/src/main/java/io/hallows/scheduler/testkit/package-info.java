/**
 * The scheduling policies' test kit, used by their unit tests only (never part of a stack).
 *
 * <ul>
 * <li>{@link io.hallows.scheduler.testkit.SchedulerContract}: the conformance suite. Every
 * policy's unit test extends it, so each policy is checked against the scheduler SPI the same way:
 * exactly once, per-key order where the policy promises it, hand-back, stop. A policy's own
 * properties (frames, batches, affinity, stealing) are tested beside it, in the same class.</li>
 * <li>{@link io.hallows.scheduler.testkit.PolicyFixture}: starts instances as the kernel would and
 * switches them off after each test, checking that their workers leave and never threw.</li>
 * <li>{@link io.hallows.scheduler.testkit.TestContext} and
 * {@link io.hallows.scheduler.testkit.TestTask}: a partition without a framework, and tasks that
 * remember where, when and how often they were run.</li>
 * </ul>
 *
 * <p>A new policy's test: {@code class MyPolicyTest extends SchedulerContract<MyPolicy>}, with
 * {@code create} calling the policy's factory, and {@code options}, {@code orderKey} or
 * {@code checkMetricsAfterLoad} overridden where the policy has options, promises an order or
 * reports counts.
 */
package io.hallows.scheduler.testkit;
