using Generator.Documents;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// An image without a tag, or tagged <c>latest</c>, is whatever the registry holds when a node pulls it: two pods of one
/// Deployment can run different builds, a restart can upgrade silently, and an init container copying files into the
/// server's site-packages drifts away from the server. A digest pins the image, so it is fine.
/// </summary>
public sealed class ImageLatest : ILintRule
{
    public RuleInfo Info { get; } = new(
        "image-latest",
        Severity.Warning,
        "An image is untagged or tagged latest, so what runs changes with every pull.",
        "Pin the image to a version tag (or a digest, image@sha256:...).");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var workload in context.Workloads)
        {
            foreach (var container in workload.AllContainers)
            {
                if (container.Node.GetScalar("image") is { IsNull: false } image && Floating(image.Text) is { } why)
                {
                    yield return LintContext.Report(Info, workload.Manifest, image, FieldPath.Child(container.Path, "image"),
                        $"container \"{container.Name}\" of {workload} runs {image.Text}, which {why}");
                }
            }

            if (workload.DistributionImageNode is { } distribution && Floating(distribution.Text) is { } reason)
            {
                yield return LintContext.Report(Info, workload.Manifest, distribution, workload.DistributionImagePath,
                    $"{workload} runs server image {distribution.Text}, which {reason}");
            }
        }
    }

    private static string? Floating(string image) => ImageReference.Parse(image) switch
    {
        { Digest: not null } => null,
        { Tag: null } => "has no tag (Kubernetes pulls :latest)",
        { Tag: "latest" } => "is tagged latest",
        _ => null,
    };
}
