package io.hallows.kernel.impl.partition;

import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.capability.Rights;
import java.util.Set;

/** A capability a stack gives to a partition's bundles, written {@code service:greeter CALL,READ}. */
public record Grant(Resource resource, Set<Right> rights) {

    /** @throws IllegalArgumentException saying what is wrong with {@code text} */
    public static Grant parse(String text) {
        String[] words = text.trim().split("\\s+");
        if (words.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a grant: expected <kind>:<name> <RIGHTS>, e.g. service:greeter CALL");
        }
        return new Grant(Resource.parse(words[0]), Rights.parse(words[1]));
    }

    @Override
    public String toString() {
        return resource + " " + rights;
    }
}
