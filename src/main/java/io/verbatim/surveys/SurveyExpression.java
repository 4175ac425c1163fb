package io.verbatim.surveys;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The part of SurveyJS's expression language that skip logic uses ({@code visibleIf}, {@code requiredIf}):
 * {@code {question}} compared with {@code = != <> > < >= <=}, {@code empty}, {@code notempty}, {@code contains},
 * combined with {@code and}, {@code or}, {@code not} and parentheses. Parsed once when a definition is saved, so a
 * survey with an expression this cannot read is refused then, not skipped silently later.
 */
final class SurveyExpression {

    private final List<String> tokens;
    private int pos;
    private JsonNode answers;

    private SurveyExpression(List<String> tokens) {
        this.tokens = tokens;
    }

    /** Throws {@link IllegalArgumentException} with the reason when {@code text} is not a supported expression. */
    static void check(String text) {
        SurveyExpression e = new SurveyExpression(tokenize(text));
        e.answers = null;
        e.or();
        if (e.pos != e.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + e.tokens.get(e.pos) + "'");
        }
    }

    static boolean evaluate(String text, JsonNode answers) {
        SurveyExpression e = new SurveyExpression(tokenize(text));
        e.answers = answers;
        return truthy(e.or());
    }

    private Object or() {
        Object left = and();
        while (accept("or")) {
            Object right = and();
            left = truthy(left) || truthy(right);
        }
        return left;
    }

    private Object and() {
        Object left = unary();
        while (accept("and")) {
            Object right = unary();
            left = truthy(left) && truthy(right);
        }
        return left;
    }

    private Object unary() {
        if (accept("not") || accept("!")) {
            return !truthy(unary());
        }
        return comparison();
    }

    private Object comparison() {
        Object left = operand();
        if (accept("notempty")) {
            return !isEmpty(left);
        }
        if (accept("empty")) {
            return isEmpty(left);
        }
        for (String op : List.of("==", "=", "!=", "<>", ">=", "<=", ">", "<", "contains", "notcontains")) {
            if (accept(op)) {
                return compare(op, left, operand());
            }
        }
        return left;
    }

    private Object operand() {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("the expression ends too early");
        }
        String t = tokens.get(pos++);
        if (t.equals("(")) {
            Object inner = or();
            if (!accept(")")) {
                throw new IllegalArgumentException("a ')' is missing");
            }
            return inner;
        }
        if (t.startsWith("{")) {
            if (answers == null) {
                return null;
            }
            JsonNode v = answers.get(t.substring(1, t.length() - 1).strip());
            return v == null || v.isNull() ? null : v.isNumber() ? (Object) v.asDouble() : v.isBoolean() ? (Object) v.asBoolean()
                    : v.isArray() ? v : v.asString("");
        }
        if (t.startsWith("'") || t.startsWith("\"")) {
            return t.substring(1, t.length() - 1);
        }
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read '" + t + "' (quote text values)");
        }
    }

    private boolean accept(String token) {
        if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(token)) {
            pos++;
            return true;
        }
        return false;
    }

    private static Object compare(String op, Object left, Object right) {
        if (op.equals("contains") || op.equals("notcontains")) {
            boolean has = false;
            if (left instanceof JsonNode array) {
                for (JsonNode v : array) {
                    has |= v.asString("").equals(text(right));
                }
            } else {
                has = left != null && String.valueOf(left).contains(text(right));
            }
            return op.equals("contains") == has;
        }
        if (op.equals("=") || op.equals("==") || op.equals("!=") || op.equals("<>")) {
            boolean equal = left != null && right != null && (numeric(left) && numeric(right)
                    ? number(left) == number(right) : text(left).equals(text(right)));
            return (op.equals("=") || op.equals("==")) == equal;
        }
        if (!numeric(left) || !numeric(right)) {
            return false;
        }
        double a = number(left);
        double b = number(right);
        return switch (op) {
            case ">" -> a > b;
            case "<" -> a < b;
            case ">=" -> a >= b;
            default -> a <= b;
        };
    }

    private static boolean numeric(Object v) {
        if (v instanceof Double) {
            return true;
        }
        if (v instanceof String s) {
            try {
                Double.parseDouble(s);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static double number(Object v) {
        return v instanceof Double d ? d : Double.parseDouble((String) v);
    }

    private static String text(Object v) {
        return v instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(v);
    }

    private static boolean isEmpty(Object v) {
        return v == null || (v instanceof String s && s.isEmpty()) || (v instanceof JsonNode n && n.isEmpty());
    }

    private static boolean truthy(Object v) {
        return v instanceof Boolean b ? b : !isEmpty(v);
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        String s = text == null ? "" : text;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '{' || c == '\'' || c == '"') {
                char close = c == '{' ? '}' : c;
                int end = s.indexOf(close, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed " + c);
                }
                out.add(s.substring(i, end + 1));
                i = end + 1;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else if ("=!<>".indexOf(c) >= 0) {
                int end = i + 1;
                if (end < s.length() && "=>".indexOf(s.charAt(end)) >= 0) {
                    end++;
                }
                out.add(s.substring(i, end));
                i = end;
            } else {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && "(){}'\"=!<>".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                if (end == i) {
                    throw new IllegalArgumentException("unexpected '" + c + "'");
                }
                out.add(s.substring(i, end));
                i = end;
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the expression is empty");
        }
        return out;
    }
}
