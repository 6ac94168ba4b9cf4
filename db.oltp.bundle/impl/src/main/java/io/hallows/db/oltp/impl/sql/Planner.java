package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.ColumnDef;
import io.hallows.db.oltp.impl.store.Store;
import io.hallows.db.oltp.impl.store.Table;
import io.hallows.sql.api.Column;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Parses (Calcite's Babel parser, PostgreSQL-like settings), validates against the store's
 * catalog, converts to relational algebra and compiles to a {@link Plan}. Thread-safe: every
 * planning has its own validator and cluster.
 */
final class Planner {
    static final SqlParser.Config PARSER = SqlParser.config()
            .withParserFactory(BabelParser.FACTORY)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withCaseSensitive(false)
            .withConformance(SqlConformanceEnum.BABEL);

    private static final ProxyingMetadataHandlerProvider METADATA =
            new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE);

    private static final SqlOperatorTable OPERATORS = SqlOperatorTables.chain(SqlFunctions.table(),
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL));

    private final CalciteSchema root;
    private final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(Types.SYSTEM);
    private final CalciteConnectionConfigImpl config;
    private final String database;

    Planner(Store store, SystemTables system, String database) {
        this.database = database;
        this.root = CalciteSchema.createRootSchema(false, false, "", CalciteCatalog.root(store, system));
        Properties p = new Properties();
        p.setProperty("caseSensitive", "false");
        this.config = new CalciteConnectionConfigImpl(p);
    }

    /**
     * Plans one statement whose parameters are {@code ?}s (already rewritten from {@code $n}).
     * {@code returning} is the text of a RETURNING list cut from a DML statement, or null.
     */
    Plan plan(String sql, String returning, boolean locking) {
        SqlNode parsed;
        try {
            parsed = SqlParser.create(sql, PARSER).parseStmt();
        } catch (Exception e) {
            throw Errors.map(e, sql, 0);
        }
        Context c = new Context();
        try {
            SqlNode validated = c.validator.validate(parsed);
            List<SqlType> paramTypes = new ArrayList<>();
            for (var f : c.validator.getParameterRowType(validated).getFieldList()) {
                paramTypes.add(Types.api(f.getType()));
            }
            RelRoot relRoot = c.converter.convertQuery(validated, false, true);
            // Correlated subqueries (EXISTS, scalar subqueries that name the outer row) become joins.
            RelNode rel = RelDecorrelator.decorrelateQuery(relRoot.project(),
                    RelFactories.LOGICAL_BUILDER.create(c.cluster, c.catalog));
            if (rel instanceof TableModify m) {
                return modify(m, returning, paramTypes);
            }
            if (returning != null) {
                throw new SqlException("42601", "RETURNING is only allowed in INSERT, UPDATE and DELETE");
            }
            List<Column> columns = new ArrayList<>();
            RelDataType rowType = relRoot.validatedRowType;
            for (var f : rowType.getFieldList()) {
                columns.add(Types.column(ColumnNames.of(validated, f.getIndex(), f.getName()), f.getType()));
            }
            if (locking) {
                return locking(c.compiler, rel, columns, paramTypes);
            }
            return new Plan.Query(c.compiler.compile(rel), columns, paramTypes);
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            throw Errors.planning(e, sql);
        }
    }

    private final class Context {
        final CalciteCatalogReader catalog = new CalciteCatalogReader(root, List.of(), typeFactory, config);
        final SqlValidator validator = SqlValidatorUtil.newValidator(
                SqlOperatorTables.chain(OPERATORS, catalog),
                catalog, typeFactory,
                SqlValidator.Config.DEFAULT.withConformance(SqlConformanceEnum.BABEL)
                        .withIdentifierExpansion(true).withDefaultNullCollation(NullCollation.HIGH));
        final SqlToRelConverter converter;
        final RelCompiler compiler;
        final RelOptCluster cluster;

        Context() {
            VolcanoPlanner planner = new VolcanoPlanner();
            planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
            RexBuilder rexBuilder = new RexBuilder(typeFactory);
            cluster = RelOptCluster.create(planner, rexBuilder);
            // Metadata through proxies, not Janino-generated handlers: no code generation, no class loading.
            cluster.setMetadataProvider(DefaultRelMetadataProvider.INSTANCE);
            cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(METADATA));
            converter = new SqlToRelConverter((rowType, query, schemaPath, viewPath) -> {
                throw new SqlException("0A000", "views are not supported");
            }, validator, catalog, cluster, StandardConvertletTable.INSTANCE,
                    SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(true));
            compiler = new RelCompiler(new RexCompiler(rexBuilder, database));
        }
    }

    private Plan modify(TableModify m, String returning, List<SqlType> paramTypes) {
        CalciteCatalog.StoreTable st = m.getTable().unwrap(CalciteCatalog.StoreTable.class);
        if (st == null) {
            throw new SqlException("42809", "cannot change system table " + m.getTable().getQualifiedName());
        }
        Table table = st.table();
        Plan.Returning ret = returning == null ? null : returning(table, returning);
        RelCompiler compiler = new Context().compiler;
        switch (m.getOperation()) {
            case INSERT:
                return new Plan.Insert(table, compiler.compile(m.getInput()), ret, paramTypes);
            case UPDATE:
            case DELETE: {
                RelNode in = m.getInput();
                List<RexNode> projects = null;
                if (in instanceof LogicalProject p) {
                    projects = p.getProjects();
                    in = p.getInput();
                }
                RexNode condition = null;
                if (in instanceof LogicalFilter f) {
                    condition = f.getCondition();
                    in = f.getInput();
                }
                if (!(in instanceof TableScan)) {
                    throw new SqlException("0A000", m.getOperation() + " with this shape (" + in.getRelTypeName() + ") is not supported");
                }
                Expr filter = condition == null ? null : compiler.rex.compile(condition);
                Ops.Access access = compiler.access(table, condition);
                if (m.getOperation() == TableModify.Operation.DELETE) {
                    return new Plan.Modify(table, access, filter, null, null, ret, paramTypes);
                }
                List<String> names = m.getUpdateColumnList();
                int[] targets = new int[names.size()];
                List<ColumnDef> cols = table.def().columns();
                for (int i = 0; i < targets.length; i++) {
                    String name = names.get(i);
                    targets[i] = indexOf(cols, name);
                }
                int base = cols.size();
                List<Expr> sources = new ArrayList<>();
                for (int i = 0; i < targets.length; i++) {
                    RexNode src = projects != null && projects.size() == base + targets.length
                            ? projects.get(base + i) : m.getSourceExpressionList().get(i);
                    sources.add(compiler.rex.compile(src));
                }
                return new Plan.Modify(table, access, filter, targets, sources, ret, paramTypes);
            }
            default:
                throw new SqlException("0A000", m.getOperation() + " is not supported");
        }
    }

    /**
     * SELECT … FOR UPDATE on one table: every matching row is written unchanged through {@code
     * Txn.update}, which takes its write lock (a concurrent writer waits, or gets 40001 at the
     * higher levels), and the locked version is returned.
     */
    private Plan locking(RelCompiler compiler, RelNode rel, List<Column> columns, List<SqlType> paramTypes) {
        List<RexNode> projects = null;
        RelNode in = rel;
        if (in instanceof LogicalProject p) {
            projects = p.getProjects();
            in = p.getInput();
        }
        RexNode condition = null;
        if (in instanceof LogicalFilter f) {
            condition = f.getCondition();
            in = f.getInput();
        }
        if (!(in instanceof TableScan scan) || scan.getTable().unwrap(CalciteCatalog.StoreTable.class) == null) {
            throw new SqlException("0A000", "FOR UPDATE/SHARE is supported on queries of one table without ORDER BY, LIMIT or GROUP BY");
        }
        Table table = RelCompiler.storeTable(scan);
        Expr filter = condition == null ? null : compiler.rex.compile(condition);
        List<Expr> exprs = projects == null ? null : compiler.rex.compile(projects);
        return new Plan.Locking(table, compiler.access(table, condition), filter, exprs, columns, paramTypes);
    }

    private static int indexOf(List<ColumnDef> cols, String name) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new SqlException("42703", "column \"" + name + "\" does not exist");
    }

    /** A RETURNING list, validated as {@code SELECT list FROM table}: its expressions then read the written row. */
    private Plan.Returning returning(Table table, String list) {
        String sql = "SELECT " + list + " FROM \"" + table.def().name().replace("\"", "\"\"") + "\"";
        Plan p = plan(sql, null, false);
        Context c = new Context();
        SqlNode validated = c.validator.validate(parse(sql));
        RelNode rel = c.converter.convertQuery(validated, false, true).project();
        if (!(rel instanceof LogicalProject proj && proj.getInput() instanceof TableScan)) {
            if (rel instanceof TableScan) {
                List<Expr> all = new ArrayList<>();
                for (int i = 0; i < table.def().columns().size(); i++) {
                    int k = i;
                    all.add((row, ex) -> row[k]);
                }
                return new Plan.Returning(all, p.columns);
            }
            throw new SqlException("0A000", "RETURNING with this expression is not supported");
        }
        return new Plan.Returning(c.compiler.rex.compile(proj.getProjects()), p.columns);
    }

    private static SqlNode parse(String sql) {
        try {
            return SqlParser.create(sql, PARSER).parseStmt();
        } catch (Exception e) {
            throw Errors.map(e, sql, 0);
        }
    }
}
