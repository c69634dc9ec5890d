namespace Generator.Options;

/// <summary>Fills the options a profile decides (<see cref="ProfileDefaultAttribute"/>) that the user left unset.</summary>
public static class OptionsResolver
{
    public static GeneratorOptions Resolve(GeneratorOptions options) => (GeneratorOptions)Fill(options, options.Profile);

    private static object Fill(object record, Profile profile)
    {
        foreach (var property in OptionProperty.Of(record.GetType()))
        {
            var value = property.GetValue(record);
            if (value is null && property.ProfileDefault is { } preset)
            {
                record = OptionProperty.With(record, property, Parse(property.ValueType, preset.For(profile)));
            }
            else if (value is not null && property.IsRecord)
            {
                record = OptionProperty.With(record, property, Fill(value, profile));
            }
        }

        return record;
    }

    private static object Parse(Type type, string text)
    {
        if (type == typeof(bool))
        {
            return bool.Parse(text);
        }

        if (type.IsEnum)
        {
            return EnumNames.Of(type).Single(n => n.Wire == text).Value;
        }

        return text;
    }
}
