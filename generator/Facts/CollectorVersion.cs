using System.Globalization;
using System.Text.RegularExpressions;

namespace Generator.Facts;

/// <summary>An OpenTelemetry Collector release version (x.y.z), read from an image tag such as <c>0.159.0</c> or <c>v0.120.1</c>.</summary>
public sealed partial record CollectorVersion(int Major, int Minor, int Patch) : IComparable<CollectorVersion>
{
    /// <summary>What a readable version looks like; public because the options schema checks image tags with it.</summary>
    public const string Pattern = @"^v?(\d{1,4})\.(\d{1,4})\.(\d{1,4})(?:$|[-+])";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    public static CollectorVersion? Parse(string? text)
    {
        var match = text is null ? null : VersionPattern().Match(text);
        if (match is null || !match.Success)
        {
            return null;
        }

        return new CollectorVersion(Int(match.Groups[1].Value), Int(match.Groups[2].Value), Int(match.Groups[3].Value));

        static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
    }

    public static CollectorVersion Of(int major, int minor, int patch = 0) => new(major, minor, patch);

    public int CompareTo(CollectorVersion? other) =>
        other is null ? 1 : (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public static bool operator >=(CollectorVersion left, CollectorVersion right) => left.CompareTo(right) >= 0;

    public static bool operator <=(CollectorVersion left, CollectorVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >(CollectorVersion left, CollectorVersion right) => left.CompareTo(right) > 0;

    public static bool operator <(CollectorVersion left, CollectorVersion right) => left.CompareTo(right) < 0;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}
