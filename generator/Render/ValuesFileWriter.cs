using System.Text;
using Generator.Options;
using Generator.Yaml;

namespace Generator.Render;

/// <summary>
/// Writes the chart's values.yaml from resolved options: every key with its description as a comment above it, in the
/// records' declaration order. Generator-only options are left out (they are not values).
/// </summary>
public static class ValuesFileWriter
{
    private const int Width = 110;

    public static string Write(GeneratorOptions options)
    {
        var sb = new StringBuilder();
        sb.Append("# Values of the llamastack-tracing chart. Generated from the generator's options (generator render); the\n");
        sb.Append("# schema in values.schema.json rejects unknown keys and wrong types.\n");
        WriteRecord(sb, options, 0);
        return sb.ToString();
    }

    private static void WriteRecord(StringBuilder sb, object record, int level)
    {
        var first = true;
        foreach (var property in OptionProperty.Of(record.GetType()).Where(p => !p.GeneratorOnly))
        {
            if (property.GetValue(record) is not { } value)
            {
                continue;
            }

            if (level == 0 && !first)
            {
                sb.Append('\n');
            }

            first = false;
            WriteComment(sb, property.Doc, level);
            var indent = new string(' ', level * 2);
            var node = OptionsSerializer.ToNode(value, valuesOnly: true);
            switch (node)
            {
                case YamlMapping { Count: > 0 } when property.IsRecord:
                    sb.Append(indent).Append(property.WireName).Append(":\n");
                    WriteRecord(sb, value, level + 1);
                    break;
                case YamlMapping or YamlSequence:
                    var block = YamlWriter.Write(new YamlMapping { [property.WireName] = node });
                    foreach (var line in block.TrimEnd('\n').Split('\n'))
                    {
                        sb.Append(indent).Append(line).Append('\n');
                    }

                    break;
                default:
                    sb.Append(indent).Append(property.WireName).Append(": ").Append(YamlWriter.FormatScalar((YamlScalar)node)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteComment(StringBuilder sb, string text, int level)
    {
        var indent = new string(' ', level * 2) + "# ";
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && indent.Length + line.Length + 1 + word.Length > Width)
            {
                sb.Append(indent).Append(line).Append('\n');
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            sb.Append(indent).Append(line).Append('\n');
        }
    }
}
