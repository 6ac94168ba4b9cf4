package io.hallows.db.olap.impl.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * Hash aggregation: each lane groups its morsels into its own {@link GroupTable} and accumulators;
 * the lanes are then merged into the first. Output: the group keys, then one column per call.
 * Without group keys there is one row even for an empty input (COUNT 0, SUM NULL).
 */
public final class Aggregate extends Node {
    private final int[] keys;
    private final List<AggCall> calls;

    public Aggregate(Node input, int[] keys, List<AggCall> calls) {
        super(types(input, keys, calls), List.of(input));
        this.keys = keys.clone();
        this.calls = List.copyOf(calls);
    }

    private static List<Type> types(Node input, int[] keys, List<AggCall> calls) {
        List<Type> t = new ArrayList<>();
        for (int k : keys) {
            t.add(input.types().get(k));
        }
        for (AggCall c : calls) {
            t.add(c.type());
        }
        return t;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("HashAggregate keys [");
        for (int i = 0; i < keys.length; i++) {
            s.append(i == 0 ? "" : ", ").append('$').append(keys[i]);
        }
        return s.append("] ").append(calls).toString();
    }

    /** One lane's groups and accumulators. */
    private final class Lane implements Exec.Sink {
        final GroupTable groups;
        final Acc[] accs = new Acc[calls.size()];

        Lane(Memory memory) {
            List<Type> keyTypes = new ArrayList<>();
            for (int k : keys) {
                keyTypes.add(inputs().get(0).types().get(k));
            }
            groups = new GroupTable(keyTypes, memory, 16L * calls.size());
            for (int i = 0; i < accs.length; i++) {
                accs[i] = calls.get(i).newAcc();
                accs[i].ensure(Math.max(1, groups.groups()));
            }
        }

        @Override
        public void accept(int morsel, Batch b) {
            long t = System.nanoTime();
            Vec[] keyVecs = new Vec[keys.length];
            for (int i = 0; i < keys.length; i++) {
                keyVecs[i] = b.col(keys[i]);
            }
            int[] gid = groups.groupsOf(keyVecs, b.n());
            for (int i = 0; i < accs.length; i++) {
                accs[i].ensure(groups.groups());
                AggCall c = calls.get(i);
                accs[i].update(gid, c.arg() < 0 ? null : b.col(c.arg()), b.n());
            }
            spent(t);
        }

        void merge(Lane other) {
            int n = other.groups.groups();
            int[] map = keys.length == 0 ? new int[n] : groups.groupsOf(other.groups.keyVecs(), n);
            for (int i = 0; i < accs.length; i++) {
                accs[i].ensure(groups.groups());
                accs[i].merge(other.accs[i], map, n);
            }
        }
    }

    @Override
    public Flow open(Exec ex) {
        Flow in = inputs().get(0).open(ex);
        List<Lane> lanes = ex.run(in, l -> new Lane(ex.memory()));
        long t = System.nanoTime();
        Lane first = lanes.get(0);
        for (int l = 1; l < lanes.size(); l++) {
            ex.checkCancelled();
            first.merge(lanes.get(l));
        }
        int n = first.groups.groups();
        Vec[] cols = new Vec[keys.length + calls.size()];
        System.arraycopy(first.groups.keyVecs(), 0, cols, 0, keys.length);
        for (int i = 0; i < calls.size(); i++) {
            cols[keys.length + i] = first.accs[i].result(n);
        }
        Batch out = new Batch(cols, n);
        spent(t);
        return ready(split(out));
    }
}
