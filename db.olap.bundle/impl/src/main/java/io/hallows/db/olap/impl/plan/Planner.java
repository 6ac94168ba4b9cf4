package io.hallows.db.olap.impl.plan;

import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.sql.api.SqlException;
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
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * SQL to an optimized logical plan with Apache Calcite: Babel parser with PostgreSQL's settings
 * (as the OLTP engine), validation against the catalog, subqueries to correlates and then to
 * joins (decorrelation), then heuristic rewriting with {@link HepPlanner}s only (milliseconds,
 * no cost-based search): predicates pushed into joins and down to scans, unused columns trimmed,
 * DISTINCT aggregates expanded, and inner joins ordered greedily from row counts and distinct counts
 * ({@link JoinOrder}).
 */
public final class Planner {
    static final SqlParser.Config PARSER = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withCaseSensitive(false)
            .withConformance(SqlConformanceEnum.BABEL);

    private static final ProxyingMetadataHandlerProvider METADATA =
            new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE);

    private static final CalciteConnectionConfigImpl CONFIG;

    static {
        Properties p = new Properties();
        p.setProperty("caseSensitive", "false");
        CONFIG = new CalciteConnectionConfigImpl(p);
    }

    private final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(OlapTypeSystem.INSTANCE);

    /** A planned query: the optimized relational expression and the names of its columns. */
    public record Logical(RelNode rel, List<String> names, RexBuilder rexBuilder) {}

    public Logical plan(String sql, Catalog catalog) {
        SqlNode parsed = Errors.parse(sql);
        CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", new OlapSchema(catalog));
        CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(), typeFactory, CONFIG);
        SqlValidator validator = SqlValidatorUtil.newValidator(
                SqlOperatorTables.chain(Functions.TABLE, SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL), reader),
                reader, typeFactory,
                SqlValidator.Config.DEFAULT.withConformance(SqlConformanceEnum.BABEL)
                        .withIdentifierExpansion(true).withDefaultNullCollation(NullCollation.HIGH));
        VolcanoPlanner holder = new VolcanoPlanner();
        holder.addRelTraitDef(ConventionTraitDef.INSTANCE);
        RexBuilder rexBuilder = new RexBuilder(typeFactory);
        RelOptCluster cluster = RelOptCluster.create(holder, rexBuilder);
        // Metadata through proxies, not Janino-generated handlers: no code generation at run time.
        cluster.setMetadataProvider(DefaultRelMetadataProvider.INSTANCE);
        cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(METADATA));
        SqlNode validated;
        try {
            validated = validator.validate(parsed);
        } catch (RuntimeException e) {
            throw Errors.validation(e, sql);
        }
        try {
            SqlToRelConverter converter = new SqlToRelConverter((rowType, query, schemaPath, viewPath) -> {
                throw new SqlException("0A000", "views are not supported");
            }, validator, reader, cluster, StandardConvertletTable.INSTANCE,
                    SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
            RelRoot relRoot = converter.convertQuery(validated, false, true);
            List<String> names = relRoot.validatedRowType.getFieldNames();
            RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(cluster, reader);
            RelNode rel = relRoot.project();
            rel = hep(rel, false, CoreRules.FILTER_SUB_QUERY_TO_CORRELATE, CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
                    CoreRules.JOIN_SUB_QUERY_TO_CORRELATE);
            rel = RelDecorrelator.decorrelateQuery(rel, builder);
            rel = hep(rel, false, CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES_TO_JOIN);
            rel = pullFactors(rel, rexBuilder);
            rel = pushDown(rel);
            rel = new RelFieldTrimmer(null, builder).trim(rel);
            rel = orderJoins(rel, builder);
            rel = pushDown(rel);
            rel = new RelFieldTrimmer(null, builder).trim(rel);
            return new Logical(rel, names, rexBuilder);
        } catch (SqlException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            throw new SqlException("XX000", "planning failed: " + e, 0, null, null, e);
        }
    }

    /**
     * Conjuncts common to every branch of an OR are pulled out of it (TPC-H Q19 repeats its join
     * condition in each branch): then they can become join keys instead of a cross join's filter.
     */
    private static RelNode pullFactors(RelNode rel, RexBuilder rexBuilder) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode r = super.visit(other);
                if (r instanceof LogicalFilter f) {
                    return f.copy(f.getTraitSet(), f.getInput(), RexUtil.pullFactors(rexBuilder, f.getCondition()));
                }
                if (r instanceof LogicalJoin j) {
                    return j.copy(j.getTraitSet(), RexUtil.pullFactors(rexBuilder, j.getCondition()), j.getLeft(), j.getRight(),
                            j.getJoinType(), j.isSemiJoinDone());
                }
                return r;
            }
        });
    }

    private static RelNode pushDown(RelNode rel) {
        return hep(rel, false,
                CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH, CoreRules.JOIN_PUSH_TRANSITIVE_PREDICATES,
                CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.FILTER_AGGREGATE_TRANSPOSE, CoreRules.FILTER_MERGE,
                CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE, CoreRules.AGGREGATE_PROJECT_MERGE,
                CoreRules.JOIN_PUSH_EXPRESSIONS);
    }

    /** Inner joins into multi-joins, then {@link JoinOrder} orders each one. */
    private static RelNode orderJoins(RelNode rel, RelBuilder builder) {
        rel = hep(rel, true, CoreRules.JOIN_TO_MULTI_JOIN, CoreRules.PROJECT_MULTI_JOIN_MERGE, CoreRules.FILTER_MULTI_JOIN_MERGE);
        return new JoinOrder(builder, m -> hep(m, false, CoreRules.MULTI_JOIN_OPTIMIZE)).apply(rel);
    }

    private static RelNode hep(RelNode rel, boolean bottomUp, RelOptRule... rules) {
        HepProgramBuilder b = new HepProgramBuilder();
        if (bottomUp) {
            b.addMatchOrder(HepMatchOrder.BOTTOM_UP);
        }
        b.addRuleCollection(List.of(rules));
        HepPlanner hep = new HepPlanner(b.build());
        hep.setRoot(rel);
        return hep.findBestExp();
    }
}
