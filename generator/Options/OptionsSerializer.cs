using Generator.Yaml;

namespace Generator.Options;

/// <summary>Turns option records back into a YAML tree: the chart's values and the parity tests' values files.</summary>
public static class OptionsSerializer
{
    /// <summary>The record as a mapping; null options are left out, and generator-only ones too when <paramref name="valuesOnly"/>.</summary>
    public static YamlMapping ToYaml(object record, bool valuesOnly)
    {
        var mapping = new YamlMapping();
        foreach (var property in OptionProperty.Of(record.GetType()))
        {
            if (valuesOnly && property.GeneratorOnly)
            {
                continue;
            }

            if (property.GetValue(record) is { } value)
            {
                mapping.Add(property.WireName, ToNode(value, valuesOnly));
            }
        }

        return mapping;
    }

    public static YamlNode ToNode(object value, bool valuesOnly) => value switch
    {
        string text => YamlScalar.String(text),
        long number => YamlScalar.Integer(number),
        bool flag => YamlScalar.Boolean(flag),
        Enum member => YamlScalar.String(EnumNames.Wire(member)),
        System.Collections.IEnumerable items => new YamlSequence(items.Cast<object>().Select(i => ToNode(i, valuesOnly))),
        _ => ToYaml(value, valuesOnly),
    };
}
