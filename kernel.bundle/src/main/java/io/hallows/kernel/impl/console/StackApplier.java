package io.hallows.kernel.impl.console;

import io.hallows.kernel.impl.ConfigValues;
import io.hallows.kernel.impl.partition.PartitionManager;
import java.io.IOException;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Applies the stack file the kernel reads itself ({@code hallows.stack}) in one pass: its partitions
 * go to the partition manager as one batch, in file order; its other configurations (the policy,
 * other bundles' settings) go to ConfigAdmin as the Configurator would put them there. ConfigAdmin
 * remains the store of runtime changes: {@code hallows:configure} creates a partition's
 * configuration there on its first change. The Felix Configurator, by contrast, rewrites its whole
 * state after each configuration, which made a stack of n partitions cost O(n²).
 */
final class StackApplier {
    private StackApplier() {
    }

    /** @return the pids of the partitions the files declare, in order */
    static List<String> apply(List<StackFile> files, PartitionManager partitions, ConfigurationAdmin configAdmin) throws IOException {
        Map<String, Map<String, Object>> declared = new LinkedHashMap<>();
        for (StackFile file : files) {
            for (Map.Entry<String, Dictionary<String, Object>> e : file.configurations().entrySet()) {
                if (StackFile.isPartition(e.getKey())) {
                    declared.put(e.getKey(), Map.copyOf(FrameworkUtil.asMap(e.getValue())));
                } else {
                    ConfigValues.configuration(configAdmin, e.getKey()).update(e.getValue());
                }
            }
        }
        partitions.declareStack(declared);
        return List.copyOf(declared.keySet());
    }
}
