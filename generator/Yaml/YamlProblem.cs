namespace Generator.Yaml;

public enum YamlProblemKind
{
    /// <summary>The text is not valid YAML (or not valid UTF-8); parsing of the stream stopped here.</summary>
    Syntax,

    /// <summary>A limit of <see cref="YamlLimits"/> was hit; parsing of the stream stopped here.</summary>
    Limit,

    /// <summary>The same key twice in one mapping; the later value is kept, as kubectl does.</summary>
    DuplicateKey,

    /// <summary>A construct the Kubernetes YAML decoder rejects, e.g. a mapping used as a key.</summary>
    Unsupported,
}

/// <summary>Something wrong with the YAML text itself, with where it is.</summary>
public sealed record YamlProblem(YamlProblemKind Kind, Mark Mark, string Message);
