package io.hallows.hal.impl;

import io.hallows.hal.api.BlockDevice;
import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Feature;
import io.hallows.hal.api.Hal;
import io.hallows.hal.api.NetDevice;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.ThreadCounters;
import io.hallows.hal.api.Topology;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link Hal} service, protected by the kernel under {@value Hal#SERVICE_NAME}. At activation it
 * picks its implementation once ({@link HalSelection}): on Linux where JNR-FFI loads, the native
 * one; elsewhere, or when JNR-FFI is missing from the stack, the portable one, which says why in
 * {@link #platform()} and {@link #features()}. Nothing is logged: the choice is data.
 *
 * <p>The system property {@code hallows.hal.native=false} forces the portable path, e.g. to compare
 * both on one machine or to rule the native calls out when diagnosing.
 */
@Component(service = Hal.class, immediate = true, property = "hallows.protected=" + Hal.SERVICE_NAME)
public final class HalComponent implements Hal {
    private final Hal hal;

    public HalComponent() {
        this.hal = HalSelection.select(System::getProperty);
    }

    @Override
    public String platform() {
        return hal.platform();
    }

    @Override
    public List<Feature> features() {
        return hal.features();
    }

    @Override
    public Topology topology() {
        return hal.topology();
    }

    @Override
    public Outcome<Long> threadId() {
        return hal.threadId();
    }

    @Override
    public Outcome<CpuSet> pin(CpuSet cpus) {
        return hal.pin(cpus);
    }

    @Override
    public Outcome<CpuSet> pin(long tid, CpuSet cpus) {
        return hal.pin(tid, cpus);
    }

    @Override
    public Outcome<CpuSet> affinity() {
        return hal.affinity();
    }

    @Override
    public Outcome<CpuSet> affinity(long tid) {
        return hal.affinity(tid);
    }

    @Override
    public Outcome<Integer> currentCpu() {
        return hal.currentCpu();
    }

    @Override
    public Outcome<Void> lockMemory() {
        return hal.lockMemory();
    }

    @Override
    public Outcome<Void> unlockMemory() {
        return hal.unlockMemory();
    }

    @Override
    public Outcome<Long> monotonicRawNanos() {
        return hal.monotonicRawNanos();
    }

    @Override
    public Outcome<Long> clockResolutionNanos() {
        return hal.clockResolutionNanos();
    }

    @Override
    public Outcome<ThreadCounters> openCounters() {
        return hal.openCounters();
    }

    @Override
    public Outcome<List<BlockDevice>> blockDevices() {
        return hal.blockDevices();
    }

    @Override
    public Outcome<List<NetDevice>> netDevices() {
        return hal.netDevices();
    }
}
