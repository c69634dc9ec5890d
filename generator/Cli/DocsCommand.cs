using System.CommandLine;
using Generator.Render;

namespace Generator.Cli;

/// <summary><c>docs</c>: prints the reference tables the README embeds (generated, so they cannot drift).</summary>
public static class DocsCommand
{
    public static Command Create(TextWriter stdout)
    {
        var options = new Command("options", "Print the options reference as a Markdown table.");
        options.SetAction(_ =>
        {
            stdout.Write(ReferenceDocs.OptionsTable());
            return ExitCodes.Ok;
        });
        var rules = new Command("rules", "Print the lint rule catalog as a Markdown table.");
        rules.SetAction(_ =>
        {
            stdout.Write(ReferenceDocs.RulesTable());
            return ExitCodes.Ok;
        });
        return new Command("docs", "Print reference documentation generated from the tool's own metadata.") { options, rules };
    }
}
