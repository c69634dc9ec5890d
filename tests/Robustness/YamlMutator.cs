using System.Text;

namespace Generator.Tests.Robustness;

/// <summary>
/// Damages YAML the ways people and tools do: flipped bytes, cut files, shifted indentation, repeated or swapped lines
/// (duplicate keys), a scalar where a map or list belongs and back, deep nesting, very long lines, invalid UTF-8,
/// control characters, alias bombs, thousands of tiny documents. Deterministic for a given <see cref="Random"/>.
/// </summary>
public sealed class YamlMutator(Random random)
{
    private static readonly string[] Replacements =
        ["{}", "[]", "null", "~", "123", "-1.5e300", "\"text\"", "{a: [1, {b: c}]}", "[x, [y, [z]]]", "&a {k: v}", "*missing", "!!binary AAAA", "|\n  block", "? complex\n: key", "yes", "0x7fffffffffffffffff"];

    public byte[] Mutate(byte[] input)
    {
        var bytes = input;
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            bytes = Once(bytes);
        }

        return bytes;
    }

    private byte[] Once(byte[] bytes) => random.Next(13) switch
    {
        12 => Insert(bytes, Encoding.UTF8.GetBytes("\n" + string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "--- {}\n" : "---\nkind: X\n", random.Next(100, 5_000))))),
        0 => FlipBytes(bytes),
        1 => bytes[..random.Next(bytes.Length + 1)],
        2 => EditLines(bytes, lines => ShiftIndentation(lines)),
        3 => EditLines(bytes, lines => lines.Insert(Index(lines), lines[Index(lines)])),
        4 => EditLines(bytes, lines => ReplaceValue(lines)),
        5 => Insert(bytes, Encoding.UTF8.GetBytes(random.Next(2) == 0 ? new string('[', random.Next(100, 5000)) : string.Concat(Enumerable.Repeat("a: {", random.Next(100, 2000))))),
        6 => Insert(bytes, Encoding.UTF8.GetBytes("\nlong: " + new string('x', random.Next(10_000, 200_000)) + "\n")),
        7 => Insert(bytes, random.Next(3) switch { 0 => [0xFF], 1 => [0xC3, 0x28], _ => [0xED, 0xA0, 0x80] }),
        8 => Insert(bytes, Encoding.UTF8.GetBytes(AliasBomb())),
        9 => EditLines(bytes, lines => lines.RemoveAt(Index(lines))),
        10 => EditLines(bytes, lines => Swap(lines)),
        _ => Insert(bytes, Encoding.UTF8.GetBytes(new[] { "\t", "\0", "\u001b", "\uFEFF", "\r", "---\n", "...\n", "%YAML 1.1\n", "#", ": ", "- " }[random.Next(11)])),
    };

    private byte[] FlipBytes(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
        }

        return copy;
    }

    private byte[] Insert(byte[] bytes, byte[] piece)
    {
        var at = random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. piece, .. bytes[at..]];
    }

    private byte[] EditLines(byte[] bytes, Action<List<string>> edit)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        if (lines.Count == 0)
        {
            return bytes;
        }

        edit(lines);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private int Index(List<string> lines) => random.Next(lines.Count);

    private void ShiftIndentation(List<string> lines)
    {
        var i = Index(lines);
        lines[i] = random.Next(3) switch
        {
            0 => new string(' ', random.Next(1, 4)) + lines[i],
            1 => lines[i].TrimStart(),
            _ => "\t" + lines[i],
        };
    }

    private void ReplaceValue(List<string> lines)
    {
        var i = Index(lines);
        var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
        var dash = lines[i].IndexOf("- ", StringComparison.Ordinal);
        var replacement = Replacements[random.Next(Replacements.Length)];
        if (colon >= 0)
        {
            lines[i] = lines[i][..(colon + 2)] + replacement;
        }
        else if (dash >= 0)
        {
            lines[i] = lines[i][..(dash + 2)] + replacement;
        }
        else
        {
            lines[i] = replacement;
        }
    }

    private void Swap(List<string> lines)
    {
        var (a, b) = (Index(lines), Index(lines));
        (lines[a], lines[b]) = (lines[b], lines[a]);
    }

    private string AliasBomb()
    {
        var text = new StringBuilder("\nbomb0: &b0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < random.Next(5, 15); i++)
        {
            text.Append($"bomb{i}: &b{i} [").Append(string.Join(", ", Enumerable.Repeat($"*b{i - 1}", 10))).Append("]\n");
        }

        return text.ToString();
    }
}
