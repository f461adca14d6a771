package cn.faultaccountability.decisions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The set of input values an input entry (FEEL unary tests) accepts, for the entry forms the tables use: {@code -},
 * string literals and lists of them, booleans, numbers, comparisons ({@code < 70}, {@code >= 2}), ranges
 * ({@code [70..85[}), {@code null}, and {@code not(…)} of these. Anything else is {@link Kind#UNKNOWN}: the static
 * overlap check then cannot decide, and only the cases can show an overlap.
 *
 * <p>Null: a literal, comparison or range does not accept null; {@code -} does; {@code not(x)} accepts null unless
 * {@code x} does (that is how FEEL-Scala in Camunda 7.24 evaluates {@code not("FAIL")} for a null input).
 */
final class EntrySet {

  enum Kind { ANY, UNKNOWN, STRING, BOOLEAN, NUMBER }

  /** The kind of values a column holds, from its contract type or typeRef. */
  enum Domain { STRING, BOOLEAN, INTEGER, NUMBER, OTHER }

  /** An interval with null bounds for infinity. */
  record Interval(BigDecimal low, boolean lowClosed, BigDecimal high, boolean highClosed) {
    boolean isEmpty() {
      if (low == null || high == null) {
        return false;
      }
      int c = low.compareTo(high);
      return c > 0 || (c == 0 && !(lowClosed && highClosed));
    }

    Interval intersect(Interval o) {
      BigDecimal lo;
      boolean loC;
      if (low == null) {
        lo = o.low;
        loC = o.lowClosed;
      } else if (o.low == null) {
        lo = low;
        loC = lowClosed;
      } else {
        int c = low.compareTo(o.low);
        lo = c >= 0 ? low : o.low;
        loC = c > 0 ? lowClosed : c < 0 ? o.lowClosed : lowClosed && o.lowClosed;
      }
      BigDecimal hi;
      boolean hiC;
      if (high == null) {
        hi = o.high;
        hiC = o.highClosed;
      } else if (o.high == null) {
        hi = high;
        hiC = highClosed;
      } else {
        int c = high.compareTo(o.high);
        hi = c <= 0 ? high : o.high;
        hiC = c < 0 ? highClosed : c > 0 ? o.highClosed : highClosed && o.highClosed;
      }
      return new Interval(lo, loC, hi, hiC);
    }

    /** Over the integers: closed integer bounds (or empty). */
    Interval toIntegers() {
      BigDecimal lo = low == null ? null
          : lowClosed ? low.setScale(0, RoundingMode.CEILING) : low.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
      BigDecimal hi = high == null ? null
          : highClosed ? high.setScale(0, RoundingMode.FLOOR) : high.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
      return new Interval(lo, lo != null, hi, hi != null);
    }
  }

  final Kind kind;
  final boolean nullIncluded;
  final Set<String> strings;
  final boolean complement;
  final Set<Boolean> booleans;
  final List<Interval> intervals;

  private EntrySet(Kind kind, boolean nullIncluded, Set<String> strings, boolean complement, Set<Boolean> booleans,
      List<Interval> intervals) {
    this.kind = kind;
    this.nullIncluded = nullIncluded;
    this.strings = strings;
    this.complement = complement;
    this.booleans = booleans;
    this.intervals = intervals;
  }

  static final EntrySet ANY = new EntrySet(Kind.ANY, true, Set.of(), false, Set.of(), List.of());
  static final EntrySet UNKNOWN = new EntrySet(Kind.UNKNOWN, false, Set.of(), false, Set.of(), List.of());

  private static final Pattern STRING_LITERAL = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"$");
  private static final Pattern NUMBER = Pattern.compile("^-?\\d+(?:\\.\\d+)?$");
  private static final Pattern COMPARISON = Pattern.compile("^(<=|>=|<|>|=)\\s*(-?\\d+(?:\\.\\d+)?)$");
  private static final Pattern RANGE =
      Pattern.compile("^([\\[\\](])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*([\\[\\])])$");

  /** Parses an input entry for a column of the given domain. */
  static EntrySet parse(String text, Domain domain) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty() || t.equals("-")) {
      return ANY;
    }
    if (t.startsWith("not(") && t.endsWith(")") && closingParen(t, 3) == t.length() - 1) {
      EntrySet inner = parse(t.substring(4, t.length() - 1), domain);
      return inner.kind == Kind.ANY ? UNKNOWN : inner.negate(domain);
    }
    List<String> items = splitTopLevel(t);
    boolean nullIncluded = false;
    Set<String> strings = new LinkedHashSet<>();
    Set<Boolean> booleans = new LinkedHashSet<>();
    List<Interval> intervals = new ArrayList<>();
    for (String raw : items) {
      String item = raw.trim();
      if (item.equals("null")) {
        nullIncluded = true;
        continue;
      }
      switch (domain) {
        case STRING -> {
          Matcher m = STRING_LITERAL.matcher(item);
          if (!m.matches()) {
            return UNKNOWN;
          }
          strings.add(m.group(1));
        }
        case BOOLEAN -> {
          if (!item.equals("true") && !item.equals("false")) {
            return UNKNOWN;
          }
          booleans.add(Boolean.valueOf(item));
        }
        case INTEGER, NUMBER -> {
          Interval interval = interval(item);
          if (interval == null) {
            return UNKNOWN;
          }
          intervals.add(domain == Domain.INTEGER ? interval.toIntegers() : interval);
        }
        default -> {
          return UNKNOWN;
        }
      }
    }
    Kind kind = switch (domain) {
      case STRING -> Kind.STRING;
      case BOOLEAN -> Kind.BOOLEAN;
      case INTEGER, NUMBER -> Kind.NUMBER;
      default -> Kind.UNKNOWN;
    };
    return new EntrySet(kind, nullIncluded, strings, false, booleans,
        intervals.stream().filter(i -> !i.isEmpty()).toList());
  }

  private static Interval interval(String item) {
    if (NUMBER.matcher(item).matches()) {
      BigDecimal n = new BigDecimal(item);
      return new Interval(n, true, n, true);
    }
    Matcher c = COMPARISON.matcher(item);
    if (c.matches()) {
      BigDecimal n = new BigDecimal(c.group(2));
      return switch (c.group(1)) {
        case "<" -> new Interval(null, false, n, false);
        case "<=" -> new Interval(null, false, n, true);
        case ">" -> new Interval(n, false, null, false);
        case ">=" -> new Interval(n, true, null, false);
        default -> new Interval(n, true, n, true);
      };
    }
    Matcher r = RANGE.matcher(item);
    if (r.matches()) {
      return new Interval(new BigDecimal(r.group(2)), r.group(1).equals("["), new BigDecimal(r.group(3)),
          r.group(4).equals("]"));
    }
    return null;
  }

  private EntrySet negate(Domain domain) {
    return switch (kind) {
      case STRING -> new EntrySet(kind, !nullIncluded, strings, !complement, booleans, intervals);
      case BOOLEAN -> {
        Set<Boolean> rest = new LinkedHashSet<>(List.of(true, false));
        rest.removeAll(booleans);
        yield new EntrySet(kind, !nullIncluded, strings, false, rest, intervals);
      }
      case NUMBER -> new EntrySet(kind, !nullIncluded, strings, false, booleans,
          complementOf(intervals, domain == Domain.INTEGER));
      default -> UNKNOWN;
    };
  }

  /** The gaps between the intervals: where a number is accepted by none of them. */
  private static List<Interval> complementOf(List<Interval> intervals, boolean integers) {
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparing(Interval::low, Comparator.nullsFirst(Comparator.naturalOrder())));
    List<Interval> gaps = new ArrayList<>();
    // the next gap starts at the cursor (minus infinity before the first interval), including it when cursorClosed
    BigDecimal cursor = null;
    boolean cursorClosed = false;
    boolean fromMinusInfinity = true;
    for (Interval i : sorted) {
      if (i.low != null) {
        gaps.add(new Interval(fromMinusInfinity ? null : cursor, !fromMinusInfinity && cursorClosed, i.low, !i.lowClosed));
      }
      if (i.high == null) {
        return gaps.stream().map(g -> integers ? g.toIntegers() : g).filter(g -> !g.isEmpty()).toList();
      }
      if (fromMinusInfinity || i.high.compareTo(cursor) > 0 || i.high.compareTo(cursor) == 0 && i.highClosed) {
        cursor = i.high;
        cursorClosed = !i.highClosed;
        fromMinusInfinity = false;
      }
    }
    gaps.add(new Interval(fromMinusInfinity ? null : cursor, !fromMinusInfinity && cursorClosed, null, false));
    return gaps.stream().map(g -> integers ? g.toIntegers() : g).filter(g -> !g.isEmpty()).toList();
  }

  /** Whether some input value is accepted by both: TRUE / FALSE, or null when it cannot be decided. */
  static Boolean intersects(EntrySet a, EntrySet b) {
    if (a.kind == Kind.UNKNOWN || b.kind == Kind.UNKNOWN) {
      return null;
    }
    if (a.kind == Kind.ANY) {
      return !b.isEmpty();
    }
    if (b.kind == Kind.ANY) {
      return !a.isEmpty();
    }
    if (a.kind != b.kind) {
      return null;
    }
    if (a.nullIncluded && b.nullIncluded) {
      return true;
    }
    return switch (a.kind) {
      case STRING -> {
        if (!a.complement && !b.complement) {
          yield a.strings.stream().anyMatch(b.strings::contains);
        }
        if (a.complement && b.complement) {
          yield true; // infinitely many strings outside both exclusions
        }
        EntrySet positive = a.complement ? b : a;
        EntrySet excluded = a.complement ? a : b;
        yield positive.strings.stream().anyMatch(s -> !excluded.strings.contains(s));
      }
      case BOOLEAN -> a.booleans.stream().anyMatch(b.booleans::contains);
      case NUMBER -> a.intervals.stream().anyMatch(x -> b.intervals.stream().anyMatch(y -> !x.intersect(y).isEmpty()));
      default -> null;
    };
  }

  private boolean isEmpty() {
    return switch (kind) {
      case STRING -> !nullIncluded && !complement && strings.isEmpty();
      case BOOLEAN -> !nullIncluded && booleans.isEmpty();
      case NUMBER -> !nullIncluded && intervals.isEmpty();
      default -> false;
    };
  }

  /** The string literals of an entry, wherever they are (also inside {@code list contains(?, "…")}). */
  static List<String> stringLiterals(String text) {
    List<String> literals = new ArrayList<>();
    if (text == null) {
      return literals;
    }
    Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
    while (m.find()) {
      literals.add(m.group(1));
    }
    return literals;
  }

  /** Splits at commas that are outside quotes and parentheses. */
  static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++; // brackets are not counted: a range such as [70..85[ opens two and closes none
      } else if (!quoted && ch == ')') {
        depth--;
      } else if (!quoted && depth == 0 && ch == ',') {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static int closingParen(String text, int open) {
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"' && text.charAt(i - 1) != '\\') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
