using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class ImageLatestTests
{
    private readonly ImageLatest _rule = new();

    private static string Running(string image) => Pod($"containers:\n  - name: app\n    image: {image}\n");

    [Theory]
    [InlineData("nginx", "has no tag (Kubernetes pulls :latest)")]
    [InlineData("registry.example.com:5000/team/app", "has no tag (Kubernetes pulls :latest)")]
    [InlineData("registry.example.com:5000/team/app:latest", "is tagged latest")]
    public void Check_FloatingImages_SayWhy(string image, string why)
    {
        var finding = Assert.Single(Check(_rule, Running(image)));

        Assert.Equal($"container \"app\" of Pod tracing/app runs {image}, which {why}", finding.Message);
    }

    [Theory]
    [InlineData("registry.example.com:5000/team/app:1.2")]
    [InlineData("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Check_PinnedImages_AreSilent(string image)
    {
        Assert.Empty(Check(_rule, Running(image)));
    }
}
