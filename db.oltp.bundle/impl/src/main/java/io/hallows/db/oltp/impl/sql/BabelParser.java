package io.hallows.db.oltp.impl.sql;

import java.io.Reader;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.babel.ParseException;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.util.SourceStringReader;

/**
 * Calcite's Babel parser, except for one thing: a syntax error does not list every token that
 * could have come next. Computing that list re-scans every lookahead of the grammar and cost
 * about 4 ms per bad statement (a client sending garbage could keep the partition busy); the
 * error keeps the token it met and its position, which is what PostgreSQL reports.
 */
final class BabelParser extends SqlBabelParserImpl {
    static final SqlParserImplFactory FACTORY = new SqlParserImplFactory() {
        @Override
        public SqlAbstractParserImpl getParser(Reader reader) {
            BabelParser p = new BabelParser(reader);
            if (reader instanceof SourceStringReader s) {
                p.setOriginalSql(s.getSourceString());
            }
            return p;
        }
    };

    private BabelParser(Reader reader) {
        super(reader);
    }

    @Override
    public ParseException generateParseException() {
        if (token == null || token.next == null) {
            return super.generateParseException();
        }
        return new ParseException(token, new int[][] {{0}}, tokenImage);
    }
}
