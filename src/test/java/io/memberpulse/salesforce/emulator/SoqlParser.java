package io.memberpulse.salesforce.emulator;

import io.memberpulse.salesforce.emulator.SoqlLexer.Kind;
import io.memberpulse.salesforce.emulator.SoqlLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code SELECT f1, Rel.f2 FROM Obj [WHERE ...] [ORDER BY ...] [LIMIT n] [OFFSET n]} against an
 * org's schema, failing like Salesforce: MALFORMED_QUERY, INVALID_TYPE, INVALID_FIELD, with the
 * query echoed and a caret under the offending position.
 */
final class SoqlParser {

    private final String soql;
    private final OrgSchema schema;
    private final List<Token> tokens;
    private int pos;
    private SObjectType from;

    private SoqlParser(String soql, OrgSchema schema) {
        this.soql = soql;
        this.schema = schema;
        this.tokens = SoqlLexer.tokenize(soql);
    }

    static SoqlQuery parse(String soql, OrgSchema schema) {
        return new SoqlParser(soql, schema).query();
    }

    private SoqlQuery query() {
        expectWord("SELECT");
        List<Token> selected = new ArrayList<>();
        boolean count = false;
        if (peek().is("COUNT") && tokens.get(pos + 1).kind() == Kind.LPAREN) {
            pos += 2;
            expect(Kind.RPAREN);
            count = true;
        } else {
            selected.add(expect(Kind.WORD));
            while (peek().kind() == Kind.COMMA) {
                pos++;
                selected.add(expect(Kind.WORD));
            }
        }
        expectWord("FROM");
        Token object = expect(Kind.WORD);
        from = schema.find(object.text()).orElseThrow(() -> error("INVALID_TYPE", object.offset(),
                "sObject type '" + object.text() + "' is not supported. If you are attempting to use a custom object,"
                        + " be sure to append the '__c' after the entity name. Please reference your WSDL or the"
                        + " describe call for the appropriate names."));
        List<SoqlQuery.FieldPath> fields = new ArrayList<>();
        for (Token t : selected) {
            fields.add(resolve(t));
        }
        SoqlCondition where = null;
        if (peek().is("WHERE")) {
            pos++;
            where = orExpr();
        }
        List<SoqlQuery.Order> order = peek().is("ORDER") ? orderBy() : List.of();
        Integer limit = optionalInt("LIMIT");
        Integer offset = optionalInt("OFFSET");
        if (peek().kind() != Kind.END) {
            throw unexpected(peek());
        }
        return new SoqlQuery(from, fields, count, where, order, limit, offset);
    }

    private SoqlCondition orExpr() {
        SoqlCondition left = andExpr();
        while (peek().is("OR")) {
            pos++;
            left = SoqlCondition.or(left, andExpr());
        }
        return left;
    }

    private SoqlCondition andExpr() {
        SoqlCondition left = factor();
        while (peek().is("AND")) {
            pos++;
            left = SoqlCondition.and(left, factor());
        }
        return left;
    }

    private SoqlCondition factor() {
        if (peek().is("NOT")) {
            pos++;
            return SoqlCondition.not(factor());
        }
        if (peek().kind() == Kind.LPAREN) {
            pos++;
            SoqlCondition inner = orExpr();
            expect(Kind.RPAREN);
            return inner;
        }
        SoqlQuery.FieldPath path = resolve(expect(Kind.WORD));
        Token op = next();
        if (op.is("IN") || op.is("NOT") && peek().is("IN")) {
            boolean negate = op.is("NOT");
            if (negate) {
                pos++;
            }
            return SoqlCondition.in(path, literalList(path), negate);
        }
        if (op.is("INCLUDES") || op.is("EXCLUDES")) {
            return SoqlCondition.includes(path, literalList(path), op.is("EXCLUDES"));
        }
        if (op.is("LIKE")) {
            return SoqlCondition.like(path, expect(Kind.STRING).text());
        }
        if (op.kind() != Kind.OP) {
            throw unexpected(op);
        }
        return SoqlCondition.compare(path, op.text(), literal(path));
    }

    private List<Object> literalList(SoqlQuery.FieldPath path) {
        expect(Kind.LPAREN);
        List<Object> values = new ArrayList<>();
        values.add(literal(path));
        while (peek().kind() == Kind.COMMA) {
            pos++;
            values.add(literal(path));
        }
        expect(Kind.RPAREN);
        return values;
    }

    private Object literal(SoqlQuery.FieldPath path) {
        Token t = next();
        FieldType type = path.field().type();
        if (t.is("null")) {
            return null;
        }
        switch (type) {
            case DATETIME:
                return typed(t, Kind.DATETIME, path, "dateTime", () -> EmulatorClock.parse(t.text()));
            case DATE:
                return typed(t, Kind.DATE, path, "date", t::text);
            case DOUBLE:
            case INT:
            case CURRENCY:
                return typed(t, Kind.NUMBER, path, "number", () -> Double.valueOf(t.text()));
            case BOOLEAN:
                if (t.is("true") || t.is("false")) {
                    return Boolean.valueOf(t.text().toLowerCase());
                }
                throw badValue(t, path, "boolean");
            default:
                if (t.kind() != Kind.STRING) {
                    throw badValue(t, path, "string");
                }
                return t.text();
        }
    }

    private Object typed(Token t, Kind kind, SoqlQuery.FieldPath path, String typeName,
            java.util.function.Supplier<Object> value) {
        if (t.kind() != kind) {
            throw badValue(t, path, typeName);
        }
        return value.get();
    }

    private ApiException badValue(Token t, SoqlQuery.FieldPath path, String typeName) {
        String quotes = typeName.equals("string") ? " and should be enclosed in quotes"
                : " and should not be enclosed in quotes";
        return error("INVALID_FIELD", t.offset(), "value of filter criterion for field '" + path.field().name()
                + "' must be of type " + typeName + quotes);
    }

    private List<SoqlQuery.Order> orderBy() {
        pos++;
        expectWord("BY");
        List<SoqlQuery.Order> orders = new ArrayList<>();
        do {
            if (peek().kind() == Kind.COMMA) {
                pos++;
            }
            SoqlQuery.FieldPath path = resolve(expect(Kind.WORD));
            boolean desc = false;
            if (peek().is("ASC") || peek().is("DESC")) {
                desc = next().is("DESC");
            }
            boolean nullsLast = desc;
            if (peek().is("NULLS")) {
                pos++;
                nullsLast = next().is("LAST");
            }
            orders.add(new SoqlQuery.Order(path, desc, nullsLast));
        } while (peek().kind() == Kind.COMMA);
        return orders;
    }

    private Integer optionalInt(String keyword) {
        if (!peek().is(keyword)) {
            return null;
        }
        pos++;
        return Integer.valueOf(expect(Kind.NUMBER).text());
    }

    private SoqlQuery.FieldPath resolve(Token token) {
        return SoqlFields.resolve(schema, from, token.text(), message -> error("INVALID_FIELD", token.offset(), message));
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    private Token expect(Kind kind) {
        Token t = next();
        if (t.kind() != kind) {
            throw unexpected(t);
        }
        return t;
    }

    private void expectWord(String word) {
        Token t = next();
        if (!t.is(word)) {
            throw unexpected(t);
        }
    }

    private ApiException unexpected(Token t) {
        String text = t.kind() == Kind.END ? "<EOF>" : "'" + t.text() + "'";
        return error("MALFORMED_QUERY", t.offset(), "unexpected token: " + text);
    }

    private ApiException error(String code, int offset, String message) {
        return SoqlErrors.at(code, soql, offset, message);
    }

    static ApiException malformed(String soql, int offset, String message) {
        return SoqlErrors.at("MALFORMED_QUERY", soql, offset, message);
    }
}
