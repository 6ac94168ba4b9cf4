package io.hallows.db.olap.impl.exec;

/** LITERAL_AGG: the same constant for every group (Calcite's marker that a group exists). */
final class LiteralAcc extends Acc {
    private final Type type;
    private final Object value;

    LiteralAcc(Type type, Object value) {
        this.type = type;
        this.value = value;
    }

    @Override
    void ensure(int groups) {}

    @Override
    void update(int[] gid, Vec arg, int n) {}

    @Override
    void merge(Acc other, int[] map, int otherGroups) {}

    @Override
    Vec result(int groups) {
        return Vecs.constant(type, value, groups);
    }
}
