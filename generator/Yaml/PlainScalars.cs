using System.Text.RegularExpressions;

namespace Generator.Yaml;

/// <summary>
/// When a string may be written as a plain scalar: only when every YAML 1.1 and 1.2 reader (kubectl's goyaml.v2 included)
/// reads it back as the same string. The rules are RE2 patterns that .NET reads alike, so <see cref="YamlWriter"/> and the
/// chart's yamlString helper (<see cref="HelmHelper"/>, written from these same patterns) quote exactly the same strings:
/// the collector config the chart renders is byte for byte the generator's.
/// </summary>
public static partial class PlainScalars
{
    /// <summary>Indicators, spaces at either end, a trailing colon, a comment or key marker, anything outside printable ASCII.</summary>
    public const string Syntax = "^$|^ | $|:$|^[?:,\\[\\]{}#&*!|>'\"%@`]|^-( |$)|[^\\x20-\\x7E]|: | #";

    /// <summary>Nulls and YAML 1.1 booleans, and the merge key and value indicators.</summary>
    public const string Words = "^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|<<|=)$";

    /// <summary>What a reader may take for a timestamp.</summary>
    public const string Timestamp = "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}";

    /// <summary>Only a string starting like a number can be one.</summary>
    public const string NumberStart = "^[-+.0-9]";

    /// <summary>Integers (decimal, 0x, 0b, 0o, leading-zero octal), matched with the underscores removed.</summary>
    public const string Integer = "^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|[0-9]+)$";

    /// <summary>Floats, matched with the underscores removed.</summary>
    public const string Float = "^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$";

    public const string SpecialFloat = "^[-+]?\\.(inf|Inf|INF)$|^\\.(nan|NaN|NAN)$";

    [GeneratedRegex(Syntax, RegexOptions.CultureInvariant)]
    private static partial Regex SyntaxPattern();

    [GeneratedRegex(Words, RegexOptions.CultureInvariant)]
    private static partial Regex WordsPattern();

    [GeneratedRegex(Timestamp, RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(NumberStart, RegexOptions.CultureInvariant)]
    private static partial Regex NumberStartPattern();

    [GeneratedRegex(Integer, RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(Float, RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex(SpecialFloat, RegexOptions.CultureInvariant)]
    private static partial Regex SpecialFloatPattern();

    public static bool IsPlain(string text)
    {
        if (SyntaxPattern().IsMatch(text) || WordsPattern().IsMatch(text) || TimestampPattern().IsMatch(text))
        {
            return false;
        }

        if (!NumberStartPattern().IsMatch(text))
        {
            return true;
        }

        var digits = text.Replace("_", string.Empty, StringComparison.Ordinal);
        return !IntegerPattern().IsMatch(digits) && !FloatPattern().IsMatch(digits) && !SpecialFloatPattern().IsMatch(text);
    }

    /// <summary>The chart helper that writes a string as <see cref="YamlWriter"/> does: plain by these rules, else <c>quote</c>d.</summary>
    public static string HelmHelper(string name) => $$$"""
        {{/*
        A string scalar as the generator's YamlWriter writes it: plain when every YAML 1.1 and 1.2 reader reads it back as
        the same string, else double-quoted with Go escapes (YamlWriter.Quote matches helm's quote). The patterns are the
        generator's own (generator/Yaml/PlainScalars.cs).
        */}}
        {{- define {{{Go(name)}}} -}}
        {{- $text := toString . -}}
        {{- $digits := replace "_" "" $text -}}
        {{- $plain := and
          (not (regexMatch {{{Go(Syntax)}}} $text))
          (not (regexMatch {{{Go(Words)}}} $text))
          (not (regexMatch {{{Go(Timestamp)}}} $text))
          (not (and (regexMatch {{{Go(NumberStart)}}} $text) (or
            (regexMatch {{{Go(Integer)}}} $digits)
            (regexMatch {{{Go(Float)}}} $digits)
            (regexMatch {{{Go(SpecialFloat)}}} $text)))) -}}
        {{- if $plain }}{{ $text }}{{ else }}{{ quote $text }}{{ end -}}
        {{- end }}

        """;

    /// <summary>A Go string literal (<see cref="YamlWriter.Quote"/> writes Go's <c>strconv.Quote</c> form).</summary>
    private static string Go(string text) => YamlWriter.Quote(text);
}
