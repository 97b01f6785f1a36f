using System.Collections.Generic;

namespace PasswordSafe.Commands;

/// <summary>One quick rule New-PSQuickRule will create at the end: its title, the first values given for it, its accounts.</summary>
internal sealed class PendingQuickRule
{
    public PendingQuickRule(string title, string? category, string? description, PasswordSafeSession? session)
    {
        Title = title;
        Category = category;
        Description = description;
        Session = session;
    }

    public string Title { get; }

    public string? Category { get; set; }

    public string? Description { get; set; }

    public PasswordSafeSession? Session { get; }

    public List<int> AccountIds { get; } = new List<int>();
}
