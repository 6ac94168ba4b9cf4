package io.hallows.db.olap.impl.plan;

import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The catalog's tables as a Calcite schema, fixed for one planning: each table is the
 * {@link Table} seen when the query started, with its row count as the planner's statistic.
 */
final class OlapSchema extends AbstractSchema {
    private final Map<String, org.apache.calcite.schema.Table> tables = new HashMap<>();

    OlapSchema(Catalog catalog) {
        for (Table t : catalog.tables()) {
            tables.put(t.name(), new OlapTable(t));
        }
    }

    @Override
    protected Map<String, org.apache.calcite.schema.Table> getTableMap() {
        return tables;
    }

    /** One table; the physical planner unwraps it to scan its chunks. */
    static final class OlapTable extends AbstractTable {
        final Table table;

        OlapTable(Table table) {
            this.table = table;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory f) {
            RelDataTypeFactory.Builder b = f.builder();
            for (ColumnDef c : table.columns()) {
                RelDataType t = switch (c.kind()) {
                    case INT -> f.createSqlType(SqlTypeName.INTEGER);
                    case BIGINT -> f.createSqlType(SqlTypeName.BIGINT);
                    case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
                    case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, c.precision(), c.scale());
                    case VARCHAR -> c.precision() > 0 ? f.createSqlType(SqlTypeName.VARCHAR, c.precision()) : f.createSqlType(SqlTypeName.VARCHAR);
                    case DATE -> f.createSqlType(SqlTypeName.DATE);
                    case BOOLEAN -> f.createSqlType(SqlTypeName.BOOLEAN);
                };
                b.add(c.name(), f.createTypeWithNullability(t, c.nullable()));
            }
            return b.build();
        }

        @Override
        public Statistic getStatistic() {
            return Statistics.of(table.rowCount(), ColumnDistincts.keys(table));
        }
    }
}
