using Generator.Schemas.Cel;
using Generator.Yaml;

namespace Generator.Tests.Schemas;

/// <summary>How each macro treats every element, including predicates that fail or are not bools (cel-spec's macro semantics).</summary>
public sealed class CelMacroTests
{
    [Theory]
    [InlineData("self.all(x, x > 1)", "[2, 3]", "true")]
    [InlineData("self.all(x, x > 1)", "[]", "true")]
    [InlineData("self.exists(x, x > 2)", "[1, 2]", "false")]
    [InlineData("self.all(x, x == 'a' || x > 2)", "[1, a]", "false")] // the element that decides wins over the error elsewhere
    [InlineData("self.exists(x, x > 2)", "[a, 3]", "true")]
    [InlineData("self.all(x, x > 0)", "[1, a]", "error: no matching overload for '_>_' applied to (string, int)")]
    [InlineData("self.exists(x, x)", "[1]", "error: exists() predicate did not return a bool")]
    [InlineData("self.exists_one(x, x == 'a')", "[a, b, a]", "false")]
    [InlineData("self.exists_one(x, x > 1)", "[1, 2]", "true")]
    [InlineData("self.exists_one(x, x > 1)", "[2, a]", "error: no matching overload for '_>_' applied to (string, int)")]
    [InlineData("self.filter(x, x > 1)", "[1, 2, 3]", "[2, 3]")]
    [InlineData("self.filter(x, 'yes')", "[1]", "error: filter() predicate did not return a bool")]
    [InlineData("self.map(x, x * 2)", "[1, 2]", "[2, 4]")]
    [InlineData("self.map(x, x > 1, x * 10)", "[1, 2, 3]", "[20, 30]")]
    [InlineData("self.map(x, 1, x)", "[1]", "error: map() filter did not return a bool")]
    [InlineData("self.map(k, k)", "{a: 1, b: 2}", "[a, b]")] // a map's keys
    [InlineData("self.map(x, x.map(x, x * 2))", "[[1], [2, 3]]", "[[2], [4, 6]]")] // an inner variable shadows the outer one
    [InlineData("self.all(x, true) && self.exists(y, y == 1)", "[1]", "true")]
    [InlineData("self.all(x, true)", "abc", "error: no matching overload for 'all' applied to (string)")]
    public void Macro_Result(string rule, string selfYaml, string expected)
    {
        Assert.Equal(expected, Show(CelEvaluator.Evaluate(CelParser.Parse(rule), Self(selfYaml))));
    }

    [Fact]
    public void MacroVariable_IsUnboundAfterTheMacro()
    {
        var ex = Assert.Throws<CelUnsupportedException>(() => CelEvaluator.Evaluate(CelParser.Parse("self.all(x, true) && x == 1"), Self("[1]")));

        Assert.Equal("identifier 'x'", ex.Message);
    }

    private static string Show(object value) => value switch
    {
        CelError error => "error: " + error.Message,
        List<object> list => "[" + string.Join(", ", list.Select(Show)) + "]",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };

    private static object Self(string yaml) => CelValues.From(YamlReader.Parse("self.yaml", "v: " + yaml + "\n").Documents[0].Root is YamlMapping m ? m["v"]! : throw new InvalidOperationException(), null);
}
