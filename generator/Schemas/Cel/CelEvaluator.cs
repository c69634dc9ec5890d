using System.Globalization;
using System.Text;
using Generator.Json;

namespace Generator.Schemas.Cel;

/// <summary>A CEL map value; keys compare with CEL equality (so <c>1</c>, <c>1u</c> and <c>1.0</c> are one key).</summary>
internal sealed class CelMap
{
    public CelMap(Dictionary<object, object> entries) => Entries = entries;

    public Dictionary<object, object> Entries { get; }

    public static Dictionary<object, object> NewDictionary() => new(CelKeyComparer.Instance);

    private sealed class CelKeyComparer : IEqualityComparer<object>
    {
        public static readonly CelKeyComparer Instance = new();

        public new bool Equals(object? x, object? y) => x is not null && y is not null && CelEvaluator.ValueEquals(x, y);

        public int GetHashCode(object obj) => obj switch
        {
            long l => ((double)l).GetHashCode(),
            ulong u => ((double)u).GetHashCode(),
            double d => d.GetHashCode(),
            _ => obj.GetHashCode(),
        };
    }
}

/// <summary>
/// Evaluates <see cref="CelExpr"/> trees over plain values: <c>null</c> is <see cref="CelNull"/>, then bool, long, ulong,
/// double, string, byte[], <c>List&lt;object&gt;</c> and <see cref="CelMap"/>. Runtime errors are <see cref="CelError"/> values
/// (absorbed by <c>||</c>, <c>&amp;&amp;</c> and the <c>all</c>/<c>exists</c> macros as in CEL); anything outside the
/// subset throws <see cref="CelUnsupportedException"/>. Evaluation steps are bounded (a cost limit in spirit).
/// </summary>
internal sealed class CelEvaluator
{
    private const long MaxSteps = 1_000_000;
    private const int MaxDepth = 250;

    private readonly Dictionary<string, object> _variables = new(StringComparer.Ordinal);
    private long _steps;
    private int _depth;

    private CelEvaluator(object self) => _variables["self"] = self;

    public static object Evaluate(CelExpr expr, object self) => new CelEvaluator(self).Eval(expr);

    private object Eval(CelExpr expr)
    {
        if (++_steps > MaxSteps)
        {
            throw new CelUnsupportedException("evaluation exceeded the step budget");
        }

        if (++_depth > MaxDepth)
        {
            throw new CelUnsupportedException("expression nested too deeply");
        }

        try
        {
            return EvalNode(expr);
        }
        finally
        {
            _depth--;
        }
    }

    private object EvalNode(CelExpr expr)
    {
        switch (expr)
        {
            case CelLiteral literal:
                return literal.Value;
            case CelIdent ident:
                if (_variables.TryGetValue(ident.Name, out var bound))
                {
                    return bound;
                }

                throw new CelUnsupportedException(ident.Name == "oldSelf"
                    ? "oldSelf (a transition rule, checked only on update)"
                    : $"identifier '{ident.Name}'");
            case CelSelect select:
                return Select(Eval(select.Operand), select.Field, select.TestOnly);
            case CelIndex index:
                return Index(Eval(index.Operand), Eval(index.Index));
            case CelUnary unary:
                return Unary(unary.Op, Eval(unary.Operand));
            case CelBinary { Op: "&&" } and:
                return Logical(Eval(and.Left), () => Eval(and.Right), shortCircuit: false);
            case CelBinary { Op: "||" } or:
                return Logical(Eval(or.Left), () => Eval(or.Right), shortCircuit: true);
            case CelBinary binary:
                return Binary(binary.Op, Eval(binary.Left), Eval(binary.Right));
            case CelConditional conditional:
                return Eval(conditional.Condition) switch
                {
                    CelError error => error,
                    bool b => Eval(b ? conditional.Then : conditional.Else),
                    var other => NoOverload("_?_:_", other),
                };
            case CelList list:
                var items = new List<object>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    var value = Eval(item);
                    if (value is CelError)
                    {
                        return value;
                    }

                    items.Add(value);
                }

                return items;
            case CelMapLiteral map:
                var entries = CelMap.NewDictionary();
                foreach (var (keyExpr, valueExpr) in map.Entries)
                {
                    var key = Eval(keyExpr);
                    var value = Eval(valueExpr);
                    if (key is CelError)
                    {
                        return key;
                    }

                    if (value is CelError)
                    {
                        return value;
                    }

                    entries[key] = value;
                }

                return new CelMap(entries);
            case CelComprehension comprehension:
                return Comprehension(comprehension);
            case CelCall call:
                return Call(call);
            default:
                throw new CelUnsupportedException(expr.GetType().Name);
        }
    }

    /// <summary>CEL's commutative logic: a decided side wins over an error on the other side.</summary>
    private static object Logical(object left, Func<object> right, bool shortCircuit)
    {
        if (left is bool l && l == shortCircuit)
        {
            return shortCircuit;
        }

        var r = right();
        if (r is bool rb && rb == shortCircuit)
        {
            return shortCircuit;
        }

        if (left is CelError)
        {
            return left;
        }

        if (r is CelError)
        {
            return r;
        }

        return left is bool && r is bool ? !shortCircuit : NoOverload(shortCircuit ? "_||_" : "_&&_", left is bool ? r : left);
    }

    private static object Select(object operand, string field, bool testOnly) => operand switch
    {
        CelError error => error,
        CelMap map => map.Entries.TryGetValue(field, out var value) ? (testOnly ? true : value) : (testOnly ? false : new CelError($"no such key: {field}")),
        _ => new CelError($"type '{TypeName(operand)}' does not support field selection"),
    };

    private static object Index(object operand, object index)
    {
        if (operand is CelError)
        {
            return operand;
        }

        if (index is CelError)
        {
            return index;
        }

        switch (operand)
        {
            case List<object> list:
                if (!TryInteger(index, out var i))
                {
                    return NoOverload("_[_]", index);
                }

                return i >= 0 && i < list.Count ? list[(int)i] : new CelError($"index out of bounds: {i}");
            case CelMap map:
                return map.Entries.TryGetValue(index, out var value) ? value : new CelError($"no such key: {Show(index)}");
            default:
                return NoOverload("_[_]", operand);
        }
    }

    private static bool TryInteger(object value, out long result)
    {
        switch (value)
        {
            case long l:
                result = l;
                return true;
            case ulong u when u <= long.MaxValue:
                result = (long)u;
                return true;
            case double d when Math.Floor(d) == d && Math.Abs(d) < 9e15:
                result = (long)d;
                return true;
            default:
                result = 0;
                return false;
        }
    }

    private static object Unary(string op, object value) => (op, value) switch
    {
        (_, CelError error) => error,
        ("!", bool b) => !b,
        ("-", long l) => l == long.MinValue ? new CelError("integer overflow") : -l,
        ("-", double d) => -d,
        _ => NoOverload(op + "_", value),
    };

    private static object Binary(string op, object left, object right)
    {
        if (left is CelError)
        {
            return left;
        }

        if (right is CelError)
        {
            return right;
        }

        switch (op)
        {
            case "==":
                return ValueEquals(left, right);
            case "!=":
                return !ValueEquals(left, right);
            case "<" or "<=" or ">" or ">=":
                var order = Compare(left, right);
                if (order is null)
                {
                    return NoOverload("_" + op + "_", left, right);
                }

                return op switch
                {
                    "<" => order < 0,
                    "<=" => order <= 0,
                    ">" => order > 0,
                    _ => order >= 0,
                };
            case "in":
                return right switch
                {
                    List<object> list => list.Any(item => ValueEquals(left, item)),
                    CelMap map => map.Entries.ContainsKey(left),
                    _ => NoOverload("@in", left, right),
                };
            default:
                return Arithmetic(op, left, right);
        }
    }

    private static object Arithmetic(string op, object left, object right)
    {
        try
        {
            return (op, left, right) switch
            {
                ("+", long a, long b) => checked(a + b),
                ("-", long a, long b) => checked(a - b),
                ("*", long a, long b) => checked(a * b),
                ("/", long, 0L) or ("%", long, 0L) => new CelError("division by zero"),
                ("/", long a, long b) => checked(a / b),
                ("%", long a, long b) => a % b,
                ("+", ulong a, ulong b) => checked(a + b),
                ("-", ulong a, ulong b) => checked(a - b),
                ("*", ulong a, ulong b) => checked(a * b),
                ("/", ulong, 0UL) or ("%", ulong, 0UL) => new CelError("division by zero"),
                ("/", ulong a, ulong b) => a / b,
                ("%", ulong a, ulong b) => a % b,
                ("+", double a, double b) => a + b,
                ("-", double a, double b) => a - b,
                ("*", double a, double b) => a * b,
                ("/", double a, double b) => a / b,
                ("+", string a, string b) => a + b,
                ("+", List<object> a, List<object> b) => a.Concat(b).ToList(),
                ("+", byte[] a, byte[] b) => a.Concat(b).ToArray(),
                _ => NoOverload("_" + op + "_", left, right),
            };
        }
        catch (OverflowException)
        {
            return new CelError("integer overflow");
        }
    }

    internal static bool ValueEquals(object left, object right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return CompareNumbers(left, right) == 0;
        }

        return (left, right) switch
        {
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (bool a, bool b) => a == b,
            (CelNull, CelNull) => true,
            (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
            (List<object> a, List<object> b) => a.Count == b.Count && a.Zip(b).All(p => ValueEquals(p.First, p.Second)),
            (CelMap a, CelMap b) => a.Entries.Count == b.Entries.Count
                && a.Entries.All(e => b.Entries.TryGetValue(e.Key, out var other) && ValueEquals(e.Value, other)),
            _ => false,
        };
    }

    private static bool IsNumber(object value) => value is long or ulong or double;

    private static int? CompareNumbers(object left, object right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (ulong a, ulong b) => a.CompareTo(b),
        (long a, ulong b) => a < 0 ? -1 : ((ulong)a).CompareTo(b),
        (ulong a, long b) => b < 0 ? 1 : a.CompareTo((ulong)b),
        _ => double.IsNaN(ToDouble(left)) || double.IsNaN(ToDouble(right)) ? null : ToDouble(left).CompareTo(ToDouble(right)),
    };

    private static double ToDouble(object value) => value switch
    {
        long l => l,
        ulong u => u,
        double d => d,
        _ => double.NaN,
    };

    private static int? Compare(object left, object right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return CompareNumbers(left, right);
        }

        return (left, right) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (bool a, bool b) => a.CompareTo(b),
            (byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b),
            _ => null,
        };
    }

    private object Comprehension(CelComprehension c)
    {
        var range = Eval(c.Range);
        IEnumerable<object> elements = range switch
        {
            CelError => [],
            List<object> list => list,
            CelMap map => map.Entries.Keys,
            _ => [],
        };
        if (range is CelError)
        {
            return range;
        }

        if (range is not (List<object> or CelMap))
        {
            return NoOverload(c.Macro, range);
        }

        var hadPrevious = _variables.TryGetValue(c.Variable, out var previous);
        try
        {
            switch (c.Macro)
            {
                case "all":
                case "exists":
                    var decided = c.Macro == "exists";
                    CelError? firstError = null;
                    foreach (var element in elements)
                    {
                        _variables[c.Variable] = element;
                        var result = Eval(c.Body);
                        if (result is bool b)
                        {
                            if (b == decided)
                            {
                                return decided;
                            }
                        }
                        else
                        {
                            firstError ??= result as CelError ?? new CelError($"{c.Macro}() predicate did not return a bool");
                        }
                    }

                    return firstError is null ? !decided : firstError;
                case "exists_one":
                    var count = 0;
                    foreach (var element in elements)
                    {
                        _variables[c.Variable] = element;
                        switch (Eval(c.Body))
                        {
                            case true:
                                count++;
                                break;
                            case false:
                                break;
                            case CelError error:
                                return error;
                            default:
                                return new CelError("exists_one() predicate did not return a bool");
                        }
                    }

                    return count == 1;
                case "filter":
                    var kept = new List<object>();
                    foreach (var element in elements)
                    {
                        _variables[c.Variable] = element;
                        switch (Eval(c.Body))
                        {
                            case true:
                                kept.Add(element);
                                break;
                            case false:
                                break;
                            case CelError error:
                                return error;
                            default:
                                return new CelError("filter() predicate did not return a bool");
                        }
                    }

                    return kept;
                default:
                    var mapped = new List<object>();
                    foreach (var element in elements)
                    {
                        _variables[c.Variable] = element;
                        if (c.Transform is not null)
                        {
                            var keep = Eval(c.Body);
                            if (keep is CelError)
                            {
                                return keep;
                            }

                            if (keep is not bool k)
                            {
                                return new CelError("map() filter did not return a bool");
                            }

                            if (!k)
                            {
                                continue;
                            }
                        }

                        var value = Eval(c.Transform ?? c.Body);
                        if (value is CelError)
                        {
                            return value;
                        }

                        mapped.Add(value);
                    }

                    return mapped;
            }
        }
        finally
        {
            if (hadPrevious)
            {
                _variables[c.Variable] = previous!;
            }
            else
            {
                _variables.Remove(c.Variable);
            }
        }
    }

    private object Call(CelCall call)
    {
        var target = call.Target is null ? null : Eval(call.Target);
        var args = new List<object>(call.Args.Count);
        foreach (var arg in call.Args)
        {
            args.Add(Eval(arg));
        }

        if (target is CelError)
        {
            return target;
        }

        if (args.FirstOrDefault(a => a is CelError) is { } argError)
        {
            return argError;
        }

        if (target is null)
        {
            // Global forms: size(x), matches(s, re), int(x), ... are the member forms with the first argument as target.
            return call.Function switch
            {
                "size" or "matches" or "startsWith" or "endsWith" or "contains" when args.Count >= 1 => Member(call.Function, args[0], args.Skip(1).ToList()),
                "int" or "uint" or "double" or "string" or "dyn" or "bytes" when args.Count == 1 => Convert(call.Function, args[0]),
                _ => throw new CelUnsupportedException($"function {call.Function}()"),
            };
        }

        return Member(call.Function, target, args);
    }

    private static object Member(string function, object target, List<object> args)
    {
        switch (function, target, args.Count)
        {
            case ("size", string s, 0):
                return (long)s.EnumerateRunes().Count();
            case ("size", byte[] b, 0):
                return (long)b.Length;
            case ("size", List<object> list, 0):
                return (long)list.Count;
            case ("size", CelMap map, 0):
                return (long)map.Entries.Count;
            case ("startsWith", string s, 1) when args[0] is string prefix:
                return s.StartsWith(prefix, StringComparison.Ordinal);
            case ("endsWith", string s, 1) when args[0] is string suffix:
                return s.EndsWith(suffix, StringComparison.Ordinal);
            case ("contains", string s, 1) when args[0] is string part:
                return s.Contains(part, StringComparison.Ordinal);
            case ("matches", string s, 1) when args[0] is string pattern:
                var regex = Re2Regex.Get(pattern);
                return regex is null ? new CelError($"invalid regular expression: {pattern}") : regex.IsMatch(s);
            case ("lowerAscii", string s, 0):
                return string.Create(s.Length, s, (span, text) =>
                {
                    for (var i = 0; i < text.Length; i++)
                    {
                        span[i] = char.IsAsciiLetterUpper(text[i]) ? (char)(text[i] + 32) : text[i];
                    }
                });
            case ("upperAscii", string s, 0):
                return string.Create(s.Length, s, (span, text) =>
                {
                    for (var i = 0; i < text.Length; i++)
                    {
                        span[i] = char.IsAsciiLetterLower(text[i]) ? (char)(text[i] - 32) : text[i];
                    }
                });
            case ("trim", string s, 0):
                return s.Trim();
            case ("indexOf", string s, 1) when args[0] is string part:
                return (long)s.IndexOf(part, StringComparison.Ordinal);
            case ("lastIndexOf", string s, 1) when args[0] is string part:
                return (long)s.LastIndexOf(part, StringComparison.Ordinal);
            case ("substring", string s, 1 or 2) when args.All(a => a is long):
                var start = (long)args[0];
                var end = args.Count == 2 ? (long)args[1] : s.Length;
                return start < 0 || end > s.Length || start > end ? new CelError("substring index out of range") : s[(int)start..(int)end];
            case ("replace", string s, 2) when args[0] is string from && args[1] is string to:
                return from.Length == 0 ? s : s.Replace(from, to, StringComparison.Ordinal);
            case ("split", string s, 1) when args[0] is string separator:
                return s.Split(separator).Cast<object>().ToList();
            case ("join", List<object> list, 0 or 1) when list.All(i => i is string) && args.All(a => a is string):
                return string.Join(args.Count == 1 ? (string)args[0] : string.Empty, list.Cast<string>());
            case ("charAt", string s, 1) when args[0] is long index:
                return index < 0 || index > s.Length ? new CelError("index out of range") : index == s.Length ? string.Empty : s[(int)index].ToString();
            case ("size" or "startsWith" or "endsWith" or "contains" or "matches" or "lowerAscii" or "upperAscii" or "trim" or "indexOf"
                or "lastIndexOf" or "substring" or "replace" or "split" or "join" or "charAt", _, _):
                return NoOverload(function, [target, .. args]);
            default:
                throw new CelUnsupportedException($"function {function}()");
        }
    }

    private static object Convert(string function, object value)
    {
        switch (function, value)
        {
            case ("dyn", _):
                return value;
            case ("int", long):
                return value;
            case ("int", ulong u):
                return u <= long.MaxValue ? (long)u : new CelError("integer overflow");
            case ("int", double d):
                return double.IsFinite(d) && d >= long.MinValue && d < long.MaxValue ? (long)Math.Truncate(d) : new CelError("integer overflow");
            case ("int", string s):
                return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : new CelError($"cannot convert {Show(s)} to int");
            case ("uint", long l):
                return l >= 0 ? (ulong)l : new CelError("unsigned integer overflow");
            case ("uint", ulong):
                return value;
            case ("double", long l):
                return (double)l;
            case ("double", ulong u):
                return (double)u;
            case ("double", double):
                return value;
            case ("double", string s):
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : new CelError($"cannot convert {Show(s)} to double");
            case ("string", string):
                return value;
            case ("string", long or ulong or bool):
                return value is bool b ? (b ? "true" : "false") : System.Convert.ToString(value, CultureInfo.InvariantCulture)!;
            case ("string", double d):
                return d.ToString("R", CultureInfo.InvariantCulture);
            case ("string", byte[] bytes):
                return Encoding.UTF8.GetString(bytes);
            case ("bytes", string s):
                return Encoding.UTF8.GetBytes(s);
            default:
                return NoOverload(function, value);
        }
    }

    private static CelError NoOverload(string function, params object[] args) =>
        new($"no matching overload for '{function}' applied to ({string.Join(", ", args.Select(TypeName))})");

    internal static string TypeName(object value) => value switch
    {
        bool => "bool",
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        byte[] => "bytes",
        List<object> => "list",
        CelMap => "map",
        CelNull => "null_type",
        _ => value.GetType().Name,
    };

    private static string Show(object value) => value is string s ? YamlJson.Quote(s) : System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?";
}
