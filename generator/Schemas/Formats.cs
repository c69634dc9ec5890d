using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Generator.Schemas;

/// <summary>
/// The string formats the API server checks (kube-openapi's strfmt registry), for strings only. Unknown formats are ignored,
/// as they are by the API server. <c>duration</c> accepts Go durations (<c>5s</c>, <c>1h30m</c>, <c>1.5h</c>) and strfmt's
/// unit forms (<c>1 day</c>, <c>2 wk</c>).
/// </summary>
internal static partial class Formats
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)*\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostnamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^([0-9A-Fa-f]{2}[:-]){5}([0-9A-Fa-f]{2})$|^([0-9A-Fa-f]{4}\.){2}[0-9A-Fa-f]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex MacPattern();

    [GeneratedRegex(@"(\d+)\s*([A-Za-zµ]+)", RegexOptions.CultureInvariant)]
    private static partial Regex WordDurationPattern();

    // strfmt's timeUnits variants, compared in lower case (so "1 hour" and "2 wk" pass, "3 days" does not).
    private static readonly HashSet<string> WordDurationUnits =
        ["ns", "nano", "us", "µs", "micro", "ms", "milli", "s", "sec", "m", "min", "h", "hr", "hour", "d", "day", "w", "wk", "week"];

    /// <summary>What the value should look like when it does not match the format; null when it matches or the format is unknown.</summary>
    public static string? Check(string format, string value) => format switch
    {
        "byte" => IsBase64(value) ? null : "must be base64-encoded data",
        "date" => DatePattern().IsMatch(value) && DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : "must be a date such as \"2006-01-02\"",
        "date-time" or "datetime" => IsDateTime(value) ? null : "must be an RFC 3339 date-time such as \"2006-01-02T15:04:05Z\"",
        "duration" => IsDuration(value) ? null : "must be a duration such as \"5s\", \"1h30m\" or \"250ms\"",
        "uuid" or "uuid3" or "uuid4" or "uuid5" => UuidPattern().IsMatch(value) ? null : "must be a UUID",
        "hostname" => value.Length <= 255 && HostnamePattern().IsMatch(value) ? null : "must be a valid hostname",
        "ipv4" => IPAddress.TryParse(value, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && value.Count(c => c == '.') == 3
            ? null
            : "must be an IPv4 address",
        "ipv6" => IPAddress.TryParse(value, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? null : "must be an IPv6 address",
        "cidr" => IsCidr(value) ? null : "must be a CIDR such as \"10.0.0.0/8\"",
        "mac" => MacPattern().IsMatch(value) ? null : "must be a MAC address",
        "email" => EmailPattern().IsMatch(value) ? null : "must be an email address",
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out _) ? null : "must be an absolute URI",
        "bsonobjectid" => value.Length == 24 && value.All(char.IsAsciiHexDigit) ? null : "must be a BSON object id",
        _ => null,
    };

    /// <summary>
    /// kube-openapi's strfmt.ParseDuration: Go's <c>time.ParseDuration</c>, else any "&lt;n&gt; &lt;unit&gt;" run with a known unit
    /// (lenient by design: "1d2h" and "1h 30m" pass).
    /// </summary>
    public static bool IsDuration(string value)
    {
        if (IsGoDuration(value))
        {
            return true;
        }

        foreach (Match match in WordDurationPattern().Matches(value))
        {
            if (WordDurationUnits.Contains(match.Groups[2].Value.ToLowerInvariant()))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsGoDuration(string value)
    {
        var s = value.AsSpan();
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            s = s[1..];
        }

        if (s.SequenceEqual("0"))
        {
            return true;
        }

        if (s.IsEmpty)
        {
            return false;
        }

        while (!s.IsEmpty)
        {
            var digits = 0;
            while (digits < s.Length && char.IsAsciiDigit(s[digits]))
            {
                digits++;
            }

            var position = digits;
            var fraction = 0;
            if (position < s.Length && s[position] == '.')
            {
                position++;
                while (position < s.Length && char.IsAsciiDigit(s[position]))
                {
                    position++;
                    fraction++;
                }
            }

            if (digits == 0 && fraction == 0)
            {
                return false;
            }

            var unitStart = position;
            while (position < s.Length && s[position] != '.' && !char.IsAsciiDigit(s[position]))
            {
                position++;
            }

            var unit = s[unitStart..position];
            if (!(unit is "ns" or "us" or "µs" or "μs" or "ms" or "s" or "m" or "h"))
            {
                return false;
            }

            s = s[position..];
        }

        return true;
    }

    private static bool IsBase64(string value)
    {
        if (value.Length % 4 != 0 || value.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var buffer = new byte[(value.Length / 4 * 3) + 3];
        return Convert.TryFromBase64String(value, buffer, out _);
    }

    private static bool IsDateTime(string value)
    {
        var match = DateTimePattern().Match(value);
        if (!match.Success)
        {
            return false;
        }

        int Part(int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        var (year, month, day, hour, minute) = (Part(1), Part(2), Part(3), Part(4), Part(5));
        var second = match.Groups[7].Success ? Part(7) : 0;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month)
            && hour <= 23 && minute <= 59 && second <= 60;
    }

    private static bool IsCidr(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !IPAddress.TryParse(value[..slash], out var address) || !int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
        {
            return false;
        }

        return bits <= (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
    }
}
