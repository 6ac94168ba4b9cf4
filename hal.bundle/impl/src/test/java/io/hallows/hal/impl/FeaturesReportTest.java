package io.hallows.hal.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hallows.hal.api.Feature;
import io.hallows.hal.api.Hal;
import io.hallows.hal.impl.portable.PortableHal;
import org.junit.jupiter.api.Test;

/** Prints what the HAL reports on the machine running the build (as {@code hallows:hal} would show it). */
class FeaturesReportTest {
    @Test
    void printsPlatformAndFeatures() {
        Hal component = new HalComponent();
        Hal portable = PortableHal.onThisMachine("for comparison");
        System.out.println(report(component));
        System.out.println(report(portable));

        assertEquals(portable.features().stream().map(Feature::name).toList(),
                component.features().stream().map(Feature::name).toList());
        component.features().forEach(f -> assertFalse(f.detail().isBlank(), f.toString()));
    }

    private static String report(Hal hal) {
        StringBuilder out = new StringBuilder(hal.platform()).append('\n');
        int width = hal.features().stream().mapToInt(f -> f.name().length()).max().orElse(0);
        for (Feature f : hal.features()) {
            out.append(String.format("  %-" + width + "s | %-11s | %s%n", f.name(), f.support().label(), f.detail()));
        }
        return out.toString();
    }
}
