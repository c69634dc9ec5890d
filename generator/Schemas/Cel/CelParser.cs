namespace Generator.Schemas.Cel;

/// <summary>
/// A recursive-descent parser for CEL expressions (the grammar of cel-spec's langdef, minus message construction and
/// optional syntax) over the tokens of <see cref="CelLexer"/>. Macros (<c>has</c>, <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c>, <c>filter</c>) are expanded here.
/// Nesting is bounded so a hostile rule cannot exhaust the stack.
/// </summary>
internal sealed class CelParser
{
    private const int MaxDepth = 100;

    private readonly List<CelToken> _tokens;
    private int _position;
    private int _depth;

    private CelParser(List<CelToken> tokens) => _tokens = tokens;

    public static CelExpr Parse(string text)
    {
        var parser = new CelParser(CelLexer.Lex(text));
        var expr = parser.Expression();
        if (parser.Peek.Kind != CelTokenKind.End)
        {
            throw new CelSyntaxException($"unexpected '{parser.Peek.Text}' at offset {parser.Peek.Offset}");
        }

        return expr;
    }

    private CelToken Peek => _tokens[_position];

    private CelToken Next() => _tokens[_position++];

    private bool Accept(string punct)
    {
        if (Peek.Kind == CelTokenKind.Punct && Peek.Text == punct)
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
            if (Peek.Kind == CelTokenKind.Punct && Peek.Text is "<" or "<=" or ">" or ">=" or "==" or "!=")
            {
                var op = Next().Text;
                left = new CelBinary(op, left, Addition());
            }
            else if (Peek.Kind == CelTokenKind.Ident && Peek.Text == "in")
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
        while (Peek.Kind == CelTokenKind.Punct && Peek.Text is "+" or "-")
        {
            var op = Next().Text;
            left = new CelBinary(op, left, Multiplication());
        }

        return left;
    }

    private CelExpr Multiplication()
    {
        var left = Unary();
        while (Peek.Kind == CelTokenKind.Punct && Peek.Text is "*" or "/" or "%")
        {
            var op = Next().Text;
            left = new CelBinary(op, left, Unary());
        }

        return left;
    }

    private CelExpr Unary()
    {
        var ops = new List<string>();
        while (Peek.Kind == CelTokenKind.Punct && Peek.Text is "!" or "-")
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
            else if (Peek.Kind == CelTokenKind.Punct && Peek.Text == "{" && expr is CelIdent or CelSelect)
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
            case CelTokenKind.Int:
            case CelTokenKind.UInt:
            case CelTokenKind.Double:
            case CelTokenKind.String:
            case CelTokenKind.Bytes:
                Next();
                return new CelLiteral(token.Value!);
            case CelTokenKind.Ident:
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
            case CelTokenKind.Punct:
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
        return token.Kind == CelTokenKind.Ident ? token.Text : throw new CelSyntaxException($"expected a name at offset {token.Offset}, found '{token.Text}'");
    }
}
