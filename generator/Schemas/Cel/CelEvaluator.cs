namespace Generator.Schemas.Cel;

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
                    var other => CelError.NoOverload("_?_:_", other),
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

        return left is bool && r is bool ? !shortCircuit : CelError.NoOverload(shortCircuit ? "_||_" : "_&&_", left is bool ? r : left);
    }

    private static object Select(object operand, string field, bool testOnly) => operand switch
    {
        CelError error => error,
        CelMap map => map.Entries.TryGetValue(field, out var value) ? (testOnly ? true : value) : (testOnly ? false : new CelError($"no such key: {field}")),
        _ => new CelError($"type '{CelValues.TypeName(operand)}' does not support field selection"),
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
                    return CelError.NoOverload("_[_]", index);
                }

                return i >= 0 && i < list.Count ? list[(int)i] : new CelError($"index out of bounds: {i}");
            case CelMap map:
                return map.Entries.TryGetValue(index, out var value) ? value : new CelError($"no such key: {CelValues.Show(index)}");
            default:
                return CelError.NoOverload("_[_]", operand);
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
        _ => CelError.NoOverload(op + "_", value),
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
                    return CelError.NoOverload("_" + op + "_", left, right);
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
                    _ => CelError.NoOverload("@in", left, right),
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
                _ => CelError.NoOverload("_" + op + "_", left, right),
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

    /// <summary>
    /// The macros, each one pass of <see cref="Loop"/> with what it does with every element and the value of its body
    /// there (for map with a filter, the body is the filter and the transform is evaluated only where it holds).
    /// </summary>
    private object Comprehension(CelComprehension c)
    {
        var range = Eval(c.Range);
        IEnumerable<object> elements;
        switch (range)
        {
            case CelError:
                return range;
            case List<object> list:
                elements = list;
                break;
            case CelMap map:
                elements = map.Entries.Keys;
                break;
            default:
                return CelError.NoOverload(c.Macro, range);
        }

        switch (c.Macro)
        {
            case "all" or "exists":
                // An element that decides the answer wins over errors elsewhere, as with || and &&.
                var decided = c.Macro == "exists";
                CelError? firstError = null;
                return Loop(c, elements, (_, value) =>
                {
                    if (value is bool b)
                    {
                        return b == decided ? decided : null;
                    }

                    firstError ??= value as CelError ?? NotABool(c);
                    return null;
                }, () => firstError ?? (object)!decided);
            case "exists_one":
                var count = 0;
                return Loop(c, elements, (_, value) => Predicate(c, value, () => count++), () => count == 1);
            case "filter":
                var kept = new List<object>();
                return Loop(c, elements, (element, value) => Predicate(c, value, () => kept.Add(element)), () => kept);
            default:
                var mapped = new List<object>();
                return Loop(c, elements, (_, value) =>
                {
                    if (c.Transform is not null)
                    {
                        switch (value)
                        {
                            case CelError:
                                return value;
                            case not bool:
                                return new CelError("map() filter did not return a bool");
                            case false:
                                return null;
                        }

                        value = Eval(c.Transform);
                    }

                    if (value is CelError)
                    {
                        return value;
                    }

                    mapped.Add(value);
                    return null;
                }, () => mapped);
        }
    }

    /// <summary>
    /// Binds the macro's variable to each element in turn and evaluates the body there; <paramref name="step"/> gets the
    /// element and the body's value and returns the macro's result to stop early, or null to go on; after the last
    /// element <paramref name="result"/> gives it. The variable's outer binding, if any, is restored.
    /// </summary>
    private object Loop(CelComprehension c, IEnumerable<object> elements, Func<object, object, object?> step, Func<object> result)
    {
        var hadPrevious = _variables.TryGetValue(c.Variable, out var previous);
        try
        {
            foreach (var element in elements)
            {
                _variables[c.Variable] = element;
                if (step(element, Eval(c.Body)) is { } done)
                {
                    return done;
                }
            }

            return result();
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

    /// <summary>exists_one and filter: a true predicate counts or keeps its element, false skips it, anything else ends the macro.</summary>
    private static object? Predicate(CelComprehension c, object value, Action onTrue)
    {
        switch (value)
        {
            case true:
                onTrue();
                return null;
            case false:
                return null;
            case CelError error:
                return error;
            default:
                return NotABool(c);
        }
    }

    private static CelError NotABool(CelComprehension c) => new($"{c.Macro}() predicate did not return a bool");

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

        return CelFunctions.Invoke(call.Function, target, args);
    }
}
