/**
 * The native HAL: libc through JNR-FFI ({@link io.hallows.hal.impl.jnr.LibC}), on 64-bit Linux.
 * The only package that links JNR. A call the kernel refuses answers unsupported with the errno's
 * name and a hint ({@link io.hallows.hal.impl.jnr.Errno}); syscall numbers and flags that differ
 * between architectures live in {@link io.hallows.hal.impl.jnr.LinuxArch}. Tests replace
 * {@code LibC} with fakes that fail, to check every failure path without a hostile kernel.
 */
package io.hallows.hal.impl.jnr;
