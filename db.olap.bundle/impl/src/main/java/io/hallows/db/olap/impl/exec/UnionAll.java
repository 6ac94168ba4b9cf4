package io.hallows.db.olap.impl.exec;

import java.util.ArrayList;
import java.util.List;

/** UNION ALL: the inputs' morsels one after the other. */
public final class UnionAll extends Node {
    public UnionAll(List<Type> types, List<Node> inputs) {
        super(types, inputs);
    }

    @Override
    public String describe() {
        return "UnionAll";
    }

    @Override
    public Flow open(Exec ex) {
        List<Flow> flows = new ArrayList<>();
        for (Node in : inputs()) {
            flows.add(in.open(ex));
        }
        int total = 0;
        int[] starts = new int[flows.size() + 1];
        for (int i = 0; i < flows.size(); i++) {
            starts[i] = total;
            total += flows.get(i).morsels();
        }
        starts[flows.size()] = total;
        int n = total;
        return new Flow() {
            @Override
            public int morsels() {
                return n;
            }

            @Override
            public Batch morsel(int i) {
                int f = 0;
                while (starts[f + 1] <= i) {
                    f++;
                }
                Batch b = flows.get(f).morsel(i - starts[f]);
                if (b != null) {
                    produced(b.n());
                }
                return b;
            }
        };
    }
}
