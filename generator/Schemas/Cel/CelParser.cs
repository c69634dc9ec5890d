using System.Globalization;
using System.Text;

namespace Generator.Schemas.Cel;

/// <summary>
/// A recursive-descent parser for CEL expressions (the grammar of cel-spec's langdef, minus message construction and
/// optional syntax). Macros (<c>has</c>, <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c>, <c>filter</c>) are expanded here.
/// Nesting is bounded so a hostile rule cannot exhaust the stack.
/// </summary>
internal sealed class CelParser
{
    private const int MaxDepth = 100;

    private readonly List<Token> _tokens;
    private int _position;
    private int _depth;

    private CelParser(List<Token> tokens) => _tokens = tokens;

    private enum TokenKind
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

    public static CelExpr Parse(string text)
    {
        var parser = new CelParser(Lex(text));
        var expr = parser.Expression();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw new CelSyntaxException($"unexpected '{parser.Peek.Text}' at offset {parser.Peek.Offset}");
        }

        return expr;
    }

    private Token Peek => _tokens[_position];

    private Token Next() => _tokens[_position++];

    private bool Accept(string punct)
    {
        if (Peek.Kind == TokenKind.Punct && Peek.Text == punct)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(string punct)
    {
        if (!Accept(punct))
        {
            throw new CelSyntaxException($"expected '{punct}' at offset {Peek.Offset}, found '{Peek.Text}'");
        }
    }

    private CelExpr Expression()
    {
        if (++_depth > MaxDepth)
        {
            throw new CelSyntaxException("expression nested too deeply");
        }

        try
        {
            var condition = Or();
            if (!Accept("?"))
            {
                return condition;
            }

            var then = Or();
            Expect(":");
            var otherwise = Expression();
            return new CelConditional(condition, then, otherwise);
        }
        finally
        {
            _depth--;
        }
    }

    private CelExpr Or()
    {
        var left = And();
        while (Accept("||"))
        {
            left = new CelBinary("||", left, And());
        }

        return left;
    }

    private CelExpr And()
    {
        var left = Relation();
        while (Accept("&&"))
        {
            left = new CelBinary("&&", left, Relation());
        }

        return left;
    }

    private CelExpr Relation()
    {
        var left = Addition();
        while (true)
        {
            if (Peek.Kind == TokenKind.Punct && Peek.Text is "<" or "<=" or ">" or ">=" or "==" or "!=")
            {
                var op = Next().Text;
                left = new CelBinary(op, left, Addition());
            }
            else if (Peek.Kind == TokenKind.Ident && Peek.Text == "in")
            {
                Next();
                left = new CelBinary("in", left, Addition());
            }
            else
            {
                return left;
            }
        }
    }

    private CelExpr Addition()
    {
        var left = Multiplication();
        while (Peek.Kind == TokenKind.Punct && Peek.Text is "+" or "-")
        {
            var op = Next().Text;
            left = new CelBinary(op, left, Multiplication());
        }

        return left;
    }

    private CelExpr Multiplication()
    {
        var left = Unary();
        while (Peek.Kind == TokenKind.Punct && Peek.Text is "*" or "/" or "%")
        {
            var op = Next().Text;
            left = new CelBinary(op, left, Unary());
        }

        return left;
    }

    private CelExpr Unary()
    {
        var ops = new List<string>();
        while (Peek.Kind == TokenKind.Punct && Peek.Text is "!" or "-")
        {
            ops.Add(Next().Text);
            if (ops.Count > MaxDepth)
            {
                throw new CelSyntaxException("expression nested too deeply");
            }
        }

        var expr = Member();
        for (var i = ops.Count - 1; i >= 0; i--)
        {
            expr = new CelUnary(ops[i], expr);
        }

        return expr;
    }

    private CelExpr Member()
    {
        var expr = Primary();
        while (true)
        {
            if (Accept("."))
            {
                if (Accept("?"))
                {
                    throw new CelUnsupportedException("optional field selection (.?)");
                }

                var name = Identifier();
                if (Accept("("))
                {
                    expr = MemberCall(expr, name, Arguments(")"));
                }
                else
                {
                    expr = new CelSelect(expr, name, false);
                }
            }
            else if (Accept("["))
            {
                if (Accept("?"))
                {
                    throw new CelUnsupportedException("optional index ([?])");
                }

                var index = Expression();
                Expect("]");
                expr = new CelIndex(expr, index);
            }
            else if (Peek.Kind == TokenKind.Punct && Peek.Text == "{" && expr is CelIdent or CelSelect)
            {
                throw new CelUnsupportedException("message construction");
            }
            else
            {
                return expr;
            }
        }
    }

    private static CelExpr MemberCall(CelExpr target, string name, List<CelExpr> args)
    {
        switch (name)
        {
            case "all" or "exists" or "exists_one" or "filter" when args.Count == 2:
                return new CelComprehension(name, target, VariableName(args[0], name), args[1], null);
            case "map" when args.Count == 2:
                return new CelComprehension(name, target, VariableName(args[0], name), args[1], null);
            case "map" when args.Count == 3:
                return new CelComprehension(name, target, VariableName(args[0], name), args[1], args[2]);
            case "all" or "exists" or "exists_one" or "filter" or "map":
                throw new CelSyntaxException($"macro {name} needs a variable and an expression");
            default:
                return new CelCall(target, name, args);
        }
    }

    private static string VariableName(CelExpr expr, string macro) =>
        expr is CelIdent ident ? ident.Name : throw new CelSyntaxException($"the first argument of {macro}() must be a variable name");

    private CelExpr Primary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Int:
            case TokenKind.UInt:
            case TokenKind.Double:
            case TokenKind.String:
            case TokenKind.Bytes:
                Next();
                return new CelLiteral(token.Value!);
            case TokenKind.Ident:
                Next();
                switch (token.Text)
                {
                    case "true":
                        return new CelLiteral(true);
                    case "false":
                        return new CelLiteral(false);
                    case "null":
                        return new CelLiteral(CelNull.Value);
                }

                if (Accept("("))
                {
                    var args = Arguments(")");
                    if (token.Text == "has")
                    {
                        return args is [CelSelect select] ? select with { TestOnly = true } : throw new CelSyntaxException("has() needs a field selection, e.g. has(self.name)");
                    }

                    return new CelCall(null, token.Text, args);
                }

                return new CelIdent(token.Text);
            case TokenKind.Punct:
                if (Accept("("))
                {
                    var inner = Expression();
                    Expect(")");
                    return inner;
                }

                if (Accept("["))
                {
                    return new CelList(Arguments("]"));
                }

                if (Accept("{"))
                {
                    return MapLiteral();
                }

                if (token.Text == ".")
                {
                    Next();
                    return new CelIdent(Identifier());
                }

                break;
        }

        throw new CelSyntaxException($"unexpected '{token.Text}' at offset {token.Offset}");
    }

    private CelExpr MapLiteral()
    {
        var entries = new List<(CelExpr, CelExpr)>();
        while (!Accept("}"))
        {
            var key = Expression();
            Expect(":");
            entries.Add((key, Expression()));
            if (!Accept(","))
            {
                Expect("}");
                break;
            }
        }

        return new CelMapLiteral(entries);
    }

    private List<CelExpr> Arguments(string close)
    {
        var args = new List<CelExpr>();
        while (!Accept(close))
        {
            args.Add(Expression());
            if (!Accept(","))
            {
                Expect(close);
                break;
            }
        }

        return args;
    }

    private string Identifier()
    {
        var token = Next();
        return token.Kind == TokenKind.Ident ? token.Text : throw new CelSyntaxException($"expected a name at offset {token.Offset}, found '{token.Text}'");
    }

    private sealed record Token(TokenKind Kind, string Text, object? Value, int Offset);

    private static readonly string[] Puncts = ["||", "&&", "<=", ">=", "==", "!=", "<", ">", "!", "?", ":", "+", "-", "*", "/", "%", ".", ",", "(", ")", "[", "]", "{", "}"];

    private static List<Token> Lex(string text)
    {
        var tokens = new List<Token>();
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
                tokens.Add(new Token(TokenKind.End, "end of rule", null, i));
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
                        ? new Token(TokenKind.Bytes, word, Encoding.UTF8.GetBytes(literal), start)
                        : new Token(TokenKind.String, word, literal, start));
                    continue;
                }

                tokens.Add(new Token(TokenKind.Ident, word, null, start));
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(text, ref i));
                continue;
            }

            if (c is '"' or '\'')
            {
                tokens.Add(new Token(TokenKind.String, "string", ReadString(text, ref i, raw: false), start));
                continue;
            }

            var punct = Puncts.FirstOrDefault(p => string.CompareOrdinal(text, i, p, 0, p.Length) == 0)
                ?? throw new CelSyntaxException($"unexpected character '{c}' at offset {i}");
            tokens.Add(new Token(TokenKind.Punct, punct, null, i));
            i += punct.Length;
        }
    }

    private static Token ReadNumber(string text, ref int i)
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
                return new Token(TokenKind.UInt, text[start..i], ulong.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture), start);
            }

            return new Token(TokenKind.Int, text[start..i], long.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture), start);
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
            return new Token(TokenKind.Double, digits, double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture), start);
        }

        if (i < text.Length && text[i] is 'u' or 'U')
        {
            i++;
            return ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned)
                ? new Token(TokenKind.UInt, text[start..i], unsigned, start)
                : throw new CelSyntaxException($"integer literal {digits} out of range");
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? new Token(TokenKind.Int, digits, value, start)
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
