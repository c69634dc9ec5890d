using System.Globalization;
using System.Text;

namespace Generator.Schemas.Cel;

/// <summary>
/// The functions of the CEL subset, on evaluated arguments: <c>size</c>, the string functions of CEL's standard
/// library and of the strings extension Kubernetes enables (<c>startsWith</c>, <c>endsWith</c>, <c>contains</c>,
/// <c>matches</c> with RE2 syntax, <c>lowerAscii</c>, <c>upperAscii</c>, <c>trim</c>, <c>indexOf</c>, <c>lastIndexOf</c>,
/// <c>substring</c>, <c>replace</c>, <c>split</c>, <c>join</c>, <c>charAt</c>) and the conversions <c>int</c>, <c>uint</c>,
/// <c>double</c>, <c>string</c>, <c>bytes</c> and <c>dyn</c>. A known function applied to values it has no overload for
/// is a <see cref="CelError"/>; an unknown function throws <see cref="CelUnsupportedException"/>.
/// </summary>
internal static class CelFunctions
{
    /// <summary>
    /// Calls a function on evaluated arguments (none of them an error): <c>target.function(args)</c>, or with a null
    /// target the global form <c>function(args)</c>.
    /// </summary>
    public static object Invoke(string function, object? target, List<object> args)
    {
        if (target is null)
        {
            // Global forms: size(x), matches(s, re), int(x), ... are the member forms with the first argument as target.
            return function switch
            {
                "size" or "matches" or "startsWith" or "endsWith" or "contains" when args.Count >= 1 => Member(function, args[0], args.Skip(1).ToList()),
                "int" or "uint" or "double" or "string" or "dyn" or "bytes" when args.Count == 1 => Convert(function, args[0]),
                _ => throw new CelUnsupportedException($"function {function}()"),
            };
        }

        return Member(function, target, args);
    }

    private static object Member(string function, object target, List<object> args)
    {
        switch (function, target, args.Count)
        {
            case ("size", string s, 0):
                return (long)s.EnumerateRunes().Count();
            case ("size", byte[] b, 0):
                return (long)b.Length;
            case ("size", List<object> list, 0):
                return (long)list.Count;
            case ("size", CelMap map, 0):
                return (long)map.Entries.Count;
            case ("startsWith", string s, 1) when args[0] is string prefix:
                return s.StartsWith(prefix, StringComparison.Ordinal);
            case ("endsWith", string s, 1) when args[0] is string suffix:
                return s.EndsWith(suffix, StringComparison.Ordinal);
            case ("contains", string s, 1) when args[0] is string part:
                return s.Contains(part, StringComparison.Ordinal);
            case ("matches", string s, 1) when args[0] is string pattern:
                var regex = Re2Regex.Get(pattern);
                return regex is null ? new CelError($"invalid regular expression: {pattern}") : regex.IsMatch(s);
            case ("lowerAscii", string s, 0):
                return string.Create(s.Length, s, (span, text) =>
                {
                    for (var i = 0; i < text.Length; i++)
                    {
                        span[i] = char.IsAsciiLetterUpper(text[i]) ? (char)(text[i] + 32) : text[i];
                    }
                });
            case ("upperAscii", string s, 0):
                return string.Create(s.Length, s, (span, text) =>
                {
                    for (var i = 0; i < text.Length; i++)
                    {
                        span[i] = char.IsAsciiLetterLower(text[i]) ? (char)(text[i] - 32) : text[i];
                    }
                });
            case ("trim", string s, 0):
                return s.Trim();
            case ("indexOf", string s, 1) when args[0] is string part:
                return (long)s.IndexOf(part, StringComparison.Ordinal);
            case ("lastIndexOf", string s, 1) when args[0] is string part:
                return (long)s.LastIndexOf(part, StringComparison.Ordinal);
            case ("substring", string s, 1 or 2) when args.All(a => a is long):
                var start = (long)args[0];
                var end = args.Count == 2 ? (long)args[1] : s.Length;
                return start < 0 || end > s.Length || start > end ? new CelError("substring index out of range") : s[(int)start..(int)end];
            case ("replace", string s, 2) when args[0] is string from && args[1] is string to:
                return from.Length == 0 ? s : s.Replace(from, to, StringComparison.Ordinal);
            case ("split", string s, 1) when args[0] is string separator:
                return s.Split(separator).Cast<object>().ToList();
            case ("join", List<object> list, 0 or 1) when list.All(i => i is string) && args.All(a => a is string):
                return string.Join(args.Count == 1 ? (string)args[0] : string.Empty, list.Cast<string>());
            case ("charAt", string s, 1) when args[0] is long index:
                return index < 0 || index > s.Length ? new CelError("index out of range") : index == s.Length ? string.Empty : s[(int)index].ToString();
            case ("size" or "startsWith" or "endsWith" or "contains" or "matches" or "lowerAscii" or "upperAscii" or "trim" or "indexOf"
                or "lastIndexOf" or "substring" or "replace" or "split" or "join" or "charAt", _, _):
                return CelError.NoOverload(function, [target, .. args]);
            default:
                throw new CelUnsupportedException($"function {function}()");
        }
    }

    private static object Convert(string function, object value)
    {
        switch (function, value)
        {
            case ("dyn", _):
                return value;
            case ("int", long):
                return value;
            case ("int", ulong u):
                return u <= long.MaxValue ? (long)u : new CelError("integer overflow");
            case ("int", double d):
                return double.IsFinite(d) && d >= long.MinValue && d < long.MaxValue ? (long)Math.Truncate(d) : new CelError("integer overflow");
            case ("int", string s):
                return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : new CelError($"cannot convert {CelValues.Show(s)} to int");
            case ("uint", long l):
                return l >= 0 ? (ulong)l : new CelError("unsigned integer overflow");
            case ("uint", ulong):
                return value;
            case ("double", long l):
                return (double)l;
            case ("double", ulong u):
                return (double)u;
            case ("double", double):
                return value;
            case ("double", string s):
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : new CelError($"cannot convert {CelValues.Show(s)} to double");
            case ("string", string):
                return value;
            case ("string", long or ulong or bool):
                return value is bool b ? (b ? "true" : "false") : System.Convert.ToString(value, CultureInfo.InvariantCulture)!;
            case ("string", double d):
                return d.ToString("R", CultureInfo.InvariantCulture);
            case ("string", byte[] bytes):
                return Encoding.UTF8.GetString(bytes);
            case ("bytes", string s):
                return Encoding.UTF8.GetBytes(s);
            default:
                return CelError.NoOverload(function, value);
        }
    }
}
