using Generator.Schemas.Cel;
using Generator.Yaml;

namespace Generator.Tests.Schemas;

/// <summary>The CEL subset, checked on the rules of our CRDs and on the constructs around them.</summary>
public sealed class CelTests
{
    private const string HeaderValueRule =
        """self.all(key, key.action.type == "Delete" || (has(key.action.set) && key.action.set.value.matches('^(?:%(?:%|(?:\\{[-+]?[QXE](?:,[-+]?[QXE])*\\})?\\[(?:req\\.hdr\\([0-9A-Za-z-]+\\)|ssl_c_der)(?:,(?:lower|base64))*\\])|[^%[:cntrl:]])+$')))""";

    [Theory]
    [InlineData("!(has(self.name) && has(self.image))", "{name: a}", true)]
    [InlineData("!(has(self.name) && has(self.image))", "{name: a, image: b}", false)]
    [InlineData("!has(self.tls) || self.tls.termination != 'passthrough' || !has(self.httpHeaders)", "{tls: {termination: passthrough}, httpHeaders: {}}", false)]
    [InlineData("!has(self.tls) || self.tls.termination != 'passthrough' || !has(self.httpHeaders)", "{tls: {termination: edge}, httpHeaders: {}}", true)]
    [InlineData("!has(self.tls) || self.tls.termination != 'passthrough' || !has(self.httpHeaders)", "{tls: {}}", true)]
    [InlineData("self.lowerAscii() != 'proxy'", "PROXY", false)]
    [InlineData("self.lowerAscii() != 'proxy'", "X-Proxy", true)]
    [InlineData("has(self.type) && self.type == 'Set' ?  has(self.set) : !has(self.set)", "{type: Set}", false)]
    [InlineData("has(self.type) && self.type == 'Set' ?  has(self.set) : !has(self.set)", "{type: Delete}", true)]
    [InlineData("has(self.type) && self.type == 'Set' ?  has(self.set) : !has(self.set)", "{type: Delete, set: {value: x}}", false)]
    [InlineData("has(self.termination) && has(self.insecureEdgeTerminationPolicy) ? !((self.termination=='passthrough') && (self.insecureEdgeTerminationPolicy=='Allow')) : true", "{termination: passthrough, insecureEdgeTerminationPolicy: Allow}", false)]
    [InlineData("has(self.termination) && has(self.insecureEdgeTerminationPolicy) ? !((self.termination=='passthrough') && (self.insecureEdgeTerminationPolicy=='Allow')) : true", "{termination: passthrough}", true)]
    [InlineData(HeaderValueRule, "[{action: {type: Set, set: {value: '%[req.hdr(X-Target),lower]'}}}]", true)]
    [InlineData(HeaderValueRule, "[{action: {type: Set, set: {value: 'plain value'}}}, {action: {type: Delete}}]", true)]
    [InlineData(HeaderValueRule, "[{action: {type: Set, set: {value: '%[res.hdr(X-Target)]'}}}]", false)]
    [InlineData(HeaderValueRule, "[{action: {type: Set, set: {value: \"tab\\there\"}}}]", false)]
    [InlineData(HeaderValueRule, "[{action: {type: Set}}]", false)]
    [InlineData("self.size() <= 3 && 'a' in self && self.exists(x, x.startsWith('b')) && self.exists_one(x, x == 'a')", "[a, bc]", true)]
    [InlineData("self.map(x, x * 2).filter(y, y > 2) == [4, 6]", "[1, 2, 3]", true)]
    [InlineData("self.all(k, self[k] > 0) && 'a' in self && size(self) == 2", "{a: 1, b: 2}", true)]
    [InlineData("self.name.matches('^[a-z]+$') && self.name.endsWith('x') && self.name.contains('b')", "{name: abx}", true)]
    [InlineData("1 + 2 * 3 == 7 && 7 / 2 == 3 && 7 % 2 == 1 && -1 < 0 && 1.5 > 1 && 2u == 2 && 'a' + 'b' == 'ab'", "{}", true)]
    [InlineData("self.x == 1 || true", "{}", true)]
    [InlineData("(true ? 'a' : 'b') == 'a' && (false ? 1 : 2) == 2", "{}", true)]
    [InlineData("int('42') == 42 && string(7) == '7' && double(1) == 1.0", "{}", true)]
    public void Rules_EvaluateAsTheApiServerDoes(string rule, string selfYaml, bool expected)
    {
        Assert.Equal(expected, Evaluate(rule, selfYaml));
    }

    [Theory]
    [InlineData("self.x == 1", "{}", "no such key: x")]
    [InlineData("self.a < 'b'", "{a: 1}", "no matching overload")]
    [InlineData("1 / 0 == 0", "{}", "division by zero")]
    [InlineData("self[5] == 1", "[1]", "index out of bounds")]
    public void RuntimeErrors_AreErrors(string rule, string selfYaml, string message)
    {
        var result = CelEvaluator.Evaluate(CelParser.Parse(rule), Self(selfYaml));

        Assert.Contains(message, Assert.IsType<CelError>(result).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("self == oldSelf", "oldSelf")]
    [InlineData("quantity(self.size).isGreaterThan(quantity('1Gi'))", "function quantity()")]
    [InlineData("self.?name.orValue('') == ''", "optional")]
    [InlineData("type(self) == string", "function type()")]
    public void UnsupportedConstructs_AreNotEvaluated(string rule, string reason)
    {
        var (program, problem) = CelValues.Program(rule);
        if (program is not null)
        {
            var ex = Assert.Throws<CelUnsupportedException>(() => CelEvaluator.Evaluate(program, Self("{size: 1}")));
            problem = ex.Message;
        }

        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("self.a ==")]
    [InlineData("'unterminated")]
    [InlineData("self.all(1, true)")]
    public void SyntaxErrors_AreReportedAsProblems(string rule)
    {
        var (program, problem) = CelValues.Program(rule);

        Assert.Null(program);
        Assert.StartsWith("the rule does not parse", problem, StringComparison.Ordinal);
    }

    private static bool Evaluate(string rule, string selfYaml) =>
        Assert.IsType<bool>(CelEvaluator.Evaluate(CelParser.Parse(rule), Self(selfYaml)));

    private static object Self(string yaml) => CelValues.From(YamlReader.Parse("self.yaml", "v: " + yaml + "\n").Documents[0].Root is YamlMapping m ? m["v"]! : throw new InvalidOperationException(), null);
}
