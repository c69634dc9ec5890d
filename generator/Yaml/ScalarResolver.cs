using System.Globalization;
using System.Text.RegularExpressions;

namespace Generator.Yaml;

/// <summary>
/// Resolves plain scalars the way sigs.k8s.io/yaml (its goyaml.v2 fork) does, because that is what kubectl and the API
/// server use: YAML 1.1 booleans (<c>yes</c>, <c>on</c>, <c>y</c>...), <c>0x</c>/<c>0o</c>/<c>0b</c>/leading-zero octal integers,
/// underscores in numbers, <c>.inf</c>/<c>.nan</c>. YamlDotNet's parser gives us the raw token and its style only, so the
/// typing is ours; a quoted or block scalar is always a string, as in YAML.
/// </summary>
public static partial class ScalarResolver
{
    private static readonly HashSet<string> TrueWords = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"];
    private static readonly HashSet<string> FalseWords = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"];
    private static readonly HashSet<string> NullWords = ["", "~", "null", "Null", "NULL"];
    private static readonly HashSet<string> SpecialFloats = [".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"];

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    public static ScalarKind Resolve(string text, ScalarStyle style, string? tag)
    {
        if (tag is { Length: > 0 } && tag != "?" && tag != "!")
        {
            return FromTag(tag, text);
        }

        return style == ScalarStyle.Plain && tag != "!" ? ResolvePlain(text) : ScalarKind.String;
    }

    public static ScalarKind ResolvePlain(string text)
    {
        if (text.Length == 0)
        {
            return ScalarKind.Null;
        }

        var first = text[0];
        if (char.IsAsciiDigit(first) || first is '-' or '+' or '.')
        {
            if (TryParseInteger(text, out _))
            {
                return ScalarKind.Integer;
            }

            return SpecialFloats.Contains(text) || FloatPattern().IsMatch(text.Replace("_", "", StringComparison.Ordinal))
                ? ScalarKind.Float
                : ScalarKind.String;
        }

        // Only short words can be nulls or booleans ("false" is the longest); most strings stop here.
        if (text.Length > 5 || first is not ('y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' or '~'))
        {
            return ScalarKind.String;
        }

        if (NullWords.Contains(text))
        {
            return ScalarKind.Null;
        }

        return TrueWords.Contains(text) || FalseWords.Contains(text) ? ScalarKind.Boolean : ScalarKind.String;
    }

    public static bool ParseBoolean(string text) => TrueWords.Contains(text);

    public static long ParseInteger(string text) => TryParseInteger(text, out var value) ? value : 0;

    public static double ParseFloat(string text)
    {
        switch (text)
        {
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
        }

        return double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : double.NaN;
    }

    /// <summary>Go's strconv.ParseInt(s, 0, 64) after removing underscores, plus the 0b/0o prefixes goyaml.v2 accepts.</summary>
    public static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        var plain = text.Replace("_", "", StringComparison.Ordinal);
        if (plain.Length == 0)
        {
            return false;
        }

        var negative = false;
        var body = plain;
        if (body[0] is '+' or '-')
        {
            negative = body[0] == '-';
            body = body[1..];
        }

        if (body.Length == 0)
        {
            return false;
        }

        int radix;
        if (body.Length > 2 && body[0] == '0' && body[1] is 'x' or 'X')
        {
            radix = 16;
            body = body[2..];
        }
        else if (body.Length > 2 && body[0] == '0' && body[1] is 'b' or 'B')
        {
            radix = 2;
            body = body[2..];
        }
        else if (body.Length > 2 && body[0] == '0' && body[1] is 'o' or 'O')
        {
            radix = 8;
            body = body[2..];
        }
        else if (body.Length > 1 && body[0] == '0')
        {
            radix = 8;
            body = body[1..];
        }
        else
        {
            radix = 10;
        }

        ulong magnitude = 0;
        foreach (var c in body)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return false;
            }

            if (magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return false;
            }

            magnitude = (magnitude * (ulong)radix) + (ulong)digit;
        }

        if (negative ? magnitude > 9223372036854775808UL : magnitude > long.MaxValue)
        {
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    private static ScalarKind FromTag(string tag, string text) => tag switch
    {
        "tag:yaml.org,2002:str" or "!!str" => ScalarKind.String,
        "tag:yaml.org,2002:int" or "!!int" => TryParseInteger(text, out _) ? ScalarKind.Integer : ScalarKind.String,
        "tag:yaml.org,2002:float" or "!!float" => ScalarKind.Float,
        "tag:yaml.org,2002:bool" or "!!bool" => ScalarKind.Boolean,
        "tag:yaml.org,2002:null" or "!!null" => ScalarKind.Null,
        _ => ScalarKind.String,
    };
}
