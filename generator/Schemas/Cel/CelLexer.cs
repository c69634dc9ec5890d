using System.Globalization;
using System.Text;

namespace Generator.Schemas.Cel;

internal enum CelTokenKind
{
    Int,
    UInt,
    Double,
    String,
    Bytes,
    Ident,
    Punct,
    End,
}

/// <summary>A token: its kind, its text as written, the value of a literal, and its offset in the rule.</summary>
internal sealed record CelToken(CelTokenKind Kind, string Text, object? Value, int Offset);

/// <summary>
/// Splits a CEL rule into tokens (cel-spec's lexis): identifiers, the punctuation of the operators, int, uint and
/// double literals (decimal and hex), and string and bytes literals with their quotes, triple quotes, raw prefix and
/// escapes; <c>//</c> comments are skipped. The token list always ends with an <see cref="CelTokenKind.End"/> token.
/// </summary>
internal static class CelLexer
{
    private static readonly string[] Puncts = ["||", "&&", "<=", ">=", "==", "!=", "<", ">", "!", "?", ":", "+", "-", "*", "/", "%", ".", ",", "(", ")", "[", "]", "{", "}"];

    public static List<CelToken> Lex(string text)
    {
        var tokens = new List<CelToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')))
            {
                if (text[i] == '/')
                {
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }
                }
                else
                {
                    i++;
                }
            }

            if (i >= text.Length)
            {
                tokens.Add(new CelToken(CelTokenKind.End, "end of rule", null, i));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                if (i < text.Length && text[i] is '"' or '\'' && word.ToLowerInvariant() is "r" or "b" or "rb" or "br")
                {
                    var lower = word.ToLowerInvariant();
                    var literal = ReadString(text, ref i, raw: lower.Contains('r'));
                    tokens.Add(lower.Contains('b')
                        ? new CelToken(CelTokenKind.Bytes, word, Encoding.UTF8.GetBytes(literal), start)
                        : new CelToken(CelTokenKind.String, word, literal, start));
                    continue;
                }

                tokens.Add(new CelToken(CelTokenKind.Ident, word, null, start));
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(text, ref i));
                continue;
            }

            if (c is '"' or '\'')
            {
                tokens.Add(new CelToken(CelTokenKind.String, "string", ReadString(text, ref i, raw: false), start));
                continue;
            }

            var punct = Puncts.FirstOrDefault(p => string.CompareOrdinal(text, i, p, 0, p.Length) == 0)
                ?? throw new CelSyntaxException($"unexpected character '{c}' at offset {i}");
            tokens.Add(new CelToken(CelTokenKind.Punct, punct, null, i));
            i += punct.Length;
        }
    }

    private static CelToken ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }

            var hex = text[(start + 2)..i];
            if (i < text.Length && text[i] is 'u' or 'U')
            {
                i++;
                return new CelToken(CelTokenKind.UInt, text[start..i], ulong.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture), start);
            }

            return new CelToken(CelTokenKind.Int, text[start..i], long.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture), start);
        }

        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var isDouble = false;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isDouble = true;
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var save = i;
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                isDouble = true;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i = save;
            }
        }

        var digits = text[start..i];
        if (isDouble)
        {
            return new CelToken(CelTokenKind.Double, digits, double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture), start);
        }

        if (i < text.Length && text[i] is 'u' or 'U')
        {
            i++;
            return ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned)
                ? new CelToken(CelTokenKind.UInt, text[start..i], unsigned, start)
                : throw new CelSyntaxException($"integer literal {digits} out of range");
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? new CelToken(CelTokenKind.Int, digits, value, start)
            : throw new CelSyntaxException($"integer literal {digits} out of range");
    }

    private static string ReadString(string text, ref int i, bool raw)
    {
        var quote = text[i];
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        i += triple ? 3 : 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new CelSyntaxException("unterminated string literal");
            }

            var c = text[i];
            if (triple ? c == quote && i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote : c == quote)
            {
                i += triple ? 3 : 1;
                return sb.ToString();
            }

            if (!triple && c == '\n')
            {
                throw new CelSyntaxException("newline in string literal");
            }

            if (c == '\\' && !raw)
            {
                i++;
                if (i >= text.Length)
                {
                    throw new CelSyntaxException("unterminated escape sequence");
                }

                var e = text[i];
                switch (e)
                {
                    case 'a': sb.Append('\a'); i++; break;
                    case 'b': sb.Append('\b'); i++; break;
                    case 'f': sb.Append('\f'); i++; break;
                    case 'n': sb.Append('\n'); i++; break;
                    case 'r': sb.Append('\r'); i++; break;
                    case 't': sb.Append('\t'); i++; break;
                    case 'v': sb.Append('\v'); i++; break;
                    case '\\' or '\'' or '"' or '`' or '?': sb.Append(e); i++; break;
                    case 'x' or 'X':
                        sb.Append((char)Convert.ToInt32(Slice(text, i + 1, 2), 16));
                        i += 3;
                        break;
                    case 'u':
                        sb.Append((char)Convert.ToInt32(Slice(text, i + 1, 4), 16));
                        i += 5;
                        break;
                    case 'U':
                        sb.Append(char.ConvertFromUtf32(Convert.ToInt32(Slice(text, i + 1, 8), 16)));
                        i += 9;
                        break;
                    case >= '0' and <= '3':
                        sb.Append((char)Convert.ToInt32(Slice(text, i, 3), 8));
                        i += 3;
                        break;
                    default:
                        throw new CelSyntaxException($"invalid escape sequence \\{e}");
                }

                continue;
            }

            sb.Append(c);
            i++;
        }
    }

    private static string Slice(string text, int start, int length) =>
        start + length <= text.Length ? text.Substring(start, length) : throw new CelSyntaxException("truncated escape sequence");
}
