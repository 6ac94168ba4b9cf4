package io.hallows.kernel.impl.scheduler;

/**
 * A scheduler factory service the kernel refused to use, as {@code hallows:schedulers} lists it.
 *
 * @param name the policy name it was registered under
 * @param version its bundle's version
 * @param provider its bundle: id, location and symbolic name
 * @param reason why it may not serve
 */
public record RefusedPolicy(String name, String version, String provider, String reason) {
}
