namespace Generator.Render;

/// <summary>A file the generator writes, relative to the output directory, with its exact content.</summary>
public sealed record RenderedFile(string RelativePath, string Content);
