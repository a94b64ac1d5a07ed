package io.memberpulse.salesforce.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SOQL into tokens, remembering each token's offset for Salesforce-style error positions. */
final class SoqlLexer {

    enum Kind { WORD, STRING, NUMBER, DATETIME, DATE, OP, LPAREN, RPAREN, COMMA, COLON, END }

    record Token(Kind kind, String text, int offset) {
        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }
    }

    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?![\\w:])");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern OP = Pattern.compile("!=|<>|<=|>=|=|<|>");

    private SoqlLexer() {
    }

    static List<Token> tokenize(String soql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < soql.length()) {
            char c = soql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                i = string(soql, i, tokens);
            } else if (c == '(' || c == ')' || c == ',' || c == ':') {
                Kind kind = c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : c == ',' ? Kind.COMMA : Kind.COLON;
                tokens.add(new Token(kind, String.valueOf(c), i++));
            } else {
                i = match(soql, i, tokens);
            }
        }
        tokens.add(new Token(Kind.END, "<EOF>", soql.length()));
        return tokens;
    }

    private static int match(String soql, int i, List<Token> tokens) {
        for (Object[] candidate : new Object[][] {{DATETIME, Kind.DATETIME}, {DATE, Kind.DATE},
                {NUMBER, Kind.NUMBER}, {WORD, Kind.WORD}, {OP, Kind.OP}}) {
            Matcher m = ((Pattern) candidate[0]).matcher(soql).region(i, soql.length());
            if (m.lookingAt()) {
                tokens.add(new Token((Kind) candidate[1], m.group(), i));
                return m.end();
            }
        }
        throw SoqlParser.malformed(soql, i, "unexpected token: '" + soql.charAt(i) + "'");
    }

    private static int string(String soql, int start, List<Token> tokens) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < soql.length()) {
            char c = soql.charAt(i);
            if (c == '\\' && i + 1 < soql.length()) {
                value.append(soql.charAt(i + 1));
                i += 2;
            } else if (c == '\'') {
                tokens.add(new Token(Kind.STRING, value.toString(), start));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw SoqlParser.malformed(soql, start, "unexpected token: <EOF>");
    }
}
