using Generator.Yaml;

namespace Generator.Model;

/// <summary>A container environment variable: a literal value or a reference to a Secret or ConfigMap key.</summary>
public sealed record EnvVar(string Name, string? Value, KeyRef? SecretKeyRef = null, KeyRef? ConfigMapKeyRef = null)
{
    public YamlMapping ToYaml()
    {
        var env = new YamlMapping { ["name"] = Name };
        if (Value is not null)
        {
            env["value"] = Value;
        }
        else if (SecretKeyRef is not null)
        {
            env["valueFrom"] = new YamlMapping { ["secretKeyRef"] = SecretKeyRef.ToYaml() };
        }
        else if (ConfigMapKeyRef is not null)
        {
            env["valueFrom"] = new YamlMapping { ["configMapKeyRef"] = ConfigMapKeyRef.ToYaml() };
        }

        return env;
    }
}

public sealed record KeyRef(string Name, string Key)
{
    public YamlMapping ToYaml() => new() { ["name"] = Name, ["key"] = Key };
}
