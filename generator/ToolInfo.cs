namespace Generator;

/// <summary>The tool's name and version (the project file's Version), used in labels and the chart's version.</summary>
public static class ToolInfo
{
    public const string Name = "llamastack-tracing";

    public const string ManagedBy = "llamastack-tracing-generator";

    public static string Version { get; } = FormatVersion(typeof(ToolInfo).Assembly.GetName().Version);

    private static string FormatVersion(Version? version) => version is null ? "0.0.0" : $"{version.Major}.{version.Minor}.{Math.Max(version.Build, 0)}";
}
