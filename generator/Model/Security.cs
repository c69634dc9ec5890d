using Generator.Yaml;

namespace Generator.Model;

/// <summary>The restricted Pod Security Standard settings our own containers run with.</summary>
public static class Security
{
    public static YamlMapping RestrictedContainer() => new()
    {
        ["allowPrivilegeEscalation"] = false,
        ["readOnlyRootFilesystem"] = true,
        ["runAsNonRoot"] = true,
        ["capabilities"] = new YamlMapping { ["drop"] = new YamlSequence { "ALL" } },
    };

    public static YamlMapping RestrictedPod() => new()
    {
        ["runAsNonRoot"] = true,
        ["seccompProfile"] = new YamlMapping { ["type"] = "RuntimeDefault" },
    };
}
