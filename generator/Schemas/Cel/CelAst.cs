namespace Generator.Schemas.Cel;

/// <summary>
/// The CEL subset we evaluate for <c>x-kubernetes-validations</c>. A full CEL implementation (types, overload resolution, cost
/// limits) is out of scope; rules using anything outside this subset are reported as "not evaluated", never guessed.
/// </summary>
internal abstract record CelExpr;

internal sealed record CelLiteral(object Value) : CelExpr;

internal sealed record CelIdent(string Name) : CelExpr;

/// <summary><c>operand.field</c>; with <see cref="TestOnly"/> it is the <c>has(operand.field)</c> macro.</summary>
internal sealed record CelSelect(CelExpr Operand, string Field, bool TestOnly) : CelExpr;

internal sealed record CelIndex(CelExpr Operand, CelExpr Index) : CelExpr;

internal sealed record CelCall(CelExpr? Target, string Function, IReadOnlyList<CelExpr> Args) : CelExpr;

internal sealed record CelUnary(string Op, CelExpr Operand) : CelExpr;

internal sealed record CelBinary(string Op, CelExpr Left, CelExpr Right) : CelExpr;

internal sealed record CelConditional(CelExpr Condition, CelExpr Then, CelExpr Else) : CelExpr;

internal sealed record CelList(IReadOnlyList<CelExpr> Items) : CelExpr;

internal sealed record CelMapLiteral(IReadOnlyList<(CelExpr Key, CelExpr Value)> Entries) : CelExpr;

/// <summary>The list macros: <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c> (with an optional filter) and <c>filter</c>.</summary>
internal sealed record CelComprehension(string Macro, CelExpr Range, string Variable, CelExpr Body, CelExpr? Transform) : CelExpr;

/// <summary>CEL's null.</summary>
internal sealed class CelNull
{
    public static readonly CelNull Value = new();

    private CelNull()
    {
    }

    public override string ToString() => "null";
}

/// <summary>A CEL runtime error (no such key, no matching overload, ...). Errors are values so that <c>||</c> and <c>&amp;&amp;</c> can absorb them as CEL does.</summary>
internal sealed record CelError(string Message)
{
    /// <summary>The error of an operator or function applied to values it has no overload for.</summary>
    public static CelError NoOverload(string function, params object[] args) =>
        new($"no matching overload for '{function}' applied to ({string.Join(", ", args.Select(CelValues.TypeName))})");
}

/// <summary>A construct outside the subset we implement: the rule is reported as not evaluated.</summary>
internal sealed class CelUnsupportedException(string message) : Exception(message);

/// <summary>The rule's text is not valid CEL.</summary>
internal sealed class CelSyntaxException(string message) : Exception(message);
