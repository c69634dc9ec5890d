using System.Globalization;
using System.Text.RegularExpressions;

namespace Generator.Facts;

/// <summary>An OpenTelemetry Collector release version (x.y.z), read from an image tag such as <c>0.159.0</c> or <c>v0.120.1</c>.</summary>
public sealed partial record CollectorVersion(int Major, int Minor, int Patch) : IComparable<CollectorVersion>
{
    /// <summary>
    /// A release in an image tag: an optional leading <c>v</c>, x.y.z, then the end or a <c>-</c>/<c>+</c> build suffix
    /// (<c>v0.120.1</c>, <c>0.140.0-rh1</c>). A pattern .NET, Go (the chart's helper) and ECMA-262 (the options schema)
    /// read alike.
    /// </summary>
    public const string TagPattern = "^v?[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}($|[-+])";

    [GeneratedRegex(TagPattern, RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    /// <summary>The x.y.z of a tag as <see cref="TagPattern"/> finds it (empty when it finds none).</summary>
    public static string ReleaseOf(string text)
    {
        var match = VersionPattern().Match(text);
        return match.Success ? match.Value.TrimStart('v').TrimEnd('-', '+') : string.Empty;
    }

    public static CollectorVersion? Parse(string? text)
    {
        var release = text is null ? string.Empty : ReleaseOf(text);
        return TryParse(release, out var version) ? version : null;
    }

    /// <summary>Reads exactly x.y.z.</summary>
    public static bool TryParse(string release, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CollectorVersion? version)
    {
        version = null;
        var parts = release.Split('.');
        if (parts.Length != 3 || !parts.All(p => p.Length is > 0 and <= 4 && p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        version = new CollectorVersion(Int(parts[0]), Int(parts[1]), Int(parts[2]));
        return true;

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
