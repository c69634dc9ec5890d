namespace Generator.Yaml;

/// <summary>How an enum member is spelled in YAML (options files, chart values).</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class WireNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
