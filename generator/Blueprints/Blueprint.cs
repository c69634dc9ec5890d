namespace Generator.Blueprints;

/// <summary>
/// One Kubernetes object of the stack: its blueprint, the chart template it becomes, the raw manifest file it goes into,
/// and when it exists at all (null: always).
/// </summary>
public sealed record Resource(string Template, string ManifestFile, Map Body, Expr? When = null)
{
    public Resource(string template, string manifestFile, Map body, Flag when)
        : this(template, manifestFile, body, when.Expr)
    {
    }
}

/// <summary>
/// A condition on the options, what to say when it holds, and the option to say it at. The stack has two lists of them:
/// its checks, rules across options that JSON Schema cannot state (it compares two values, or reads a fact table), where
/// the generator refuses the options and the chart fails its render; and its caveats, what the rendered stack will not do
/// for valid options (no span leaves the server, every metrics export fails), where the generator warns and the chart's
/// NOTES.txt says it.
/// </summary>
public sealed record Check(Flag Holds, Str Message, string Option);

/// <summary>An API a custom resource of the chart needs; the chart fails early when the cluster does not serve it.</summary>
public sealed record ApiRequirement(string ApiVersion, string Kind, string Operator, Flag When);

/// <summary>A line of the chart's NOTES.txt, shown when its condition holds.</summary>
public sealed record NoteLine(Str Text, Flag? When = null);

/// <summary>Everything one stack description holds: its objects, its cross-option checks and caveats, the APIs it needs, its notes.</summary>
public sealed record StackBlueprint(
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<Check> Checks,
    IReadOnlyList<Check> Caveats,
    IReadOnlyList<ApiRequirement> Apis,
    IReadOnlyList<NoteLine> Notes);
