/**
 * The HAL's implementation, private to the bundle. {@link io.hallows.hal.impl.HalComponent} is the
 * service; {@link io.hallows.hal.impl.HalSelection} chooses, once, what answers behind it:
 *
 * <pre>
 *   HalComponent ──▶ NativeHal (impl.jnr, libc via JNR-FFI)      on Linux where JNR-FFI loads
 *                      └─▶ PortableHal for the file-based calls
 *                └──▶ PortableHal (impl.portable, /proc files)  otherwise, saying why
 *                      ├─▶ SysfsTopology  (impl.sysfs, /sys/devices/system)
 *                      └─▶ SysfsDevices   (impl.sysfs, /sys/block, /sys/class/net)
 * </pre>
 *
 * Only {@code impl.jnr} touches JNR, whose packages are optional imports: a stack without them
 * gets the portable HAL instead of a failed activation.
 */
package io.hallows.hal.impl;
