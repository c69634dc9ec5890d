using Generator.Facts;
using Generator.Yaml;

namespace Generator.Options;

public sealed record PatchOptions
{
    [Doc("How the start-up hook reaches the LlamaStack pod: auto (from llamaStack.kind and llamaStack.version: sitecustomize for 0.2 to 0.6, where the hook fixes the tracing module of 0.2.x and 0.3.x and installs a tracer provider on 0.4 to 0.6; none for 0.7 and later and for an OGXServer, which are auto-instrumented), sitecustomize (our module on PYTHONPATH; works for any Python version), subPath (your own patched tracing.py mounted over the installed one; 0.2.x and 0.3.x), initContainer (the seed's wiring; the LlamaStackDistribution CRD cannot express it) or none.")]
    public PatchStrategy Strategy { get; init; } = PatchStrategy.Auto;

    [Doc("Name of the ConfigMap holding the fix.")]
    [Pattern(Patterns.Dns1123Subdomain, Patterns.Dns1123SubdomainMeaning)]
    public string ConfigMapName { get; init; } = "llamastack-tracing-patch";

    [Doc("Directory the sitecustomize strategy mounts the fix into (and appends to PYTHONPATH).")]
    [Pattern(Patterns.AbsolutePath, Patterns.AbsolutePathMeaning)]
    public string MountPath { get; init; } = "/opt/app-root/tracing-fix";

    [Doc("Your patched tracing.py for the subPath and initContainer strategies (path relative to the options file).")]
    [GeneratorOnly]
    public string File { get; init; } = string.Empty;

    [Doc("site-packages directory of the LlamaStack image (subPath and initContainer strategies).")]
    [Pattern(Patterns.AbsolutePath, Patterns.AbsolutePathMeaning)]
    public string SitePackages { get; init; } = LlamaStackFacts.SitePackages;
}

public enum PatchStrategy
{
    [WireName("auto")]
    Auto,

    [WireName("sitecustomize")]
    Sitecustomize,

    [WireName("subPath")]
    SubPath,

    [WireName("initContainer")]
    InitContainer,

    [WireName("none")]
    None,
}
