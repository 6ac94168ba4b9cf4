/**
 * The portable HAL: {@code /proc} read as files, in pure Java. It answers the calls files can
 * answer honestly (thread id, affinity, current cpu, switch counts) and reports the others as
 * unsupported with the reason. The native HAL reuses it for every file-based call, and both use
 * {@link io.hallows.hal.impl.portable.Features} to list what they support.
 */
package io.hallows.hal.impl.portable;
