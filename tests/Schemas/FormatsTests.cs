using Generator.Schemas;

namespace Generator.Tests.Schemas;

public sealed class FormatsTests
{
    [Theory]
    [InlineData("5s")]
    [InlineData("1h30m")]
    [InlineData("1.5h")]
    [InlineData("300ms")]
    [InlineData("2h45m30.5s")]
    [InlineData("-1m")]
    [InlineData("0")]
    [InlineData("10us")]
    [InlineData("10µs")]
    [InlineData("1 day")]
    [InlineData("2 wk")]
    [InlineData("1h 30m")]
    [InlineData("1d2h")]
    public void Duration_AcceptsGoAndStrfmtForms(string value) => Assert.Null(Formats.Check("duration", value));

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("soon")]
    [InlineData("5 parsecs")]
    [InlineData(".s")]
    [InlineData("3 days")]
    public void Duration_RejectsOthers(string value) => Assert.NotNull(Formats.Check("duration", value));

    [Theory]
    [InlineData("date-time", "2026-11-24T10:00:00Z", true)]
    [InlineData("date-time", "2026-11-24T10:00:00.123+02:00", true)]
    [InlineData("date-time", "2026-02-30T10:00:00Z", false)]
    [InlineData("date", "2026-11-24", true)]
    [InlineData("date", "24.11.2026", false)]
    [InlineData("byte", "aGVsbG8=", true)]
    [InlineData("byte", "aGVsbG8", false)]
    [InlineData("ipv4", "10.0.0.1", true)]
    [InlineData("ipv4", "10.0.1", false)]
    [InlineData("cidr", "10.0.0.0/8", true)]
    [InlineData("cidr", "10.0.0.0/33", false)]
    [InlineData("uuid", "123e4567-e89b-12d3-a456-426614174000", true)]
    [InlineData("hostname", "tempo-tracing.openshift-tempo-operator.svc", true)]
    [InlineData("hostname", "bad_host", false)]
    [InlineData("no-such-format", "anything", true)]
    public void OtherFormats(string format, string value, bool valid) => Assert.Equal(valid, Formats.Check(format, value) is null);

    [Theory]
    [InlineData("^abc$", "abc", true)]
    [InlineData("^abc$", "abc\n", false)]
    [InlineData("^[^%[:cntrl:]]+$", "plain text", true)]
    [InlineData("^[^%[:cntrl:]]+$", "tab\there", false)]
    [InlineData("^[^%[:cntrl:]]+$", "100%", false)]
    [InlineData("^\\pL+$", "héllo", true)]
    [InlineData("^(?P<word>[a-z]+)$", "abc", true)]
    [InlineData("^[\\[\\]]+$", "[]", true)]
    [InlineData("^[]a]+$", "]a", true)]
    public void Re2Patterns_AreTranslated(string pattern, string input, bool matches)
    {
        var regex = Re2Regex.Get(pattern);

        Assert.NotNull(regex);
        Assert.Equal(matches, regex.IsMatch(input));
    }
}
