using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PasswordSafe.Benchmarks;

/// <summary>A plain, fixed-width text table (pastes into Markdown code blocks and logs unchanged).</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = new();

    public TextTable(params string[] headers) => _headers = headers;

    public void Add(params string[] cells)
    {
        if (cells.Length != _headers.Length) throw new ArgumentException($"A row needs {_headers.Length} cells.", nameof(cells));
        _rows.Add(cells);
    }

    public override string ToString()
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        Line(text, _headers, widths);
        Line(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in _rows) Line(text, row, widths);
        return text.ToString();
    }

    // First column left-aligned (names), the rest right-aligned (numbers).
    private static void Line(StringBuilder text, IReadOnlyList<string> cells, IReadOnlyList<int> widths)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) text.Append("  ");
            text.Append(i == 0 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]));
        }

        text.AppendLine();
    }
}
