using System.Text.RegularExpressions;

namespace Generator.Options;

/// <summary>
/// A cross-option rule: when <see cref="When"/> holds (always, if null), <see cref="Require"/> must hold. Written into the
/// options schema and the chart's values.schema.json as <c>if</c>/<c>then</c>; when the generator's evaluation fails
/// inside it, the error names <see cref="Path"/> (the option to change) with <see cref="Message"/>, located where the
/// user gave that option or else the first of <see cref="Causes"/> the user gave.
/// </summary>
/// <param name="Path">The option the error names; <c>[*]</c> stands for the index of the failing list item.</param>
/// <param name="Message">Why; <c>{option.path}</c> is replaced by that option's value (the failing item's, for <c>[*]</c>).</param>
/// <param name="Require">What must hold.</param>
public sealed partial record OptionRule(string Path, string Message, OptionCondition Require)
{
    public OptionCondition? When { get; init; }

    /// <summary>Options that make the rule apply, for locating the error when the user did not give <see cref="Path"/>.</summary>
    public IReadOnlyList<string> Causes { get; init; } = [];

    /// <summary>Whether the rule reads only options that are chart values (so it belongs in values.schema.json too).</summary>
    public bool IsChartRule => Options().All(OptionPath.IsChartValue);

    /// <summary>The option record whose schema holds the rule (see <see cref="OptionPath.CommonRecord"/>).</summary>
    public string Scope => OptionPath.CommonRecord(Options());

    /// <summary>The options the rule reads.</summary>
    public IEnumerable<string> Options() => (When?.Paths(string.Empty) ?? []).Concat(Require.Paths(string.Empty));

    /// <summary>The message with its <c>{option.path}</c> placeholders filled in by <paramref name="valueAt"/>.</summary>
    public string MessageWith(Func<string, string> valueAt) => Placeholder().Replace(Message, m => valueAt(m.Groups[1].Value));

    [GeneratedRegex(@"\{([A-Za-z0-9.\[\]*]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
