namespace Generator.Options;

/// <summary>The description of an option: shown in the options schema, the chart's values.yaml comments and the README.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class DocAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

/// <summary>An option that steers the generator itself and has no meaning as a chart value (left out of values.yaml).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class GeneratorOnlyAttribute : Attribute;

/// <summary>
/// A nullable option whose default comes from the selected profile; <see cref="OptionsResolver"/> fills it in. The
/// <c>ogx</c> profile builds on cluster-observability: <see cref="Ogx"/> is given only where it differs.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ProfileDefaultAttribute(string jaeger, string clusterObservability) : Attribute
{
    public string Jaeger { get; } = jaeger;

    public string ClusterObservability { get; } = clusterObservability;

    /// <summary>The ogx profile's default; null falls back to <see cref="ClusterObservability"/>.</summary>
    public string? Ogx { get; set; }

    public string For(Profile profile) => profile switch
    {
        Profile.Jaeger => Jaeger,
        Profile.ClusterObservability => ClusterObservability,
        _ => Ogx ?? ClusterObservability,
    };

    /// <summary>The profiles grouped by the default they give, in the profiles' order (for documentation: "jaeger: x, cluster-observability and ogx: y").</summary>
    public IEnumerable<(string Profiles, string Default)> Groups() =>
        Enum.GetValues<Profile>()
            .GroupBy(For, StringComparer.Ordinal)
            .Select(g => (string.Join(" and ", g.Select(p => EnumNames.Wire(p))), g.Key));
}

/// <summary>Inclusive numeric bounds of an integer option.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BoundsAttribute(long minimum, long maximum) : Attribute
{
    public long Minimum { get; } = minimum;

    public long Maximum { get; } = maximum;
}

/// <summary>A regular expression a string option must match (JSON Schema <c>pattern</c>), with what it means.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string regex, string meaning) : Attribute
{
    public string Regex { get; } = regex;

    public string Meaning { get; } = meaning;
}

/// <summary>A key that must be given whenever its record is (list items have no meaningful defaults).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;
