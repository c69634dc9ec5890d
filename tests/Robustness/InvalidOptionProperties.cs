using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Generator.Options;
using Generator.Tests.Support;

namespace Generator.Tests.Robustness;

/// <summary>
/// For every option of the options types (walked from their metadata, so new options are covered automatically), a
/// value of the wrong type, outside its bounds, outside its enum or pattern, or an unknown key below it, is rejected by
/// render with exit code 2 and a message naming the option.
/// </summary>
public sealed class InvalidOptionProperties
{
    private sealed record BadValue(string Path, string Value);

    private static readonly IReadOnlyList<BadValue> Candidates = [.. Leaves(typeof(GeneratorOptions), string.Empty).SelectMany(BadValuesFor)];

    [Property(MaxTest = 150)]
    public Property InvalidValue_IsRejectedWithExitTwoNamingTheOption() =>
        Prop.ForAll(Gen.Elements<BadValue>([.. Candidates]).ToArbitrary(), bad =>
        {
            var result = CliRunner.Run("render", "--out", Path.Combine(Path.GetTempPath(), "never-written-" + Guid.NewGuid().ToString("N")), "--set", $"{bad.Path}={bad.Value}");
            return (result.ExitCode == 2).Label($"exit code {result.ExitCode} for --set {bad.Path}={bad.Value}")
                .And(result.Stderr.Contains(bad.Path, StringComparison.Ordinal)).Label($"message does not name {bad.Path}: {result.Stderr}");
        });

    [Fact]
    public void EveryOptionHasAtLeastOneInvalidValue()
    {
        var leaves = Leaves(typeof(GeneratorOptions), string.Empty).Select(l => l.Path).ToList();

        Assert.True(leaves.Count > 60, $"only {leaves.Count} options found");
        Assert.All(leaves, path => Assert.Contains(Candidates, c => c.Path == path || c.Path.StartsWith(path + ".", StringComparison.Ordinal)));
    }

    private static IEnumerable<(string Path, OptionProperty Property)> Leaves(Type type, string prefix)
    {
        foreach (var property in OptionProperty.Of(type))
        {
            var path = prefix + property.WireName;
            if (property.IsRecord)
            {
                foreach (var leaf in Leaves(property.ValueType, path + "."))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (path, property);
            }
        }
    }

    private static IEnumerable<BadValue> BadValuesFor((string Path, OptionProperty Property) leaf)
    {
        var (path, property) = leaf;
        var type = property.ValueType;
        if (property.ItemType is not null)
        {
            yield return new BadValue(path, "not-a-list");
            yield return new BadValue(path, "{a: 1}");
            if (OptionProperty.IsRecordType(property.ItemType))
            {
                yield return new BadValue(path, "[{unknownKey: 1}]");
            }

            yield break;
        }

        if (type == typeof(long))
        {
            yield return new BadValue(path, "many");
            yield return new BadValue(path, "1.5");
            if (property.Bounds is { } bounds)
            {
                yield return new BadValue(path, (bounds.Maximum + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                yield return new BadValue(path, (bounds.Minimum - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        else if (type == typeof(bool))
        {
            yield return new BadValue(path, "maybe");
            yield return new BadValue(path, "[true]");
        }
        else if (type.IsEnum)
        {
            yield return new BadValue(path, "not-a-" + property.WireName);
            yield return new BadValue(path, "7");
        }
        else
        {
            yield return new BadValue(path, "[a, b]");
            yield return new BadValue(path, "{key: value}");
            // A value outside the pattern: one with a space and a '!' is outside most; a name that only must not be empty needs "".
            if (property.Pattern is { } pattern
                && new[] { "Not Valid!", string.Empty }.FirstOrDefault(v => !System.Text.RegularExpressions.Regex.IsMatch(v, pattern.Regex)) is { } outside)
            {
                yield return new BadValue(path, $"\"{outside}\"");
            }
        }
    }
}
