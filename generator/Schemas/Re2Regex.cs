using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Generator.Schemas;

/// <summary>
/// Schema <c>pattern</c>s and CEL <c>matches()</c> use Go's RE2 syntax; .NET's engine differs in a few places, so patterns are
/// translated (POSIX classes such as <c>[:cntrl:]</c>, <c>(?P&lt;name&gt;</c>, <c>\pL</c>, and <c>$</c> meaning end of text) and run
/// with the non-backtracking engine (linear time, like RE2). Compiled patterns are cached per process.
/// </summary>
internal static class Re2Regex
{
    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = "\\x00-\\x7F",
        ["blank"] = "\\t ",
        ["cntrl"] = "\\x00-\\x1F\\x7F",
        ["digit"] = "0-9",
        ["graph"] = "!-~",
        ["lower"] = "a-z",
        ["print"] = " -~",
        ["punct"] = "!-/:-@\\[-`{-~",
        ["space"] = "\\t\\n\\v\\f\\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    /// <summary>The compiled pattern, or null when it is not a valid regular expression.</summary>
    public static Regex? Get(string pattern) => Cache.GetOrAdd(pattern, Build);

    private static Regex? Build(string pattern)
    {
        string translated;
        try
        {
            translated = Translate(pattern);
        }
        catch (ArgumentException)
        {
            return null;
        }

        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // A construct the non-backtracking engine lacks: fall back to the backtracking engine with a timeout.
        }
        catch (ArgumentException)
        {
            return null;
        }

        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    internal static string Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        var multiline = pattern.StartsWith("(?m", StringComparison.Ordinal) || pattern.Contains("(?m)", StringComparison.Ordinal);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                if (next is 'p' or 'P' && i + 2 < pattern.Length && pattern[i + 2] != '{')
                {
                    sb.Append('\\').Append(next).Append('{').Append(pattern[i + 2]).Append('}');
                    i += 2;
                    continue;
                }

                if (next == 'z')
                {
                    sb.Append("\\z");
                    i++;
                    continue;
                }

                sb.Append(c).Append(next);
                i++;
                continue;
            }

            if (inClass)
            {
                if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
                {
                    var end = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                    if (end > 0)
                    {
                        var name = pattern[(i + 2)..end];
                        if (PosixClasses.TryGetValue(name, out var range))
                        {
                            sb.Append(range);
                            i = end + 1;
                            continue;
                        }

                        throw new ArgumentException("unsupported character class [:" + name + ":]");
                    }
                }

                if (c == '[')
                {
                    sb.Append("\\[");
                    continue;
                }

                if (c == ']')
                {
                    inClass = false;
                }

                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    sb.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        sb.Append('^');
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        sb.Append("\\]");
                        i++;
                    }

                    break;
                case '(' when pattern.AsSpan(i).StartsWith("(?P<"):
                    sb.Append("(?<");
                    i += 3;
                    break;
                case '$' when !multiline:
                    sb.Append("\\z");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
